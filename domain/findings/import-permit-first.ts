/** What an Appendix-I export application says of the importing Party's import permit. */
export interface ImportPermitReference {
  /** The importing Party (Box 3a country of the importer). */
  importingParty: string;
  permitNumber: string;
  /** The species of the Appendix-I blocks, which the import permit must name. */
  appendixISpecies: string[];
}

/** The import permit as the importing Party sent it (signature already verified). */
export interface VerifiedImportPermit {
  fromParty: string;
  number: string;
  documentType: string;
  status: string;
  validUntil: string;
  exporterCountry: string;
  speciesNames: string[];
}

/**
 * Whether a verified import permit settles the import-permit-first precondition (Art. III.2(d))
 * for an export from `exportingParty` on `today`; the reason when it does not, for the timeline.
 */
export function importPermitSettles(
  reference: ImportPermitReference,
  permit: VerifiedImportPermit,
  exportingParty: string,
  today: string,
): { settles: true } | { settles: false; reason: string } {
  const refuse = (reason: string) => ({ settles: false as const, reason });
  if (permit.documentType !== 'import') return refuse(`${permit.number} is not an import permit`);
  if (permit.fromParty !== reference.importingParty) {
    return refuse(`${permit.number} was issued by ${permit.fromParty}, not by ${reference.importingParty}`);
  }
  if (permit.status !== 'valid' || permit.validUntil < today) {
    return refuse(`${permit.number} is ${permit.status === 'valid' ? 'expired' : permit.status}`);
  }
  if (permit.exporterCountry !== exportingParty) {
    return refuse(`${permit.number} names an export from ${permit.exporterCountry}`);
  }
  const named = new Set(permit.speciesNames.map((name) => name.trim().toLowerCase()));
  const missing = reference.appendixISpecies.filter((name) => !named.has(name.trim().toLowerCase()));
  if (missing.length) return refuse(`${permit.number} does not name ${missing.join(', ')}`);
  return { settles: true };
}
