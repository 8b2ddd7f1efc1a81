import type { MessageKey } from '../messages';

/** One cell of a chart's figures: a name, a number, or nothing (the size of a quota in preparation). */
export type Figure = string | number | null;

/**
 * A chart's data as rows under named columns. The same table is the chart's CSV download and what a
 * screen reader reads in place of the chart, so the two never disagree.
 */
export interface FigureTable {
  columns: string[];
  rows: Figure[][];
}

/** The app's `t`, which names the tables' columns in the reader's language. */
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;
