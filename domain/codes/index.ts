/**
 * The Convention's code lists (Appendices, purposes, sources, terms, units, term-unit pairs, countries
 * and Parties) and the lookups every other part of Pangolin uses to check a code. Pure data: nothing here
 * reads files, the clock or the network.
 */
export * from './types';
export * from './appendices';
export * from './purposes';
export * from './sources';
export * from './terms';
export * from './units';
export * from './term-units';
export * from './countries';
export * from './lookups';
