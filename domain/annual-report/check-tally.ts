import type { ValidationIssue } from '../validation/issues';

/** One reason the Trade Database would refuse a row (or why a permit could give no row at all). */
export interface RefusedRow {
  /** The row's number in the report file, 1 for the first line after the header; null for a permit that gave no row. */
  readonly row: number | null;
  readonly permitNumber: string;
  /** The column at fault, e.g. `PurposeCode`; null when the permit gave no row. */
  readonly column: string | null;
  /** A stable code, e.g. `term-unit-not-allowed` or `not-signed`. */
  readonly code: string;
  /** Why, in English. */
  readonly reason: string;
}

/** What the checks found over a whole report. */
export interface AnnualReportCheckTotals {
  /** Rows the report has. */
  readonly rows: number;
  /** Rows with at least one reason to be refused. */
  readonly refusedRows: number;
  /** Reasons found, over all rows (a row may have several). */
  readonly problems: number;
  /** Permits the report should hold but that gave no row (no signed content to read it from). */
  readonly unreportable: number;
  /** How often each reason's code was found. */
  readonly byCode: Readonly<Record<string, number>>;
  /** The first reasons found, at most the cap, in report order. */
  readonly refused: readonly RefusedRow[];
  /** Whether more reasons were found than `refused` lists. */
  readonly truncated: boolean;
}

/** The column an issue's path names: `/PurposeCode` is `PurposeCode`. */
function columnOf(path: string): string | null {
  const column = path.split('/')[1];
  return column ? column.replace(/~1/g, '/').replace(/~0/g, '~') : null;
}

/**
 * Counts rows and their problems as a report streams past, keeping only the first `cap` problems listed:
 * memory stays the same whatever the report's size.
 */
export class AnnualReportCheckTally {
  private rows = 0;
  private refusedRows = 0;
  private problems = 0;
  private unreportable = 0;
  private readonly byCode: Record<string, number> = {};
  private readonly refused: RefusedRow[] = [];

  constructor(private readonly cap = 1_000) {}

  /** The next row of the report and what its checks found; answers the row's number. */
  row(permitNumber: string, issues: readonly ValidationIssue[]): number {
    const row = ++this.rows;
    if (issues.length > 0) this.refusedRows++;
    for (const found of issues) {
      this.note({
        row,
        permitNumber,
        column: columnOf(found.path),
        code: found.code,
        reason: found.message.en,
      });
    }
    return row;
  }

  /** A permit the report should hold but that gives no row, and why. */
  noRow(permitNumber: string, code: string, reason: string): void {
    this.unreportable++;
    this.note({ row: null, permitNumber, column: null, code, reason });
  }

  totals(): AnnualReportCheckTotals {
    return {
      rows: this.rows,
      refusedRows: this.refusedRows,
      problems: this.problems,
      unreportable: this.unreportable,
      byCode: { ...this.byCode },
      refused: [...this.refused],
      truncated: this.problems > this.refused.length,
    };
  }

  private note(refusal: RefusedRow): void {
    this.problems++;
    this.byCode[refusal.code] = (this.byCode[refusal.code] ?? 0) + 1;
    if (this.refused.length < this.cap) this.refused.push(refusal);
  }
}
