import {
  isAppendix,
  isCountryCode,
  isPurposeCode,
  isSourceCode,
  isTermCode,
  isUnitCode,
} from '../domain/codes';
import type { LocalizedText } from '../domain/codes/types';
import { PERMIT_NUMBER_MAX_LENGTH } from '../domain/permit-number';

/** A custom JSON Schema `format` of national forms: a check and what to tell a person who fails it. */
export interface FormFormat {
  check: (value: string) => boolean;
  message: LocalizedText;
}

/**
 * Any Party's permit number, not only Pangolin's own format: forms ask for other countries' permits
 * (origin, last re-export), which follow only the common rule of at most 35 characters of A-Z, 0-9, / and -.
 */
const ANY_PERMIT_NUMBER = new RegExp(`^[A-Z0-9][A-Z0-9/-]{0,${PERMIT_NUMBER_MAX_LENGTH - 1}}$`);

/** A binomial or trinomial as the CITES checklist writes names, e.g. `Loxodonta africana`. */
const SCIENTIFIC_NAME = /^[A-Z][a-z-]+( [a-z-]+){0,2}( (subsp|var)\. [a-z-]+)?$/;

/**
 * The formats every national form may use. The browser and the server register the same ones, so
 * a form says the same thing in both places. `cites-species` checks the shape of a name here; the
 * server also checks it against the checklist (see {@link createFormFormats}).
 *
 * @param speciesNameKnown the checklist lookup, where one is available (the server)
 */
export function createFormFormats(speciesNameKnown?: (name: string) => boolean): Record<string, FormFormat> {
  return {
    'cites-appendix': {
      check: isAppendix,
      message: {
        en: 'must be a CITES Appendix (I, II or III)',
        fr: 'doit être une annexe CITES (I, II ou III)',
        es: 'debe ser un Apéndice CITES (I, II o III)',
      },
    },
    'cites-purpose': {
      check: isPurposeCode,
      message: {
        en: 'must be a CITES purpose code',
        fr: 'doit être un code de but de la transaction CITES',
        es: 'debe ser un código de propósito CITES',
      },
    },
    'cites-source': {
      check: isSourceCode,
      message: {
        en: 'must be a CITES source code',
        fr: 'doit être un code de source CITES',
        es: 'debe ser un código de origen CITES',
      },
    },
    'cites-term': {
      check: isTermCode,
      message: {
        en: 'must be a CITES term code',
        fr: 'doit être un code de description CITES',
        es: 'debe ser un código de descripción CITES',
      },
    },
    'cites-unit': {
      check: isUnitCode,
      message: {
        en: 'must be a CITES unit code',
        fr: "doit être un code d'unité CITES",
        es: 'debe ser un código de unidad CITES',
      },
    },
    'iso-country': {
      check: isCountryCode,
      message: {
        en: 'must be a country code (ISO 3166)',
        fr: 'doit être un code de pays (ISO 3166)',
        es: 'debe ser un código de país (ISO 3166)',
      },
    },
    'cites-permit-number': {
      check: (value) => ANY_PERMIT_NUMBER.test(value),
      message: {
        en: 'must be a CITES permit number',
        fr: 'doit être un numéro de permis CITES',
        es: 'debe ser un número de permiso CITES',
      },
    },
    'cites-species': {
      check: (value) => SCIENTIFIC_NAME.test(value) && (speciesNameKnown?.(value) ?? true),
      message: {
        en: 'must be a species name from the CITES checklist',
        fr: 'doit être un nom d’espèce de la liste CITES',
        es: 'debe ser un nombre de especie de la lista CITES',
      },
    },
  };
}
