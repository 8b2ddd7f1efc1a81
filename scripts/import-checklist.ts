import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config';
import { mongoUri } from '../server/mongo-uri';
import { AuditTrail } from '../server/services/audit-trail';
import { importChecklist, importTradeMeasures } from '../server/services/checklist-import';
import { AuditRepository } from '../store/audit';
import { connectStore } from '../store/connection';
import { SpeciesRepository } from '../store/species';
import { TradeMeasureRepository } from '../store/trade-measures';
import { errorMessage } from './services/managed-process';

const usage = `usage:
  npm run species:import -- <Index_of_CITES_Species.csv[.gz] | speciesplus.json>
  npm run species:import -- --measures <speciesplus-legislation.json> [--species-plus-id N]`;

/**
 * Imports a checklist a Management Authority downloaded (Index of CITES Species CSV, Species+ JSON),
 * or Species+ legislation (trade suspensions, EU decisions), into the store of this deployment.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { measures: { type: 'boolean' }, 'species-plus-id': { type: 'string' } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new Error(usage);
  const config = loadConfig();
  const store = await connectStore({ uri: mongoUri(config), database: config.mongo.database }, 10_000);
  const audit = new AuditTrail(new AuditRepository(store));
  const species = new SpeciesRepository(store);
  try {
    if (values.measures) {
      const speciesPlusId = values['species-plus-id'] ? Number(values['species-plus-id']) : undefined;
      const report = await importTradeMeasures(file, new TradeMeasureRepository(store), species, audit, {
        speciesPlusId,
      });
      console.log(`trade measures stored: ${report.measuresStored}, rejected: ${report.rejected}`);
      for (const reason of report.reasons.slice(0, 20)) console.log(`  rejected: ${reason}`);
      return;
    }
    const started = Date.now();
    const report = await importChecklist(file, species, audit, {
      onProgress: ({ rowsRead, bytesRead, totalBytes }) => {
        const percent = totalBytes > 0 ? Math.min(100, Math.round((bytesRead / totalBytes) * 100)) : 0;
        process.stderr.write(`\rimporting: ${percent}% (${rowsRead} rows)   `);
      },
    });
    process.stderr.write('\n');
    console.log(
      `rows read: ${report.rowsRead}, taxa stored: ${report.taxaStored}, rows rejected: ${report.rejected} (${Math.round((Date.now() - started) / 1000)} s)`,
    );
    for (const [reason, count] of Object.entries(report.rejectedByReason))
      console.log(`  rejected, ${reason}: ${count}`);
    for (const example of report.examples.slice(0, 5)) {
      console.log(`  e.g. line ${example.line ?? '?'}: ${example.reason.message}`);
    }
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(`species:import: ${errorMessage(error)}`);
  process.exit(1);
});
