import { stepTimes, stepTimesTable } from '../../../admin-ui/src/dashboard/processing-times';
import { t } from './translate';

const times = [
  {
    step: 'completeness-check',
    title: { en: 'Completeness check', fr: 'Vérification de la complétude', es: 'Control de integridad' },
    decided: 12,
    medianDays: 1.25,
    p90Days: 4.0833,
  },
  { step: 'national-vet-check', title: { en: 'Veterinary check' }, decided: 3, medianDays: 2, p90Days: 6 },
  { step: 'sa-non-detriment', title: {}, decided: 1, medianDays: 0.04, p90Days: 0.04 },
];

describe('processing time per step', () => {
  it('names each step in the reader’s language, else in English, else by its id, in the server’s order', () => {
    expect(stepTimes(times, 'fr').map((step) => step.title)).toEqual([
      'Vérification de la complétude',
      'Veterinary check',
      'sa-non-detriment',
    ]);
  });

  it('rounds the days to a tenth', () => {
    expect(stepTimes(times, 'en')[0]).toEqual({
      step: 'completeness-check',
      title: 'Completeness check',
      decided: 12,
      median: 1.3,
      p90: 4.1,
    });
    expect(stepTimes(times, 'en')[2]).toMatchObject({ median: 0, p90: 0 });
  });

  it('tables the steps with what the chart draws', () => {
    expect(stepTimesTable(stepTimes(times.slice(0, 2), 'es'), t)).toEqual({
      columns: ['Step', 'Decided', 'Median (days)', '90th percentile (days)'],
      rows: [
        ['Control de integridad', 12, 1.3, 4.1],
        ['Veterinary check', 3, 2, 6],
      ],
    });
  });
});
