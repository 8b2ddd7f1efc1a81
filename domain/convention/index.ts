/** The Convention's own rules: what each trade requires, and what rules a document out. */
export * from './live';
export * from './obstacles';
export * from './requirement-codes';
export * from './requirements';
