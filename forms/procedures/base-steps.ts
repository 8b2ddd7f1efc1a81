import type { LocalizedText } from '../../domain/codes/types';
import { REQUIREMENT_AUTHORITY, type RequirementCode } from '../../domain/convention/requirement-codes';

/** Every case starts with the completeness check and ends with the Management Authority's decision. */
export const COMPLETENESS_CHECK = 'completeness-check';
export const FINAL_DECISION = 'final-decision';

export const BASE_STEP_TITLES: Readonly<Record<string, LocalizedText>> = {
  [COMPLETENESS_CHECK]: {
    en: 'Management Authority: the application is complete',
    fr: 'Organe de gestion : la demande est complète',
    es: 'Autoridad Administrativa: la solicitud está completa',
  },
  [FINAL_DECISION]: {
    en: 'Management Authority: decision to issue or refuse',
    fr: 'Organe de gestion : décision de délivrer ou de refuser',
    es: 'Autoridad Administrativa: decisión de expedir o denegar',
  },
};

/** The role that works a Convention step. */
export function conventionStepActor(code: RequirementCode): string {
  return REQUIREMENT_AUTHORITY[code] === 'scientific-authority' ? 'sa_officer' : 'ma_officer';
}

/**
 * Findings national law may let a rule make in advance, e.g. legal acquisition for specimens of a
 * registered captive-breeding operation. Scientific Authority findings never qualify (only a
 * Scientific Authority advises on detriment, Art. III.2(a), IV.2(a)), nor does the import permit
 * of Art. III.2(d), which only the importing State can grant.
 */
export function mayBeMadeByRule(code: RequirementCode): boolean {
  return REQUIREMENT_AUTHORITY[code] === 'management-authority' && code !== 'ma-import-permit-granted';
}
