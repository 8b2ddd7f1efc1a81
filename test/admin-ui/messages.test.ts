import {
  format,
  initialLanguage,
  languages,
  messages,
  placeholders,
  type Language,
  type MessageKey,
} from '../../admin-ui/src/messages';

const english = messages.en;
const keys = Object.keys(english) as MessageKey[];

/** Words that really are spelt the same in both languages. */
const sameAsEnglish: Record<Exclude<Language, 'en'>, MessageKey[]> = {
  fr: [
    'menu',
    'version',
    'versionNumber',
    'services',
    'auditAction',
    'versionN',
    'versionsTitle',
    'editorLabel',
    'peerStatusActive',
  ],
  es: ['roleAuditor', 'no', 'editorLabel', 'replaceReasonExplained'],
};

describe('web app texts', () => {
  it.each(languages.map((language) => language.code))('has every text in %s, none left empty', (code) => {
    expect(Object.keys(messages[code]).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(messages[code][key].trim()).not.toBe('');
  });

  it.each(['fr', 'es'] as const)('translates every text into %s', (code) => {
    const untranslated = keys.filter(
      (key) => messages[code][key] === english[key] && !sameAsEnglish[code].includes(key),
    );
    expect(untranslated).toEqual([]);
  });

  it.each(['fr', 'es'] as const)('keeps the placeholders of every English text in %s', (code) => {
    const mismatched = keys.filter(
      (key) => placeholders(messages[code][key]).sort().join() !== placeholders(english[key]).sort().join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('Welcome, {name}.', { name: 'Ada' })).toBe('Welcome, Ada.');
    expect(format('{first} to {last}', { first: 1, last: 50 })).toBe('1 to 50');
    expect(format('Locked until {time}', {})).toBe('Locked until {time}');
    expect(placeholders('Entries {first} to {last}')).toEqual(['first', 'last']);
  });

  it.each([
    [null, ['fr-CH', 'de'], 'fr'],
    ['es', ['fr-FR'], 'es'],
    [null, ['de-DE', 'it'], 'en'],
    ['xx', ['es-419'], 'es'],
  ])('starts in the stored %s or browser %j language: %s', (stored, browser, expected) => {
    expect(initialLanguage(stored, browser)).toBe(expected);
  });
});
