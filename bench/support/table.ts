export interface Column<Row> {
  title: string;
  /** Numbers right, words left. */
  align: 'left' | 'right';
  cell(row: Row): string;
}

/**
 * A Markdown table padded to line up in a terminal, so a run's output can go into BENCHMARKS.md
 * as it is.
 */
export function formatTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  // A pipe inside a cell would end it in Markdown.
  const cells = rows.map((row) => columns.map((column) => column.cell(row).replace(/\|/g, '\\|')));
  const widths = columns.map((column, i) =>
    Math.max(column.title.length, 3, ...cells.map((line) => line[i]!.length)),
  );
  const pad = (text: string, i: number) =>
    columns[i]!.align === 'right' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
  const line = (texts: string[]) => `| ${texts.map(pad).join(' | ')} |`;
  const rule = `| ${widths.map((width, i) => (columns[i]!.align === 'right' ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
  return [line(columns.map((column) => column.title)), rule, ...cells.map(line)].join('\n');
}

/** A figure for a table cell: thousands separated, `digits` decimals, blank when absent. */
export function formatNumber(value: number | undefined, digits = 0): string {
  if (value === undefined || Number.isNaN(value)) return '';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
