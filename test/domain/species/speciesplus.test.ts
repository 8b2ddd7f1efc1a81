import { readFileSync } from 'node:fs';

import {
  parseSpeciesPlusTaxonConcept,
  speciesPlusTaxonConcepts,
  unwrapSpeciesPlusResponses,
} from '../../../domain/species/speciesplus';
import { listingNotation, type Taxon } from '../../../domain/species/taxon';
import { sharedDataFile } from '../../support/shared-data';

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(sharedDataFile('speciesplus-api-fixtures', name), 'utf8')) as unknown;
}

function conceptsOf(name: string): unknown[] {
  const { payloads, errors } = unwrapSpeciesPlusResponses(fixture(name));
  expect(errors).toEqual([]);
  return payloads.flatMap(speciesPlusTaxonConcepts);
}

function parsed(concept: unknown): Taxon {
  const result = parseSpeciesPlusTaxonConcept(concept);
  if (!result.ok) throw new Error(result.reason.message);
  return result.taxon;
}

describe('unwrapSpeciesPlusResponses', () => {
  it('parses the recorded response body of a cassette', () => {
    const { payloads } = unwrapSpeciesPlusResponses(fixture('spp_taxonconcept_def.json'));
    expect(payloads).toHaveLength(1);
    expect(payloads[0]).toMatchObject({ pagination: { total_entries: 1 }, taxon_concepts: [{ id: 4521 }] });
  });

  it('passes a bare API payload through', () => {
    const payload = { taxon_concepts: [] };
    expect(unwrapSpeciesPlusResponses(payload)).toEqual({ payloads: [payload], errors: [] });
  });

  it('reports a recorded body that is not JSON instead of throwing', () => {
    const cassette = {
      http_interactions: [{ response: { body: { string: '{"taxon_' } } }, { response: {} }],
    };
    const { payloads, errors } = unwrapSpeciesPlusResponses(cassette);
    expect(payloads).toEqual([]);
    expect(errors).toEqual([expect.stringContaining('Interaction 0'), 'Interaction 1 has no response body.']);
  });

  it('reports a document that is not an object', () => {
    expect(unwrapSpeciesPlusResponses([1, 2])).toEqual({
      payloads: [],
      errors: ['The document is not a JSON object.'],
    });
  });
});

describe('parseSpeciesPlusTaxonConcept', () => {
  it('reads the African elephant (taxon 4521) with listing dates and names in the CITES languages', () => {
    const [concept] = conceptsOf('spp_taxonconcept_def.json');
    const taxon = parsed(concept);
    expect(taxon).toMatchObject({
      id: '4521',
      speciesPlusId: 4521,
      scientificName: 'Loxodonta africana',
      author: '(Blumenbach, 1797)',
      rank: 'SPECIES',
      kingdom: 'Animalia',
      higherTaxonomy: {
        phylum: 'Chordata',
        class: 'Mammalia',
        order: 'Proboscidea',
        family: 'Elephantidae',
        genus: 'Loxodonta',
      },
      synonyms: [{ name: 'Loxodonta cyclotis', author: '(Matschie, 1900)' }],
      commonNames: {
        en: ['African Elephant', 'African Savannah Elephant'],
        fr: ["Eléphant d'Afrique", 'Eléphant africain', "Éléphant d'Afrique"],
        es: ['Elefante africano'],
      },
      source: 'speciesplus-api',
    });
    expect(listingNotation(taxon.listing)).toBe('I/II');
    expect(taxon.listing.effectiveFrom).toBe('2019-11-26');
    expect(taxon.listing.populations.map((p) => [p.appendix, p.effectiveFrom])).toEqual([
      ['I', '2017-01-02'],
      ['II', '2019-11-26'],
    ]);
    expect(taxon.listing.populations[0]?.note).toMatch(/^Except the populations of Botswana, Namibia/);
  });

  it('reads every concept of the 500-concept page, higher ranks included', () => {
    const results = conceptsOf('spp_taxonconcept_upd.json').map(parseSpeciesPlusTaxonConcept);
    const taxa = results.flatMap((r) => (r.ok ? [r.taxon] : []));
    expect(results).toHaveLength(500);
    expect(taxa).toHaveLength(500);
    const ranks = new Map<string, number>();
    for (const t of taxa) ranks.set(t.rank, (ranks.get(t.rank) ?? 0) + 1);
    expect(Object.fromEntries(ranks)).toEqual({
      KINGDOM: 1,
      CLASS: 1,
      ORDER: 1,
      FAMILY: 16,
      GENUS: 102,
      SPECIES: 336,
      SUBSPECIES: 43,
    });
    expect(new Set(taxa.map((t) => t.id)).size).toBe(500);
  });

  it('keeps the listing Party of Appendix III entries', () => {
    const blackbuck = conceptsOf('spp_taxonconcept_upd.json')
      .map(parsed)
      .find((t) => t.scientificName === 'Antilope cervicapra');
    expect(
      blackbuck?.listing.populations.filter((p) => p.appendix === 'III').map((p) => p.listingParty),
    ).toEqual(['NP', 'PK']);
  });

  const base = {
    id: 99,
    full_name: 'Testus exemplaris',
    rank: 'SPECIES',
    name_status: 'A',
    active: true,
    cites_listing: 'II',
    higher_taxa: { kingdom: 'Plantae', family: 'Testaceae' },
    synonyms: [],
    common_names: [],
    cites_listings: [],
  };

  it.each([
    ['not an object', 'malformed-record', 'text'],
    ['no id', 'missing-field', { ...base, id: undefined }],
    ['a string id', 'invalid-id', { ...base, id: '99' }],
    ['a blank name', 'missing-field', { ...base, full_name: ' ' }],
    ['an unknown rank', 'unknown-rank', { ...base, rank: 'CLADE' }],
    ['a synonym status', 'not-accepted-name', { ...base, name_status: 'S' }],
    ['an inactive concept', 'inactive', { ...base, active: false }],
    ['no kingdom', 'missing-field', { ...base, higher_taxa: { family: 'Testaceae' } }],
    ['another kingdom', 'unknown-kingdom', { ...base, higher_taxa: { kingdom: 'Fungi' } }],
    ['an unreadable listing', 'invalid-listing', { ...base, cites_listing: 'IV' }],
    ['no listing at all', 'listing-missing', { ...base, cites_listing: null }],
  ])('rejects %s with %s', (_label, code, concept) => {
    expect(parseSpeciesPlusTaxonConcept(concept)).toEqual({
      ok: false,
      reason: expect.objectContaining({ code }),
    });
  });

  it('takes the Appendices from the listing entries when the summary is missing', () => {
    const taxon = parsed({
      ...base,
      cites_listing: null,
      cites_listings: [
        { appendix: 'II', annotation: '#4', effective_at: '2010-06-23', hash_annotation: '#4' },
      ],
    });
    expect(taxon.listing).toMatchObject({
      appendices: ['II'],
      effectiveFrom: '2010-06-23',
      hashAnnotation: { symbol: '#4' },
    });
    expect(taxon.higherTaxonomy).toEqual({ family: 'Testaceae', genus: 'Testus' });
  });
});
