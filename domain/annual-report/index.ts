/** The annual trade report (Art. VIII.7(a)) in the CITES Trade Database's upload layout. */
export * from './check';
export * from './check-tally';
export * from './csv';
export * from './permits';
export * from './rows';
