import type { BenchStack } from './bench-stack';

/** One line of the benchmark's table: a figure with its unit, next to the same-run baseline's. */
export interface TableRow {
  /** What was measured. */
  row: string;
  /** The figure with its unit, e.g. `1,234 /s` or `12 ms`. */
  value: string;
  /** The baseline's figure in the same unit. */
  baseline?: string;
  /** value ÷ baseline (for a latency, above 1 is slower). */
  ratio?: number;
  /** What the baseline is, a goal met or missed, or what makes the row doubtful. */
  note?: string;
}

/** A section's entry in the last-line JSON: figures, or groups of them, each next to its baseline. */
export interface Figures {
  [name: string]: number | Figures;
}

export interface SectionResult {
  rows: TableRow[];
  figures: Figures;
  /** What makes the figures worthless (non-2xx answers, errors): printed loudly, and the run fails. */
  problems?: string[];
}

export interface SectionOptions {
  /** Short runs for `npm run bench -- --quick`, which must finish within 3 minutes in all. */
  quick: boolean;
  /** Progress lines, on stderr. */
  log: (line: string) => void;
}

/** A part of `npm run bench`, run in turn against one shared stack by bench/run.ts. */
export interface BenchSection {
  name: string;
  run(stack: BenchStack, options: SectionOptions): Promise<SectionResult>;
}
