import { partyName } from '../../admin-ui/src/parties';

describe('a Party’s name', () => {
  it('reads as the country’s name in the reader’s language, with its code', () => {
    expect(partyName('DE', 'en')).toBe('Germany (DE)');
    expect(partyName('DE', 'fr')).toBe('Allemagne (DE)');
    expect(partyName('DE', 'es')).toBe('Alemania (DE)');
  });

  it('shows a code the country list lacks as it is', () => {
    expect(partyName('QQ', 'en')).toBe('QQ');
  });
});
