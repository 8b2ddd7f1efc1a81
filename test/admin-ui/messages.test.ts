import { initialLanguage, languages, messages } from '../../admin-ui/src/messages';

describe('web app texts', () => {
  it.each(languages.map((language) => language.code))(
    'has every text in %s, none left empty or in English',
    (code) => {
      const english = messages.en;
      for (const key of Object.keys(english) as Array<keyof typeof english>) {
        expect(messages[code][key].trim()).not.toBe('');
        if (code !== 'en' && key !== 'version') expect(messages[code][key]).not.toBe(english[key]);
      }
    },
  );

  it.each([
    [null, ['fr-CH', 'de'], 'fr'],
    ['es', ['fr-FR'], 'es'],
    [null, ['de-DE', 'it'], 'en'],
    ['xx', ['es-419'], 'es'],
  ])('starts in the stored %s or browser %j language: %s', (stored, browser, expected) => {
    expect(initialLanguage(stored, browser)).toBe(expected);
  });
});
