import type { Language, ProcessingTime } from '../api/types';
import { localized } from '../timeline';
import type { FigureTable, Translate } from './figure-table';

/** A step's times as the chart draws them, in days to a tenth: finer says nothing an officer acts on. */
export interface StepTimes {
  step: string;
  title: string;
  decided: number;
  median: number;
  p90: number;
}

const tenths = (days: number) => Math.round(days * 10) / 10;

/** The steps in the server's order (the order of the procedure), each named in the reader's language. */
export function stepTimes(times: readonly ProcessingTime[], language: Language): StepTimes[] {
  return times.map((time) => ({
    step: time.step,
    title: localized(time.title, language) ?? time.step,
    decided: time.decided,
    median: tenths(time.medianDays),
    p90: tenths(time.p90Days),
  }));
}

export function stepTimesTable(steps: readonly StepTimes[], t: Translate): FigureTable {
  return {
    columns: [t('dashboardStep'), t('dashboardDecided'), t('dashboardMedianDays'), t('dashboardP90Days')],
    rows: steps.map((step) => [step.title, step.decided, step.median, step.p90]),
  };
}
