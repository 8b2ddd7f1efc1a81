import {
  VALIDATION_CODES,
  issue,
  listedAppendix,
  pointer,
  validateApplication,
  type ApplicationFacts,
  type BlockFacts,
  type SpeciesListing,
} from '../../../domain/validation';

const python: BlockFacts = {
  scientificName: 'Python regius',
  kingdom: 'Animalia',
  listing: { appendix: 'II' },
  appendix: 'II',
  term: 'SKI',
  unit: null,
  quantity: 20,
  source: 'W',
};

const valid: ApplicationFacts = {
  documentType: 'export',
  exporterCountry: 'GH',
  importerCountry: 'FR',
  purpose: 'T',
  blocks: [python],
};

const elephant: SpeciesListing = {
  appendix: 'I',
  populations: [{ countries: ['BW', 'NA', 'ZA', 'ZW'], appendix: 'II' }],
};

/** The application with its first block changed. */
function withBlock(
  block: Partial<BlockFacts>,
  application: Partial<ApplicationFacts> = {},
): ApplicationFacts {
  return { ...valid, ...application, blocks: [{ ...python, ...block }] };
}

function found(facts: ApplicationFacts, today?: string): string[] {
  return validateApplication(facts, today ? { today } : {}).map((i) => `${i.path} ${i.code}`);
}

describe('validateApplication', () => {
  it('accepts a complete, consistent application', () => {
    expect(validateApplication(valid)).toEqual([]);
  });

  it.each<[string, ApplicationFacts, string[]]>([
    // Countries
    ['exporter = importer', { ...valid, importerCountry: 'GH' }, ['/importerCountry exporter-is-importer']],
    ['unknown exporter', { ...valid, exporterCountry: 'QQ' }, ['/exporterCountry unknown-country']],
    ['missing importer', { ...valid, importerCountry: ' ' }, ['/importerCountry required']],
    ['no specimen block', { ...valid, blocks: [] }, ['/blocks no-blocks']],
    // Kingdom vs source
    ['source A for an animal', withBlock({ source: 'A' }), ['/blocks/0/source source-not-for-kingdom']],
    [
      'source C for a plant',
      withBlock({ scientificName: 'Aloe ferox', kingdom: 'Plantae', term: 'LIV', source: 'C' }),
      ['/blocks/0/source source-not-for-kingdom'],
    ],
    [
      'source R for a plant',
      withBlock({ kingdom: 'Plantae', source: 'R' }),
      ['/blocks/0/source source-not-for-kingdom'],
    ],
    ['unknown kingdom', withBlock({ kingdom: 'Fungi' }), ['/blocks/0/kingdom unknown-kingdom']],
    // Term–unit pairs
    ['skins in litres', withBlock({ unit: 'LTR' }), ['/blocks/0/unit term-unit-not-allowed']],
    [
      'gill plates by number',
      withBlock({ term: 'GIL', unit: null }),
      ['/blocks/0/unit term-unit-not-allowed'],
    ],
    ['unknown unit', withBlock({ unit: 'XYZ' }), ['/blocks/0/unit unknown-unit']],
    ['unknown term', withBlock({ term: 'COV' }), ['/blocks/0/term unknown-term']],
    ['missing term', withBlock({ term: '' }), ['/blocks/0/term required']],
    // Quantity
    ['zero quantity', withBlock({ quantity: 0 }), ['/blocks/0/quantity quantity-not-positive']],
    ['missing quantity', withBlock({ quantity: null }), ['/blocks/0/quantity required']],
    ['half a specimen', withBlock({ quantity: 2.5 }), ['/blocks/0/quantity quantity-not-whole']],
    ['fractional kilograms are fine', withBlock({ quantity: 2.5, unit: 'KIL' }), []],
    // Re-export and origin (Box 12)
    [
      're-export without country or permit of origin',
      withBlock({}, { documentType: 're-export' }),
      [
        '/blocks/0/countryOfOrigin re-export-origin-country-required',
        '/blocks/0/originPermit/number re-export-origin-permit-required',
      ],
    ],
    [
      're-export with origin and origin permit',
      withBlock(
        { countryOfOrigin: 'TG', originPermit: { number: 'TG-2024-0042', date: '2024-03-01' } },
        { documentType: 're-export' },
      ),
      [],
    ],
    [
      're-export of old stock from a former State',
      withBlock({ countryOfOrigin: 'SU', originPermit: { number: '0042' } }, { documentType: 're-export' }),
      [],
    ],
    [
      'origin = exporter',
      withBlock({ countryOfOrigin: 'GH', originPermit: { number: 'X1' } }, { documentType: 're-export' }),
      ['/blocks/0/countryOfOrigin exporter-is-origin'],
    ],
    [
      'origin = exporter on an export',
      withBlock({ countryOfOrigin: 'GH' }),
      ['/blocks/0/countryOfOrigin exporter-is-origin'],
    ],
    [
      'foreign origin on an export',
      withBlock({ countryOfOrigin: 'TG' }),
      ['/blocks/0/countryOfOrigin origin-on-direct-export'],
    ],
    [
      'unknown origin code',
      withBlock({ countryOfOrigin: 'QQ' }),
      ['/blocks/0/countryOfOrigin unknown-country'],
    ],
    [
      'origin permit date is not a date',
      withBlock(
        { countryOfOrigin: 'TG', originPermit: { number: 'P1', date: '2024-02-30' } },
        { documentType: 're-export' },
      ),
      ['/blocks/0/originPermit/date invalid-date'],
    ],
    [
      'last re-export without its certificate, from the exporter itself',
      withBlock(
        { countryOfOrigin: 'TG', originPermit: { number: 'P1' }, lastReExport: { country: 'GH' } },
        { documentType: 're-export' },
      ),
      [
        '/blocks/0/lastReExport/country last-re-export-is-exporter',
        '/blocks/0/lastReExport/certificateNumber last-re-export-certificate-required',
      ],
    ],
    [
      'last re-export certificate without its country',
      withBlock(
        {
          countryOfOrigin: 'TG',
          originPermit: { number: 'P1' },
          lastReExport: { certificateNumber: 'BJ-77' },
        },
        { documentType: 're-export' },
      ),
      ['/blocks/0/lastReExport/country required'],
    ],
    // Sources I, O and U
    [
      'source O without the underlying source',
      withBlock({ source: 'O' }),
      ['/blocks/0/underlyingSource underlying-source-required'],
    ],
    ['source O over W', withBlock({ source: 'O', underlyingSource: 'W' }), []],
    [
      'source I over O',
      withBlock({ source: 'I', underlyingSource: 'O' }),
      ['/blocks/0/underlyingSource underlying-source-invalid'],
    ],
    [
      'source I over A for an animal',
      withBlock({ source: 'I', underlyingSource: 'A' }),
      ['/blocks/0/underlyingSource underlying-source-invalid'],
    ],
    [
      'source I over an unknown code',
      withBlock({ source: 'I', underlyingSource: 'Q' }),
      ['/blocks/0/underlyingSource underlying-source-invalid'],
    ],
    [
      'source I over U needs the reason too',
      withBlock({ source: 'I', underlyingSource: 'U' }),
      ['/blocks/0/sourceReason source-reason-required'],
    ],
    [
      'source U without a reason',
      withBlock({ source: 'U', sourceReason: '  ' }),
      ['/blocks/0/sourceReason source-reason-required'],
    ],
    [
      'source U with a reason',
      withBlock({ source: 'U', sourceReason: 'Old stock, records lost in a fire' }),
      [],
    ],
    ['unknown source', withBlock({ source: 'Z' }), ['/blocks/0/source unknown-source']],
    // Appendix vs listing
    ['declared I, listed II', withBlock({ appendix: 'I' }), ['/blocks/0/appendix appendix-mismatch']],
    ['not an Appendix', withBlock({ appendix: 'IV' }), ['/blocks/0/appendix unknown-appendix']],
    [
      'species not in the Appendices',
      withBlock({ listing: null }),
      ['/blocks/0/appendix species-not-listed'],
    ],
    // Purpose, once for the whole application
    [
      'unknown purpose with two blocks',
      { ...valid, purpose: 'X', blocks: [python, { ...python, term: 'LIV' }] },
      ['/purpose unknown-purpose'],
    ],
    // Required descriptive fields
    [
      'no name, no kingdom',
      withBlock({ scientificName: '', kingdom: null }),
      ['/blocks/0/scientificName required', '/blocks/0/kingdom required'],
    ],
  ])('%s', (_name, facts, expected) => {
    expect(found(facts)).toEqual(expected);
  });

  describe('split listings take the population of origin, else of the exporter', () => {
    it.each<[string, Partial<BlockFacts>, Partial<ApplicationFacts>, string[]]>([
      ['Appendix-II population (ZA)', { appendix: 'II' }, { exporterCountry: 'ZA' }, []],
      [
        'Appendix-I population (KE)',
        { appendix: 'II' },
        { exporterCountry: 'KE' },
        ['/blocks/0/appendix appendix-mismatch'],
      ],
      [
        're-export from FR of a ZA specimen',
        { appendix: 'II', countryOfOrigin: 'ZA', originPermit: { number: 'ZA123' } },
        { documentType: 're-export', exporterCountry: 'FR', importerCountry: 'CN' },
        [],
      ],
    ])('%s', (_name, block, application, expected) => {
      const facts = withBlock({ listing: elephant, term: 'TUS', ...block }, { purpose: 'H', ...application });
      expect(found(facts)).toEqual(expected);
    });

    it('names the Appendix the population is listed in', () => {
      const [mismatch] = validateApplication(
        withBlock({ listing: elephant, appendix: 'II' }, { exporterCountry: 'KE' }),
      );
      expect(mismatch?.params).toEqual({ declared: 'II', listed: 'I' });
      expect(mismatch?.message.en).toContain('Appendix I,');
      expect(mismatch?.message.fr).toContain("l'Annexe I,");
      expect(mismatch?.message.es).toContain('Apéndice I,');
      expect(listedAppendix(elephant, null)).toBe('I');
    });
  });

  describe('Convention obstacles reach the applicant', () => {
    it('an Appendix-I export for commercial purposes is flagged on the purpose', () => {
      const facts = withBlock({ listing: { appendix: 'I' }, appendix: 'I' });
      expect(found(facts)).toEqual(['/purpose convention:appendix-i-primarily-commercial']);
      expect(validateApplication(facts)[0]?.params).toEqual({ article: 'Art. III.3(c)' });
    });

    it('an Appendix-III export permit from a State that did not list the species is flagged on the document type', () => {
      const listing: SpeciesListing = { appendix: 'III', listingStates: ['IN'] };
      expect(found(withBlock({ listing, appendix: 'III' }))).toEqual([
        '/documentType convention:appendix-iii-non-listing-state-needs-certificate-of-origin',
      ]);
      expect(found(withBlock({ listing, appendix: 'III' }, { exporterCountry: 'IN' }))).toEqual([]);
      expect(
        found(withBlock({ listing, appendix: 'III' }, { documentType: 'certificate-of-origin' })),
      ).toEqual([]);
    });

    it('without the listing States the choice is left to the caller, not blamed on the applicant', () => {
      expect(found(withBlock({ listing: { appendix: 'III' }, appendix: 'III' }))).toEqual([]);
    });

    it('a captive-breeding certificate for wild specimens is flagged on the source', () => {
      expect(found(withBlock({}, { documentType: 'captive-breeding' }))).toEqual([
        '/blocks/0/source convention:captive-breeding-certificate-needs-source-c',
      ]);
    });

    it('an introduction from the sea has no exporting State and needs source X', () => {
      const ifs: ApplicationFacts = {
        documentType: 'introduction-from-the-sea',
        exporterCountry: null,
        importerCountry: 'US',
        purpose: 'S',
        blocks: [{ ...python, scientificName: 'Lophelia pertusa', term: 'SPE', source: 'X' }],
      };
      expect(found(ifs)).toEqual([]);
      expect(found({ ...ifs, blocks: [{ ...python, term: 'SPE', source: 'W' }] })).toEqual([
        '/blocks/0/source convention:introduction-from-the-sea-needs-source-x',
      ]);
    });
  });

  it('checks cited dates against the today it is given, never a clock', () => {
    const facts = withBlock(
      { countryOfOrigin: 'TG', originPermit: { number: 'P1', date: '2025-07-01' } },
      { documentType: 're-export' },
    );
    expect(found(facts, '2025-06-30')).toEqual(['/blocks/0/originPermit/date date-in-future']);
    expect(found(facts, '2025-07-01')).toEqual([]);
    expect(found(facts)).toEqual([]);
  });

  it('reports every problem of every block at once', () => {
    const facts: ApplicationFacts = {
      ...valid,
      importerCountry: 'GH',
      blocks: [python, { ...python, source: 'A', unit: 'LTR' }],
    };
    expect(found(facts)).toEqual([
      '/importerCountry exporter-is-importer',
      '/blocks/1/unit term-unit-not-allowed',
      '/blocks/1/source source-not-for-kingdom',
    ]);
  });
});

describe('issues', () => {
  it.each(VALIDATION_CODES)('%s has a message in EN, FR and ES', (code) => {
    const { message } = issue('/x', code, {
      value: 'Q',
      source: 'A',
      kingdom: 'Animalia',
      term: 'SKI',
      unit: 'LTR',
      declared: 'I',
      listed: 'II',
    });
    expect([message.en, message.fr, message.es].every((t) => t.length > 0)).toBe(true);
    expect(new Set([message.en, message.fr, message.es]).size).toBe(3);
  });

  it('builds JSON pointers with RFC 6901 escapes', () => {
    expect(pointer('blocks', 0, 'source')).toBe('/blocks/0/source');
    expect(pointer('a/b', 'c~d')).toBe('/a~1b/c~0d');
  });
});
