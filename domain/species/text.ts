/** Text clean-up shared by the species importers and the name search. */

const FOLDS: Readonly<Record<string, string>> = { æ: 'ae', œ: 'oe', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ı: 'i' };
const FOLDABLE = /[æœßøłđı]/g;

/**
 * The search key of a name: lower case, accents and punctuation removed, words separated by one space.
 * "Eléphant d'Afrique" and "elephant d afrique" give the same key.
 *
 * @param text any name
 * @returns the key; empty when the text holds no letter or digit
 */
export function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(FOLDABLE, (ch) => FOLDS[ch] ?? ch)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Annotation text as a reader sees it: HTML tags from the checklist export removed, non-breaking and
 * repeated spaces collapsed, each line trimmed.
 *
 * @param text raw annotation text
 * @returns the cleaned text, `undefined` when nothing is left
 */
export function cleanText(text: string | null | undefined): string | undefined {
  if (text === null || text === undefined) return undefined;
  const cleaned = text
    .replace(/<p>/gi, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/[\u00a0\t ]+/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
  return cleaned === '' ? undefined : cleaned;
}

/** Splits a comma-separated list of names, dropping blanks and repeats. */
export function splitNameList(text: string | null | undefined): string[] {
  if (text === null || text === undefined) return [];
  const seen = new Set<string>();
  const names: string[] = [];
  for (const part of text.split(',')) {
    const name = part.replace(/\s+/g, ' ').trim();
    if (name !== '' && !seen.has(name)) {
      seen.add(name);
      names.push(name);
    }
  }
  return names;
}
