import { countryName } from '../../domain/codes/lookups';
import type { Language } from './api/types';

/**
 * A Party as people read it, its name with the code the exchange knows it by: "Germany (DE)". A code
 * the country list lacks shows as it is.
 */
export function partyName(code: string, language: Language): string {
  const name = countryName(code, language);
  return name ? `${name} (${code})` : code;
}
