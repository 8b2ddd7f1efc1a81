import { importPermitSettles, type VerifiedImportPermit } from '../../../domain/findings/import-permit-first';

const reference = { importingParty: 'US', permitNumber: '26US1A', appendixISpecies: ['Panthera pardus'] };
const permit: VerifiedImportPermit = {
  fromParty: 'US',
  number: '26US1A',
  documentType: 'import',
  status: 'valid',
  validUntil: '2026-12-31',
  exporterCountry: 'KE',
  speciesNames: ['Panthera pardus'],
};

describe('importPermitSettles: a verified import permit and Art. III.2(d)', () => {
  it.each<[string, Partial<VerifiedImportPermit>, string | null]>([
    ['the permit as sent', {}, null],
    ['species named in other case', { speciesNames: ['PANTHERA PARDUS'] }, null],
    ['an export permit', { documentType: 'export' }, 'is not an import permit'],
    ['issued by another Party', { fromParty: 'CA' }, 'was issued by CA, not by US'],
    ['cancelled', { status: 'cancelled' }, 'is cancelled'],
    ['past its validity', { validUntil: '2026-11-29' }, 'is expired'],
    ['for an export from elsewhere', { exporterCountry: 'TZ' }, 'names an export from TZ'],
    ['without the species', { speciesNames: ['Panthera leo'] }, 'does not name Panthera pardus'],
  ])('%s', (_case, change, reason) => {
    const verdict = importPermitSettles(reference, { ...permit, ...change }, 'KE', '2026-11-30');
    if (reason === null) expect(verdict).toEqual({ settles: true });
    else expect(verdict).toEqual({ settles: false, reason: expect.stringContaining(reason) });
  });
});
