import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { listingNotation, type Taxon } from '../../../domain/species/taxon';
import {
  detectChecklistFormat,
  readChecklist,
  type ChecklistItem,
  type ChecklistProgress,
  type ReadChecklistOptions,
} from '../../../server/checklist/read-checklist';
import { sharedDataFile } from '../../support/shared-data';

const INDEX_DIR = 'cites-species-index-2017';
const FULL_GZ = sharedDataFile(INDEX_DIR, 'Index_of_CITES_Species_2017-04-21_17-27.csv.gz');
const COMPACT = sharedDataFile(INDEX_DIR, 'index_of_cites_species_2017_compact.csv');
const SPP = (name: string): string => sharedDataFile('speciesplus-api-fixtures', name);

interface Summary {
  rowsRead: number;
  taxa: number;
  rejectedByReason: Record<string, number>;
  kingdoms: Record<string, number>;
  notationById: Map<string, string>;
  kept: Map<string, Taxon>;
  progress: ChecklistProgress[];
}

/** Reads a whole file, keeping counts, each taxon's listing and the taxa named in `keep`. */
async function summarise(
  file: string,
  keep: readonly string[] = [],
  options: ReadChecklistOptions = {},
): Promise<Summary> {
  const summary: Summary = {
    rowsRead: 0,
    taxa: 0,
    rejectedByReason: {},
    kingdoms: {},
    notationById: new Map(),
    kept: new Map(),
    progress: [],
  };
  for await (const item of readChecklist(file, { ...options, onProgress: (p) => summary.progress.push(p) })) {
    summary.rowsRead += 1;
    if ('taxon' in item) {
      const { taxon } = item;
      summary.taxa += 1;
      summary.kingdoms[taxon.kingdom] = (summary.kingdoms[taxon.kingdom] ?? 0) + 1;
      summary.notationById.set(taxon.id, listingNotation(taxon.listing));
      if (keep.includes(taxon.scientificName)) summary.kept.set(taxon.scientificName, taxon);
    } else {
      const code = item.rejected.reason.code;
      summary.rejectedByReason[code] = (summary.rejectedByReason[code] ?? 0) + 1;
    }
  }
  return summary;
}

async function collect(file: string, options: ReadChecklistOptions = {}): Promise<ChecklistItem[]> {
  const items: ChecklistItem[] = [];
  for await (const item of readChecklist(file, options)) items.push(item);
  return items;
}

describe('reading the full Index of CITES Species', () => {
  let full: Summary;
  let compact: Summary;

  beforeAll(async () => {
    full = await summarise(FULL_GZ, ['Loxodonta africana', 'Swietenia macrophylla'], {
      progressEveryRows: 5000,
    });
    compact = await summarise(COMPACT, ['Loxodonta africana']);
    console.log(
      'Index of CITES Species import:',
      JSON.stringify({
        gz: {
          rowsRead: full.rowsRead,
          taxa: full.taxa,
          rejectedByReason: full.rejectedByReason,
          kingdoms: full.kingdoms,
        },
        compact: {
          rowsRead: compact.rowsRead,
          taxa: compact.taxa,
          rejectedByReason: compact.rejectedByReason,
        },
      }),
    );
  });

  it('reads every row of the gzipped export and turns all but a handful into taxa', () => {
    expect(full.rowsRead).toBe(38079);
    expect(full.taxa).toBe(38062);
    expect(full.rejectedByReason).toEqual({ 'listing-missing': 17 });
    expect(full.kingdoms).toEqual({ Animalia: 6972, Plantae: 31090 });
    expect(full.notationById.size).toBe(full.taxa);
  });

  it('reports progress in rows and compressed bytes, ending at the file size', () => {
    const total = readFileSync(FULL_GZ).length;
    expect(full.progress.map((p) => p.rowsRead)).toEqual([
      5000, 10000, 15000, 20000, 25000, 30000, 35000, 38079,
    ]);
    expect(full.progress.every((p) => p.totalBytes === total)).toBe(true);
    const bytes = full.progress.map((p) => p.bytesRead);
    expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
    expect(bytes[0]).toBeLessThan(total);
    expect(full.progress[full.progress.length - 1]).toEqual({
      rowsRead: 38079,
      bytesRead: total,
      totalBytes: total,
    });
  });

  it('gives the same taxa and listings from the compact cut', () => {
    expect(compact.rowsRead).toBe(38079);
    expect(compact.rejectedByReason).toEqual(full.rejectedByReason);
    expect(compact.notationById).toEqual(full.notationById);
  });

  it('keeps what only the full export has: French and Spanish names, # annotation texts', () => {
    expect(full.kept.get('Loxodonta africana')?.commonNames.es).toEqual(['Elefante africano']);
    expect(compact.kept.get('Loxodonta africana')?.commonNames.es).toEqual([]);
    expect(full.kept.get('Swietenia macrophylla')?.listing.hashAnnotation).toEqual({
      symbol: '#6',
      text: 'Designates logs, sawn wood, veneer sheets and plywood',
    });
  });

  it('counts the checklist’s listings as published', () => {
    const counts = new Map<string, number>();
    for (const notation of full.notationById.values()) counts.set(notation, (counts.get(notation) ?? 0) + 1);
    expect(counts.get('II')).toBeGreaterThan(36000);
    expect(counts.get('I')).toBeGreaterThan(1100);
    expect(counts.get('I/II')).toBe(175);
    expect(counts.get('NC')).toBe(50);
  });

  it('stops reading when the caller stops iterating', async () => {
    const firstTen: ChecklistItem[] = [];
    for await (const item of readChecklist(FULL_GZ)) {
      firstTen.push(item);
      if (firstTen.length === 10) break;
    }
    expect(firstTen.map((i) => ('taxon' in i ? i.taxon.scientificName : 'rejected')).slice(0, 2)).toEqual([
      'Abeillia',
      'Abeillia abeillei',
    ]);
  });
});

describe('reading Species+ responses', () => {
  it('reads the 500 taxon concepts of a recorded page', async () => {
    const summary = await summarise(SPP('spp_taxonconcept_upd.json'));
    expect(summary).toMatchObject({
      rowsRead: 500,
      taxa: 500,
      rejectedByReason: {},
      kingdoms: { Animalia: 500 },
    });
    expect(summary.progress[summary.progress.length - 1]).toMatchObject({ rowsRead: 500 });
  });

  it('reads the single elephant concept', async () => {
    const items = await collect(SPP('spp_taxonconcept_def.json'));
    expect(items).toEqual([{ taxon: expect.objectContaining({ id: '4521', source: 'speciesplus-api' }) }]);
  });

  it('refuses a Species+ response that holds no taxon concepts', async () => {
    await expect(collect(SPP('spp_cites_legislation_def.json'))).rejects.toThrow(
      /holds no Species\+ taxon_concepts/,
    );
  });
});

describe('reading damaged files', () => {
  let dir: string;
  const header =
    'TaxonId,Kingdom,Phylum,Class,Order,Family,Genus,Species,Subspecies,FullName,AuthorYear,RankName,CurrentListing,' +
    'AnnotationEnglish,#AnnotationSymbol,SynonymsWithAuthors,EnglishNames,CitesAccepted,All_DistributionISOCodes';
  const lines = [
    header,
    '3734,Animalia,Chordata,Aves,Apodiformes,Trochilidae,Abeillia,abeillei,,Abeillia abeillei,"(Lesson & DeLattre, 1839)",SPECIES,II,Appendix II: ,,,Emerald-chinned Hummingbird,true,"SV, GT"',
    '1,Animalia,Chordata',
    '2,Animalia,Chordata,Aves,x,y,z,,,Broken "quote,A,SPECIES,II,,,,,true,',
    '3,Plantae,,,Cyatheales,Dicksoniaceae,Dicksonia,antarctica,,Dicksonia antarctica,Labill.,SPECIES,,,,,,true,AU',
    '4,Fungi,,,,,,,,Amanita muscaria,L.,SPECIES,II,,,,,true,',
    '9644,Animalia,Chordata,Aves,Psittaciformes,Psittacidae,Psittacus,erithacus,,Psittacus erithacus,"Linnaeus, 1758",SPECIES,I,Appendix I: ,,,"Grey Parrot, Jacquot",true,GH',
  ];

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pangolin-checklist-'));
    writeFileSync(path.join(dir, 'damaged.csv'), lines.join('\n') + '\n');
    writeFileSync(path.join(dir, 'damaged.csv.gz'), gzipSync(lines.join('\r\n')));
    writeFileSync(path.join(dir, 'misnamed.csv'), gzipSync(lines.join('\n')));
    writeFileSync(path.join(dir, 'no-header.csv'), 'a,b,c\n1,2,3\n');
    writeFileSync(path.join(dir, 'empty.csv'), '');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['damaged.csv', 'damaged.csv.gz', 'misnamed.csv'])(
    'gives a reason for each bad row of %s and goes on',
    async (name) => {
      const items = await collect(path.join(dir, name));
      const outcome = items.map((item) =>
        'taxon' in item
          ? item.taxon.scientificName
          : `${item.rejected.reason.code}@${item.rejected.line ?? '?'}`,
      );
      expect(outcome).toEqual([
        'Abeillia abeillei',
        'column-count@3',
        'csv-syntax@4',
        'listing-missing@5',
        'unknown-kingdom@6',
        'Psittacus erithacus',
      ]);
      const columnCount = items[1];
      expect(columnCount).toEqual({
        rejected: {
          row: { TaxonId: '1', Kingdom: 'Animalia', Phylum: 'Chordata' },
          line: 3,
          reason: { code: 'column-count', message: 'The record has 3 fields; the header has 19.' },
        },
      });
    },
  );

  it.each([
    ['damaged.csv', 'index-csv'],
    ['damaged.csv.gz', 'index-csv-gz'],
    ['misnamed.csv', 'index-csv-gz'],
  ])('detects %s as %s from its contents', async (name, format) => {
    await expect(detectChecklistFormat(path.join(dir, name))).resolves.toBe(format);
  });

  it.each([
    [FULL_GZ, 'index-csv-gz'],
    [COMPACT, 'index-csv'],
    [SPP('spp_taxonconcept_def.json'), 'speciesplus-json'],
  ])('detects the shared file %s as %s', async (file, format) => {
    await expect(detectChecklistFormat(file)).resolves.toBe(format);
  });

  it('refuses a CSV without the checklist columns, and an empty file', async () => {
    await expect(collect(path.join(dir, 'no-header.csv'))).rejects.toThrow(
      /missing columns TaxonId, Kingdom, FullName, RankName, CurrentListing/,
    );
    await expect(collect(path.join(dir, 'empty.csv'))).rejects.toThrow(/no CSV header/);
  });

  it('fails on a file that does not exist', async () => {
    await expect(collect(path.join(dir, 'missing.csv'))).rejects.toThrow(/ENOENT/);
  });
});
