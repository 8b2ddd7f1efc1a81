import type { Appendix, DocumentType, PurposeCode, SourceCode } from '../../../domain/codes/types';
import {
  OBSTACLE_CODES,
  OBSTACLE_MESSAGES,
  REQUIREMENT_CODES,
  REQUIREMENT_LABELS,
  conventionRequirements,
  isLiveTerm,
  requirementCodes,
  type TradeFacts,
} from '../../../domain/convention';

const base: TradeFacts = {
  documentType: 'export',
  appendix: 'II',
  source: 'W',
  purpose: 'S',
  exportingCountry: 'KE',
  importingCountry: 'FR',
  live: true,
};

/** `code@article` pairs: what a cell of the reference table says, compactly. */
function pairs(facts: Partial<TradeFacts>): string[] {
  return conventionRequirements({ ...base, ...facts }).requirements.map((r) => `${r.code}@${r.article}`);
}

describe('Appendix × trade-type table (reference §1.6, live specimens, purpose S)', () => {
  type Cell = [string, Partial<TradeFacts>, string[], boolean];
  const cells: Cell[] = [
    [
      'export, Appendix I',
      { documentType: 'export', appendix: 'I' },
      [
        'sa-non-detriment@Art. III.2(a)',
        'ma-legal-acquisition@Art. III.2(b)',
        'ma-live-shipment-conditions@Art. III.2(c)',
        'ma-import-permit-granted@Art. III.2(d)',
      ],
      true,
    ],
    [
      'export, Appendix II',
      { documentType: 'export', appendix: 'II' },
      [
        'sa-non-detriment@Art. IV.2(a)',
        'ma-legal-acquisition@Art. IV.2(b)',
        'ma-live-shipment-conditions@Art. IV.2(c)',
        'sa-export-monitoring@Art. IV.3',
      ],
      true,
    ],
    [
      'export, Appendix III, from the listing State',
      { documentType: 'export', appendix: 'III', exporterIsListingState: true },
      ['ma-legal-acquisition@Art. V.2(a)', 'ma-live-shipment-conditions@Art. V.2(b)'],
      true,
    ],
    [
      'import, Appendix I',
      { documentType: 'import', appendix: 'I' },
      [
        'sa-import-not-detrimental@Art. III.3(a)',
        'sa-recipient-suitably-equipped@Art. III.3(b)',
        'ma-not-primarily-commercial@Art. III.3(c)',
        'export-permit-presented@Art. III.3',
      ],
      true,
    ],
    [
      'import, Appendix II',
      { documentType: 'import', appendix: 'II' },
      ['export-permit-presented@Art. IV.4'],
      false,
    ],
    [
      'import, Appendix III, from a State that did not list it',
      { documentType: 'import', appendix: 'III', exporterIsListingState: false },
      ['certificate-of-origin-presented@Art. V.3'],
      false,
    ],
    [
      're-export, Appendix I',
      { documentType: 're-export', appendix: 'I', countryOfOrigin: 'TZ' },
      [
        'ma-imported-in-accordance@Art. III.4(a)',
        'ma-live-shipment-conditions@Art. III.4(b)',
        'ma-import-permit-granted@Art. III.4(c)',
      ],
      true,
    ],
    [
      're-export, Appendix II',
      { documentType: 're-export', appendix: 'II', countryOfOrigin: 'TZ' },
      ['ma-imported-in-accordance@Art. IV.5(a)', 'ma-live-shipment-conditions@Art. IV.5(b)'],
      true,
    ],
    [
      're-export, Appendix III',
      { documentType: 're-export', appendix: 'III', countryOfOrigin: 'TZ' },
      ['ma-re-export-certified@Art. V.4'],
      true,
    ],
    [
      'introduction from the sea, Appendix I',
      { documentType: 'introduction-from-the-sea', appendix: 'I', source: 'X' },
      [
        'sa-non-detriment@Art. III.5(a)',
        'ma-recipient-suitably-equipped@Art. III.5(b)',
        'ma-not-primarily-commercial@Art. III.5(c)',
      ],
      true,
    ],
    [
      'introduction from the sea, Appendix II',
      { documentType: 'introduction-from-the-sea', appendix: 'II', source: 'X' },
      ['sa-non-detriment@Art. IV.6(a)', 'ma-live-shipment-conditions@Art. IV.6(b)'],
      true,
    ],
    [
      'introduction from the sea, Appendix III (not regulated)',
      { documentType: 'introduction-from-the-sea', appendix: 'III', source: 'X' },
      [],
      false,
    ],
  ];

  it.each(cells)('%s', (_name, facts, expected, documentRequired) => {
    const assessment = conventionRequirements({ ...base, ...facts });
    expect(assessment.requirements.map((r) => `${r.code}@${r.article}`)).toEqual(expected);
    expect(assessment.obstacles).toEqual([]);
    expect(assessment.documentRequiredByConvention).toBe(documentRequired);
    expect(assessment.exemption).toBeNull();
  });
});

describe('live-specimen conditions', () => {
  it.each<[string, Partial<TradeFacts>, string[]]>([
    [
      'Appendix-I export of dead specimens needs no shipment condition but still the import permit first',
      { documentType: 'export', appendix: 'I', live: false },
      [
        'sa-non-detriment@Art. III.2(a)',
        'ma-legal-acquisition@Art. III.2(b)',
        'ma-import-permit-granted@Art. III.2(d)',
      ],
    ],
    [
      'Appendix-I re-export of dead specimens needs no import permit first (Art. III.4(c) is for live ones)',
      { documentType: 're-export', appendix: 'I', live: false, countryOfOrigin: 'TZ' },
      ['ma-imported-in-accordance@Art. III.4(a)'],
    ],
    [
      'Appendix-I import of dead specimens needs no recipient finding',
      { documentType: 'import', appendix: 'I', live: undefined },
      [
        'sa-import-not-detrimental@Art. III.3(a)',
        'ma-not-primarily-commercial@Art. III.3(c)',
        'export-permit-presented@Art. III.3',
      ],
    ],
    [
      'Appendix-II introduction from the sea of dead specimens',
      { documentType: 'introduction-from-the-sea', appendix: 'II', source: 'X', live: false },
      ['sa-non-detriment@Art. IV.6(a)'],
    ],
  ])('%s', (_name, facts, expected) => {
    expect(pairs(facts)).toEqual(expected);
  });

  it.each([
    ['LIV', true],
    ['EGL', true],
    ['FIG', true],
    ['SKI', false],
    ['EGG', false],
  ])('term %s is live: %s', (term, live) => {
    expect(isLiveTerm(term)).toBe(live);
  });
});

describe('Appendix III: export permit from the listing State, certificate of origin from the others', () => {
  it.each<[string, Partial<TradeFacts>, string[], string[]]>([
    [
      'export permit asked by a State that did not list the species',
      { documentType: 'export', appendix: 'III', exporterIsListingState: false },
      [],
      ['appendix-iii-non-listing-state-needs-certificate-of-origin@Art. V.3'],
    ],
    [
      'certificate of origin from a State that did not list the species',
      { documentType: 'certificate-of-origin', appendix: 'III', exporterIsListingState: false },
      ['ma-origin-certified@Art. V.3'],
      [],
    ],
    [
      'certificate of origin asked by the listing State',
      { documentType: 'certificate-of-origin', appendix: 'III', exporterIsListingState: true },
      [],
      ['certificate-of-origin-from-listing-state@Art. V.2'],
    ],
    [
      'certificate of origin for an Appendix-II species',
      { documentType: 'certificate-of-origin', appendix: 'II', exporterIsListingState: false },
      [],
      ['certificate-of-origin-only-for-appendix-iii@Art. V.3'],
    ],
    [
      'export without knowing whether the exporter listed the species',
      { documentType: 'export', appendix: 'III' },
      [],
      ['listing-state-unknown@Art. V.2, V.3'],
    ],
    [
      'import from the listing State',
      { documentType: 'import', appendix: 'III', exporterIsListingState: true },
      ['export-permit-presented@Art. V.3'],
      [],
    ],
    [
      'import of a re-exported specimen',
      {
        documentType: 'import',
        appendix: 'III',
        countryOfOrigin: 'IN',
        reExport: { originPermitNumber: 'IN123' },
      },
      ['re-export-certificate-presented@Art. V.4'],
      [],
    ],
  ])('%s', (_name, facts, expectedRequirements, expectedObstacles) => {
    const assessment = conventionRequirements({ ...base, ...facts });
    expect(assessment.requirements.map((r) => `${r.code}@${r.article}`)).toEqual(expectedRequirements);
    expect(assessment.obstacles.map((o) => `${o.code}@${o.article}`)).toEqual(expectedObstacles);
    if (expectedObstacles.length > 0) expect(assessment.documentRequiredByConvention).toBe(false);
  });
});

describe('Appendix I: import permit first and not for primarily commercial purposes', () => {
  it('an Appendix-I import of a re-exported specimen is presented with the re-export certificate', () => {
    expect(pairs({ documentType: 'import', appendix: 'I', countryOfOrigin: 'TZ' })).toContain(
      're-export-certificate-presented@Art. III.3',
    );
  });

  it.each<[DocumentType, string]>([
    ['export', 'Art. III.3(c)'],
    ['re-export', 'Art. III.3(c)'],
    ['import', 'Art. III.3(c)'],
    ['introduction-from-the-sea', 'Art. III.5(c)'],
  ])('%s for purpose T is refused (%s)', (documentType, article) => {
    const source: SourceCode = documentType === 'introduction-from-the-sea' ? 'X' : 'W';
    const assessment = conventionRequirements({ ...base, documentType, appendix: 'I', purpose: 'T', source });
    expect(assessment.obstacles).toEqual([
      expect.objectContaining({ code: 'appendix-i-primarily-commercial', article, field: 'purpose' }),
    ]);
    expect(assessment.requirements.length).toBeGreaterThan(0);
  });

  it.each<PurposeCode>(['Z', 'S', 'H', 'P'])(
    'purpose %s leaves the finding to the Management Authority',
    (purpose) => {
      expect(conventionRequirements({ ...base, appendix: 'I', purpose }).obstacles).toEqual([]);
    },
  );

  it('findings are made by the State that issues the document; border checks by the importing State', () => {
    const exportSide = conventionRequirements({ ...base, appendix: 'I' });
    expect(new Set(exportSide.requirements.map((r) => r.state))).toEqual(new Set(['KE']));
    const importSide = conventionRequirements({ ...base, documentType: 'import', appendix: 'I' });
    expect(importSide.requirements.map((r) => [r.code, r.authority, r.state])).toEqual([
      ['sa-import-not-detrimental', 'scientific-authority', 'FR'],
      ['sa-recipient-suitably-equipped', 'scientific-authority', 'FR'],
      ['ma-not-primarily-commercial', 'management-authority', 'FR'],
      ['export-permit-presented', 'border', 'FR'],
    ]);
  });
});

describe('Article VII exemptions', () => {
  it('Appendix-I animals bred for commercial purposes (source D) are deemed Appendix II (Art. VII.4)', () => {
    const assessment = conventionRequirements({ ...base, appendix: 'I', source: 'D', purpose: 'T' });
    expect(assessment.treatedAsAppendix).toBe('II');
    expect(assessment.exemption).toBe('Art. VII.4');
    expect(assessment.obstacles).toEqual([]);
    expect(requirementCodes(assessment)).toEqual([
      'ma-commercial-captive-production',
      'sa-non-detriment',
      'ma-legal-acquisition',
      'ma-live-shipment-conditions',
      'sa-export-monitoring',
    ]);
    expect(requirementCodes(assessment)).not.toContain('ma-import-permit-granted');
  });

  it('so their import needs no import permit under the Convention', () => {
    const assessment = conventionRequirements({
      ...base,
      documentType: 'import',
      appendix: 'I',
      source: 'D',
      purpose: 'T',
    });
    expect(assessment.documentRequiredByConvention).toBe(false);
    expect(pairs({ documentType: 'import', appendix: 'I', source: 'D', purpose: 'T' })).toEqual([
      'export-permit-presented@Art. IV.4',
    ]);
  });

  it.each<[string, Partial<TradeFacts>, string | null, string[], string[]]>([
    [
      'captive-breeding certificate for source C (Art. VII.5)',
      { documentType: 'captive-breeding', appendix: 'II', source: 'C', purpose: 'T' },
      'Art. VII.5',
      ['ma-bred-in-captivity@Art. VII.5'],
      [],
    ],
    [
      'captive-breeding certificate for an Appendix-I animal, non-commercial',
      { documentType: 'captive-breeding', appendix: 'I', source: 'C', purpose: 'Z' },
      'Art. VII.5',
      ['ma-bred-in-captivity@Art. VII.5'],
      [],
    ],
    [
      'captive-breeding certificate for an Appendix-I animal sold commercially',
      { documentType: 'captive-breeding', appendix: 'I', source: 'C', purpose: 'T' },
      'Art. VII.5',
      ['ma-bred-in-captivity@Art. VII.5'],
      ['appendix-i-commercial-production-needs-source-d@Art. VII.4'],
    ],
    [
      'captive-breeding certificate for wild animals',
      { documentType: 'captive-breeding', appendix: 'II', source: 'W' },
      'Art. VII.5',
      ['ma-bred-in-captivity@Art. VII.5'],
      ['captive-breeding-certificate-needs-source-c@Art. VII.5'],
    ],
    [
      'artificial-propagation certificate for source A',
      { documentType: 'artificial-propagation', appendix: 'II', source: 'A', purpose: 'T' },
      'Art. VII.5',
      ['ma-artificially-propagated@Art. VII.5'],
      [],
    ],
    [
      'artificial-propagation certificate for source D',
      { documentType: 'artificial-propagation', appendix: 'I', source: 'D', purpose: 'T' },
      'Art. VII.5',
      ['ma-artificially-propagated@Art. VII.5'],
      ['artificial-propagation-certificate-needs-source-a@Art. VII.5'],
    ],
    [
      'pre-Convention certificate (Art. VII.2), even for Appendix I and commercial purposes',
      { documentType: 'pre-convention', appendix: 'I', source: 'O', purpose: 'T' },
      'Art. VII.2',
      ['ma-pre-convention-acquisition@Art. VII.2'],
      [],
    ],
    [
      'pre-Convention certificate for wild specimens',
      { documentType: 'pre-convention', appendix: 'II', source: 'W' },
      'Art. VII.2',
      ['ma-pre-convention-acquisition@Art. VII.2'],
      ['pre-convention-needs-source-o@Art. VII.2'],
    ],
    [
      'travelling exhibition of live captive-bred animals (Art. VII.7)',
      { documentType: 'travelling-exhibition', appendix: 'I', source: 'C', purpose: 'Q' },
      'Art. VII.7',
      [
        'ma-exhibition-registered@Art. VII.7(a)',
        'ma-exhibition-specimens-qualify@Art. VII.7(b)',
        'ma-live-shipment-conditions@Art. VII.7(c)',
      ],
      [],
    ],
    [
      'travelling exhibition of wild-caught animals',
      { documentType: 'travelling-exhibition', appendix: 'II', source: 'W', purpose: 'Q', live: false },
      'Art. VII.7',
      ['ma-exhibition-registered@Art. VII.7(a)', 'ma-exhibition-specimens-qualify@Art. VII.7(b)'],
      ['travelling-exhibition-specimens-not-exempt@Art. VII.7(b)'],
    ],
    [
      'introduction from the sea of specimens not taken on the high seas',
      { documentType: 'introduction-from-the-sea', appendix: 'II', source: 'W', live: false },
      null,
      ['sa-non-detriment@Art. IV.6(a)'],
      ['introduction-from-the-sea-needs-source-x@Art. I(e)'],
    ],
    [
      'certificate of ownership for a personal pet',
      { documentType: 'ownership', appendix: 'II', source: 'C', purpose: 'P' },
      null,
      ['ma-legal-acquisition@Res. Conf. 10.20'],
      [],
    ],
    [
      'certificate of ownership for a commercial movement',
      { documentType: 'ownership', appendix: 'II', source: 'C', purpose: 'T' },
      null,
      ['ma-legal-acquisition@Res. Conf. 10.20'],
      ['ownership-needs-personal-purpose@Res. Conf. 10.20'],
    ],
  ])('%s', (_name, facts, exemption, expectedRequirements, expectedObstacles) => {
    const assessment = conventionRequirements({ ...base, ...facts });
    expect(assessment.exemption).toBe(exemption);
    expect(assessment.requirements.map((r) => `${r.code}@${r.article}`)).toEqual(expectedRequirements);
    expect(assessment.obstacles.map((o) => `${o.code}@${o.article}`)).toEqual(expectedObstacles);
  });
});

describe('the vocabulary', () => {
  const documentTypes: DocumentType[] = [
    'export',
    're-export',
    'import',
    'certificate-of-origin',
    'introduction-from-the-sea',
    'pre-convention',
    'captive-breeding',
    'artificial-propagation',
    'travelling-exhibition',
    'ownership',
  ];
  const appendices: Appendix[] = ['I', 'II', 'III'];
  const sources: SourceCode[] = ['W', 'R', 'D', 'A', 'C', 'F', 'Y', 'I', 'O', 'U', 'X'];
  const purposes: PurposeCode[] = ['T', 'P', 'S'];

  function everyAssessment() {
    const out = [];
    for (const documentType of documentTypes)
      for (const appendix of appendices)
        for (const source of sources)
          for (const purpose of purposes)
            for (const live of [true, false])
              for (const exporterIsListingState of [true, false, undefined])
                for (const countryOfOrigin of [null, 'TZ'])
                  out.push(
                    conventionRequirements({
                      ...base,
                      documentType,
                      appendix,
                      source,
                      purpose,
                      live,
                      exporterIsListingState,
                      countryOfOrigin,
                    }),
                  );
    return out;
  }

  it('every requirement and obstacle code is reachable, so none is dead vocabulary', () => {
    const all = everyAssessment();
    expect(new Set(all.flatMap((a) => a.requirements.map((r) => r.code)))).toEqual(
      new Set(REQUIREMENT_CODES),
    );
    expect(new Set(all.flatMap((a) => a.obstacles.map((o) => o.code)))).toEqual(new Set(OBSTACLE_CODES));
  });

  it('an obstacle on the document type leaves no requirement to work on', () => {
    for (const a of everyAssessment()) {
      if (a.obstacles.some((o) => o.field === 'documentType')) expect(a.requirements).toEqual([]);
    }
  });

  it.each(REQUIREMENT_CODES)('requirement %s has a label in EN, FR and ES', (code) => {
    const label = REQUIREMENT_LABELS[code];
    expect([label.en, label.fr, label.es].every((t) => t.length > 10)).toBe(true);
    expect(new Set([label.en, label.fr, label.es]).size).toBe(3);
  });

  it.each(OBSTACLE_CODES)('obstacle %s has a message in EN, FR and ES', (code) => {
    const message = OBSTACLE_MESSAGES[code];
    expect(new Set([message.en, message.fr, message.es]).size).toBe(3);
  });
});
