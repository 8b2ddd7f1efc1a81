/** Checks an applicant meets before submitting, with field paths, stable codes and EN/FR/ES messages. */
export * from './application';
export * from './issues';
export * from './listing';
export * from './trade-codes';
