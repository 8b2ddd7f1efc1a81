import fs from 'node:fs';
import path from 'node:path';
import type { DocumentType } from '../../domain/codes';
import type { PermitDocumentInput } from '../../forms/permit-document';
import { projectRoot } from '../../server/project';

/** An application body of `examples/applications/`. */
export interface Example {
  documentType: DocumentType;
  data: Record<string, unknown>;
}

const examplesDir = path.join(projectRoot, 'examples', 'applications');

/** Every example application, by file name. */
export const examples: Record<string, Example> = Object.fromEntries(
  fs
    .readdirSync(examplesDir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => [file, JSON.parse(fs.readFileSync(path.join(examplesDir, file), 'utf8')) as Example]),
);

export const exampleNamed = (file: string): Example => {
  const example = examples[file];
  if (!example) throw new Error(`examples/applications/${file} is missing`);
  return example;
};

export const managementAuthority = {
  name: 'Kenya Wildlife Service',
  address: { streetLines: ['Langata Road'], city: 'Nairobi', country: 'KE' },
};
export const official = { name: 'Grace Wanjiru', title: 'Head, CITES Permits' };
export const permit = {
  number: 'KE26000123E',
  validFrom: '2026-10-20',
  validUntil: '2027-04-19',
  issuedAt: '2026-10-20T09:30:00.000Z',
};

/** What `permitDocumentOf` takes for an example granted by the Kenyan MA, with `extra` boxes. */
export function permitInputOf(
  example: Example,
  extra: Partial<PermitDocumentInput> = {},
): PermitDocumentInput {
  return {
    documentType: example.documentType,
    data: example.data,
    permit,
    managementAuthority,
    official,
    place: 'Nairobi',
    signatureKeyId: 'ke-ma-2026-01',
    ...extra,
  };
}
