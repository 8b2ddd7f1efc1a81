import { formatNumber, formatTable, type Column } from '../../bench/support/table';

interface Row {
  name: string;
  rate: number;
}

const columns: Column<Row>[] = [
  { title: 'row', align: 'left', cell: (row) => row.name },
  { title: 'per second', align: 'right', cell: (row) => formatNumber(row.rate, 1) },
];

describe('the benchmark table', () => {
  it('is a Markdown table whose columns line up, numbers to the right', () => {
    const table = formatTable(columns, [
      { name: 'bare express (baseline)', rate: 12345.67 },
      { name: 'verify', rate: 987 },
    ]);
    expect(table.split('\n')).toEqual([
      '| row                     | per second |',
      '| ----------------------- | ---------: |',
      '| bare express (baseline) |   12,345.7 |',
      '| verify                  |      987.0 |',
    ]);
  });

  it('keeps a pipe inside a cell from ending it', () => {
    const table = formatTable(columns, [{ name: 'a | b', rate: 1 }]);
    expect(table.split('\n')[2]).toBe('| a \\| b |        1.0 |');
  });

  it('leaves a cell blank for a figure that is missing or not a number', () => {
    expect(formatNumber(undefined)).toBe('');
    expect(formatNumber(Number.NaN)).toBe('');
    expect(formatNumber(0.5, 3)).toBe('0.500');
  });
});
