import fs from 'node:fs';
import path from 'node:path';
import { SEED_TAXA } from '../../domain/species/seed';
import { DEFAULT_FORMS } from '../../forms/defaults';
import { checkFormSchema, validateFormData } from '../../forms/schema-kit';
import { projectRoot } from '../../server/project';

const examplesDir = path.join(projectRoot, 'examples', 'applications');
const examples = fs
  .readdirSync(examplesDir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => [file, JSON.parse(fs.readFileSync(path.join(examplesDir, file), 'utf8'))] as const);
const seedNames = new Set(SEED_TAXA.map((taxon) => taxon.scientificName));
const speciesNameKnown = (name: string) => seedNames.has(name);
const formFor = (documentType: string) =>
  DEFAULT_FORMS.find((form) => form.documentType === documentType)!.content.schema;

describe('the default national forms', () => {
  it.each(DEFAULT_FORMS.map((form) => [form.id, form]))('%s passes the strict schema check', (_id, form) => {
    expect(checkFormSchema(form.content.schema)).toEqual([]);
  });

  it('ship for export, re-export and import, with French and Spanish labels for every title they use', () => {
    expect(DEFAULT_FORMS.map((form) => form.documentType).sort()).toEqual(['export', 'import', 're-export']);
    for (const form of DEFAULT_FORMS) {
      const title = String(form.content.schema.title);
      const translations = form.content.translations as Record<'fr' | 'es', Record<string, string>>;
      expect([title, translations.fr[title], translations.es[title]].every(Boolean)).toBe(true);
    }
  });

  it('include the examples the contract names', () => {
    expect(examples.map(([file]) => file)).toEqual(
      expect.arrayContaining(['export-appendix-ii-wild.json', 'export-appendix-i.json']),
    );
  });

  it.each(examples)(
    'accept the example %s as shipped, species checked against the checklist',
    (_file, example) => {
      expect(validateFormData(formFor(example.documentType), example.data, { speciesNameKnown })).toEqual([]);
    },
  );

  const appendixI = examples.find(([file]) => file === 'export-appendix-i.json')![1].data;
  const live = examples.find(([file]) => file === 'export-appendix-ii-wild.json')![1].data;
  it.each([
    [
      'an Appendix I export without the import permit',
      'export',
      { ...appendixI, importPermit: undefined },
      '/importPermit',
    ],
    [
      'live animals without transport conditions',
      'export',
      { ...live, transportConditions: undefined },
      '/transportConditions',
    ],
    [
      'a pre-Convention block without its earlier source',
      'export',
      { ...live, blocks: [{ ...live.blocks[0], source: 'O', dateOfAcquisition: '1970-01-01' }] },
      '/blocks/0/underlyingSource',
    ],
    [
      'a source U without a reason',
      'export',
      { ...live, blocks: [{ ...live.blocks[0], source: 'U' }] },
      '/blocks/0/sourceReason',
    ],
    [
      'a re-export without the country of origin',
      're-export',
      { ...live, blocks: [live.blocks[0]] },
      '/blocks/0/countryOfOrigin',
    ],
    [
      'an Appendix I import without the non-commercial use',
      'import',
      { importer: appendixI.exporter, exporter: appendixI.importer, purpose: 'S', blocks: appendixI.blocks },
      '/notPrimarilyCommercial',
    ],
  ])('refuse %s, naming the missing field', (_case, documentType, data, missing) => {
    const problems = validateFormData(formFor(documentType), JSON.parse(JSON.stringify(data)), {
      speciesNameKnown,
    });
    expect(problems.map((problem) => problem.path)).toContain(missing);
  });
});
