import {
  appendicesForOrigin,
  isTaxonRank,
  listingNotation,
  parseListingNotation,
  type CitesListing,
} from '../../../domain/species/taxon';
import { cleanText, normalizeName, splitNameList } from '../../../domain/species/text';

describe('parseListingNotation', () => {
  it.each([
    ['I', ['I'], false],
    ['II', ['II'], false],
    ['III', ['III'], false],
    ['I/II', ['I', 'II'], false],
    ['II/I', ['I', 'II'], false],
    ['II/NC', ['II'], true],
    ['I/II/III/NC', ['I', 'II', 'III'], true],
    ['NC', [], true],
    [' I / III ', ['I', 'III'], false],
  ])('%j -> %j, not covered in part: %s', (text, appendices, notCoveredInPart) => {
    expect(parseListingNotation(text)).toEqual({ appendices, notCoveredInPart });
  });

  it.each(['', '/', 'IV', 'I/X', 'A', 'i'])('%j is not a listing', (text) => {
    expect(parseListingNotation(text)).toBeUndefined();
  });

  it.each([
    [{ appendices: ['I', 'II'], notCoveredInPart: false }, 'I/II'],
    [{ appendices: ['II'], notCoveredInPart: true }, 'II/NC'],
    [{ appendices: [], notCoveredInPart: true }, 'NC'],
    [{ appendices: [], notCoveredInPart: false }, 'NC'],
  ] as const)('writes %j as %s', (listing, notation) => {
    expect(listingNotation(listing)).toBe(notation);
  });
});

describe('appendicesForOrigin', () => {
  const listing = (partial: Partial<CitesListing>): CitesListing => ({
    appendices: ['II'],
    notCoveredInPart: false,
    populations: [],
    ...partial,
  });

  it('answers a uniform listing without looking at populations', () => {
    expect(appendicesForOrigin(listing({ appendices: ['I'] }), 'fr')).toEqual({
      appendices: ['I'],
      resolution: 'uniform',
      mayBeNotCovered: false,
    });
  });

  it('answers a taxon in no Appendix with no Appendix', () => {
    expect(appendicesForOrigin(listing({ appendices: [], notCoveredInPart: true }), 'AU')).toEqual({
      appendices: [],
      resolution: 'uniform',
      mayBeNotCovered: true,
    });
  });

  it('does not narrow Appendix III to its listing Party: other origins need a certificate of origin', () => {
    const softshell = listing({
      appendices: ['I', 'III'],
      populations: [
        { appendix: 'I', note: 'Apalone spinifera atra' },
        { appendix: 'III', listingParty: 'US' },
      ],
    });
    expect(appendicesForOrigin(softshell, 'MX')).toEqual({
      appendices: ['I', 'III'],
      resolution: 'undetermined',
      mayBeNotCovered: false,
    });
  });

  it('says a population may be outside the Convention when the NC part is described in words only', () => {
    const mahogany = listing({
      appendices: ['II'],
      notCoveredInPart: true,
      populations: [{ appendix: 'II', note: 'Neotropical populations.' }],
    });
    expect(appendicesForOrigin(mahogany, 'FJ')).toEqual({
      appendices: ['II'],
      resolution: 'undetermined',
      mayBeNotCovered: true,
    });
  });

  it('matches origins case-insensitively', () => {
    const elephant = listing({
      appendices: ['I', 'II'],
      populations: [
        { appendix: 'I', exceptCountries: ['BW', 'NA', 'ZA', 'ZW'] },
        { appendix: 'II', countries: ['BW', 'NA', 'ZA', 'ZW'] },
      ],
    });
    expect(appendicesForOrigin(elephant, 'na').appendices).toEqual(['II']);
  });
});

describe('text helpers', () => {
  it.each([
    ["Eléphant d'Afrique", 'elephant d afrique'],
    ['  LOXODONTA   africana ', 'loxodonta africana'],
    ['Pangolín de cola larga', 'pangolin de cola larga'],
    ['Cœlacanthe', 'coelacanthe'],
    ['Golden-bellied Guenon', 'golden bellied guenon'],
    ['Słoń afrykański', 'slon afrykanski'],
    ['×Vanda', 'vanda'],
    ['—', ''],
  ])('normalizeName(%j) = %j', (text, key) => {
    expect(normalizeName(text)).toBe(key);
  });

  it('cleans checklist annotation HTML', () => {
    expect(cleanText('Appendix\u00a0I:<i>A. c. microdon</i><p>b)  trade in hides ')).toBe(
      'Appendix I:A. c. microdon\nb) trade in hides',
    );
    expect(cleanText('  <p> ')).toBeUndefined();
  });

  it('splits comma lists of common names without blanks or repeats', () => {
    expect(splitNameList('Grey Parrot, Jacquot, ,Grey Parrot')).toEqual(['Grey Parrot', 'Jacquot']);
    expect(splitNameList(undefined)).toEqual([]);
  });

  it('knows the ranks of the checklist', () => {
    expect(['SPECIES', 'VARIETY', 'SUBFAMILY', 'KINGDOM'].every(isTaxonRank)).toBe(true);
    expect(isTaxonRank('species')).toBe(false);
  });
});
