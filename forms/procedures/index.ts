/** National procedures as data: decision tables of JSON Logic rules, checked before they run. */
export * from './base-steps';
export * from './case-facts';
export * from './check-definition';
export * from './convention-guard';
export * from './definition';
export * from './definition-schema';
export * from './evaluate';
export * from './form-fields';
export * from './rule-guard';
export * from './test-cases';
