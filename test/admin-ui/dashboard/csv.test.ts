import { csvField, csvFileName, csvOf } from '../../../admin-ui/src/dashboard/csv';

describe('CSV of a chart’s figures', () => {
  it('writes a header row and one CRLF-ended record per row', () => {
    expect(
      csvOf({
        columns: ['Species', 'Permits'],
        rows: [
          ['Python regius', 2],
          ['Kinixys belliana', 1],
        ],
      }),
    ).toBe('Species,Permits\r\nPython regius,2\r\nKinixys belliana,1\r\n');
  });

  it.each([
    ['Python regius', 'Python regius'],
    ['Week 48, 2026', '"Week 48, 2026"'],
    ['the "royal" python', '"the ""royal"" python"'],
    ['two\nlines', '"two\nlines"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['Côte d’Ivoire', 'Côte d’Ivoire'],
  ])('escapes %j as RFC 4180 says: %j', (text, written) => {
    expect(csvField(text)).toBe(written);
  });

  it('writes numbers as they are and nothing for a missing figure', () => {
    expect(csvOf({ columns: ['Quota', 'Median'], rows: [[null, 2.5]] })).toBe('Quota,Median\r\n,2.5\r\n');
    expect(csvField(0)).toBe('0');
  });

  it('writes only the header when there are no rows', () => {
    expect(csvOf({ columns: ['Country code', 'Country', 'Permits'], rows: [] })).toBe(
      'Country code,Country,Permits\r\n',
    );
  });

  it('names the file after the chart and what it covers', () => {
    expect(csvFileName('applications-by-status', 2026)).toBe('applications-by-status-2026.csv');
    expect(csvFileName('processing-times', '2026-01-01-to-2026-03-31')).toBe(
      'processing-times-2026-01-01-to-2026-03-31.csv',
    );
  });
});
