/**
 * Annual trade report benchmark: `GET /api/reports/annual` (the CSV, streamed from a database cursor to the
 * HTTP response) and `GET /api/reports/annual/check` over 100,000 and 1,000,000 permit records, each timed
 * with its peak memory next to a baseline measured in the same run: a plain driver cursor over the same
 * records (same filter, same fields, same batch size) that only counts them.
 *
 * Run from the repository root: `npm run bench:report -- [--quick] [--sizes 100000,1000000] [--keep]`
 *
 * The records are generated once per size into their own database (FerretDB on SQLite, started here on a
 * free port with its data in a temporary folder, or the server of `MONGODB_URI`): signed permits made with
 * `permitDocumentOf` and `signPermitContent` from a pool of seed species, terms, purposes and partner
 * countries, over 2024 and 2025, exports, re-exports and imports, endorsed or not, cancelled and replaced,
 * with one to four blocks, inserted with `insertMany` in batches. `--quick` stops at 100,000; `--keep`
 * leaves the data folder (and `--reuse DIR` starts from one kept earlier).
 *
 * Each measurement runs in a child process of its own, so that its peak resident memory (`maxRSS`) is its
 * own: the report's and the scan's processes start the same way (connect, open the cursor), and the ratio
 * of the two says what the report holds beyond a cursor. Rows alternate (scan, report, check) for the
 * rounds; medians are reported. Prints a table and, as its last line, one JSON object
 * `{"annualReport": {...}}`.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import express from 'express';
import type { Connection } from 'mongoose';
import pino from 'pino';

import { loadPartyKeys, type PartyKeyRing } from '../activities/signing/party-keys';
import { signPermitContent } from '../activities/signing/permit-signature';
import type { DocumentType } from '../domain/codes/types';
import { permitDocumentOf } from '../forms/permit-document';
import { startFerretDb } from '../scripts/services/ferretdb';
import { freePort } from '../scripts/services/managed-process';
import { problemHandler } from '../server/http/problem';
import { RouteTable } from '../server/http/route-table';
import type { Caller } from '../server/identity/permissions';
import { reportRoutes } from '../server/routes/reports';
import { AnnualReportService } from '../server/services/annual-reports';
import { AuditTrail } from '../server/services/audit-trail';
import { SeizureService } from '../server/services/seizures';
import { seedChecklist, SpeciesService } from '../server/services/species';
import { AuditRepository } from '../store/audit';
import { connectStore } from '../store/connection';
import { SeizureRepository } from '../store/seizures';
import { SpeciesRepository } from '../store/species';
import { TradeRecordReader } from '../store/trade-records';

const PARTY = 'KE';
const REPORT_YEAR = 2025;
const INSERT_BATCH = 2_000;
const CURSOR_BATCH = 1_000;

type Mode = 'scan' | 'csv' | 'check';
const MODES: readonly Mode[] = ['scan', 'csv', 'check'];

interface ChildResult {
  mode: Mode;
  ms: number;
  maxRssMb: number;
  /** Records read (scan) or rows written (csv, check). */
  count: number;
  bytes: number;
  refusedRows?: number;
}

function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function argument(name: string): string | undefined {
  const args = process.argv.slice(2);
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Generation

/** A small deterministic generator, so that two runs make the same records. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Line {
  scientificName: string;
  appendix: 'I' | 'II' | 'III';
  term: string;
  unit?: string;
  source: string;
  purposes: string[];
}

/** Species, terms and purposes that the checklist and the Trade Database's tables take together. */
const LINES: readonly Line[] = [
  { scientificName: 'Python regius', appendix: 'II', term: 'LIV', source: 'W', purposes: ['T', 'Z', 'S'] },
  { scientificName: 'Python regius', appendix: 'II', term: 'SKI', source: 'W', purposes: ['T'] },
  { scientificName: 'Python regius', appendix: 'II', term: 'LPS', source: 'C', purposes: ['T'] },
  { scientificName: 'Crocodylus niloticus', appendix: 'II', term: 'SKI', source: 'R', purposes: ['T'] },
  {
    scientificName: 'Crocodylus niloticus',
    appendix: 'II',
    term: 'MEA',
    unit: 'KIL',
    source: 'R',
    purposes: ['T'],
  },
  { scientificName: 'Psittacus erithacus', appendix: 'I', term: 'LIV', source: 'C', purposes: ['Z', 'B'] },
  { scientificName: 'Panthera pardus', appendix: 'I', term: 'TRO', source: 'W', purposes: ['H'] },
  {
    scientificName: 'Hippopotamus amphibius',
    appendix: 'II',
    term: 'TEE',
    source: 'W',
    purposes: ['T', 'P'],
  },
  {
    scientificName: 'Loxodonta africana',
    appendix: 'I',
    term: 'SPE',
    unit: 'MLT',
    source: 'W',
    purposes: ['S'],
  },
  { scientificName: 'Diceros bicornis', appendix: 'I', term: 'SPE', source: 'W', purposes: ['S'] },
  {
    scientificName: 'Carcharodon carcharias',
    appendix: 'II',
    term: 'FIN',
    unit: 'KIL',
    source: 'W',
    purposes: ['T'],
  },
  { scientificName: 'Phalaenopsis', appendix: 'II', term: 'LIV', source: 'A', purposes: ['T'] },
  { scientificName: 'Dalbergia nigra', appendix: 'I', term: 'CAR', source: 'O', purposes: ['P'] },
  // A term–purpose pair the Trade Database refuses: the check has something to find.
  { scientificName: 'Python regius', appendix: 'II', term: 'LIV', source: 'W', purposes: ['H'] },
];
const PARTNERS = ['DE', 'FR', 'US', 'CN', 'JP', 'GB', 'AE', 'ZA', 'CH', 'NL', 'BE', 'IT', 'ES', 'CA'];

function trader(name: string, country: string) {
  return { name, address: { streetLines: ['Plot 12, Enterprise Road'], city: 'City', country } };
}

/** The permit record number `n` of a generated set, as the lifecycle leaves it, its boxes signed. */
function generatedPermit(n: number, ring: PartyKeyRing, next: () => number): Record<string, unknown> {
  const year = n % 2 === 0 ? 2024 : 2025;
  const typeDraw = next();
  const documentType: DocumentType = typeDraw < 0.7 ? 'export' : typeDraw < 0.85 ? 're-export' : 'import';
  const partner = PARTNERS[Math.floor(next() * PARTNERS.length)]!;
  const blockCount = 1 + Math.floor(next() * next() * 4);
  const line = LINES[Math.floor(next() * LINES.length)]!;
  const purpose = line.purposes[Math.floor(next() * line.purposes.length)]!;
  const blocks = Array.from({ length: blockCount }, (_, index) => {
    const l = index === 0 ? line : LINES[Math.floor(next() * (LINES.length - 1))]!;
    return {
      scientificName: l.scientificName,
      description: { term: l.term },
      marks: [],
      appendix: l.appendix,
      source: l.source,
      quantity: 1 + Math.floor(next() * 200),
      ...(l.unit ? { unit: l.unit } : {}),
      ...(documentType === 're-export'
        ? {
            countryOfOrigin: { country: 'TZ', permitNumber: `TZ${year - 1}-${n}`, date: `${year - 1}-06-01` },
          }
        : {}),
    };
  });
  const month = 1 + Math.floor(next() * 12);
  const day = 1 + Math.floor(next() * 28);
  const issuedOn = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const suffix = documentType === 'export' ? 'E' : documentType === 're-export' ? 'R' : 'I';
  const number = `${PARTY}${String(year).slice(2)}${String(n).padStart(7, '0')}-${suffix}`;
  const importing = documentType === 'import';
  const data = {
    exporter: trader('Exporter Ltd', importing ? partner : PARTY),
    importer: trader('Importer GmbH', importing ? PARTY : partner),
    purpose,
    blocks,
  };
  const document = permitDocumentOf({
    documentType,
    data,
    permit: { number, validFrom: issuedOn, validUntil: `${year + 1}-06-30`, issuedAt: issuedOn },
    managementAuthority: {
      name: 'CITES Management Authority of Kenya',
      address: { streetLines: [], country: PARTY },
    },
    official: { name: 'A. Officer' },
    place: 'Nairobi',
    signatureKeyId: ring.active.kid,
  });
  const authorised = blocks.map((block) => block.quantity);
  const fate = next();
  // 60% endorsed (a tenth of them in the new year), 25% never used, 10% cancelled, 5% replaced.
  let after: Record<string, unknown>;
  if (fate < 0.6) {
    const endorsedOn =
      next() < 0.1 ? `${year + 1}-01-${String(day).padStart(2, '0')}` : issuedOn.replace(/-\d\d$/, '-28');
    const quantities = authorised.map((quantity) =>
      next() < 0.1 ? 0 : Math.max(1, quantity - Math.floor(next() * 3)),
    );
    after = {
      status: next() < 0.5 ? 'used' : 'endorsed',
      endorsement: { quantities, port: 'Nairobi JKIA', date: endorsedOn, by: 'customs' },
    };
  } else if (fate < 0.85) after = { status: next() < 0.5 ? 'valid' : 'expired' };
  else if (fate < 0.95) after = { status: 'cancelled', cancellation: { reason: 'withdrawn', by: 'ma' } };
  else after = { status: 'replaced', replacedBy: { permitId: `bench-${n}-R1`, number: `${number}R` } };
  return {
    _id: `bench-${n}`,
    applicationId: `bench-${n}`,
    number,
    party: PARTY,
    documentType,
    authorisedQuantities: authorised,
    validFrom: issuedOn,
    validUntil: `${year + 1}-06-30`,
    issuedAt: new Date(`${issuedOn}T09:00:00Z`),
    nonDetrimentFindingIds: [],
    signedPermit: signPermitContent(ring, document),
    verificationToken: `bench-token-${n}`,
    ...after,
  };
}

async function generate(store: Connection, count: number, ring: PartyKeyRing): Promise<number> {
  const permits = store.db!.collection('permits');
  await permits.deleteMany({});
  await seedChecklist(new SpeciesRepository(store), new Date());
  const next = random(count);
  const started = performance.now();
  let pending: Promise<unknown> | undefined;
  for (let from = 0; from < count; from += INSERT_BATCH) {
    const batch = [];
    for (let n = from; n < Math.min(count, from + INSERT_BATCH); n++)
      batch.push(generatedPermit(n, ring, next));
    // One batch is inserted while the next is generated: FerretDB and this process each have a core.
    await pending;
    pending = permits.insertMany(batch as never[], { ordered: false });
    if ((from / INSERT_BATCH) % 50 === 0 && from > 0) {
      const seconds = (performance.now() - started) / 1000;
      process.stderr.write(`  ${from} records in ${seconds.toFixed(0)} s\n`);
    }
  }
  await pending;
  const stored = await permits.estimatedDocumentCount();
  if (stored !== count) throw new Error(`${stored} records stored, ${count} generated`);
  return performance.now() - started;
}

// ---------------------------------------------------------------------------------------------------
// Measurements, each in a child process

const benchCaller: Caller = {
  actor: {
    kind: 'user',
    userId: 'bench',
    email: 'bench@example.org',
    roles: ['ma_officer'],
    party: PARTY,
    sessionId: 'bench',
    mustEnrollSecondFactor: false,
  },
  requestId: 'bench',
};

/** The report's own route, mounted on express with the caller already known (no sign-in to measure). */
async function reportServer(store: Connection) {
  const reports = new AnnualReportService(
    PARTY,
    new TradeRecordReader(store, CURSOR_BATCH),
    new SpeciesService(new SpeciesRepository(store)),
  );
  const seizures = new SeizureService(
    PARTY,
    new SeizureRepository(store),
    new AuditTrail(new AuditRepository(store)),
  );
  const routes = new RouteTable();
  reportRoutes(routes, reports, seizures);
  const router = express.Router();
  routes.mount(router, { idempotency: (_req, _res, next) => next() });
  const app = express();
  app.use((req, _res, next) => {
    (req as unknown as { caller: Caller }).caller = benchCaller;
    next();
  });
  app.use('/api', router);
  app.use(problemHandler(pino({ level: 'silent' })));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/** Fetches a URL and counts its bytes and lines, keeping the body only when asked (the check's JSON). */
function download(
  url: string,
  keep: boolean,
): Promise<{ status: number; bytes: number; lines: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        let bytes = 0;
        let lines = 0;
        const kept: Buffer[] = [];
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          for (const byte of chunk) if (byte === 10) lines++;
          if (keep || response.statusCode !== 200) kept.push(chunk);
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            bytes,
            lines,
            body: Buffer.concat(kept).toString('utf8'),
          }),
        );
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

async function child(mode: Mode, uri: string, database: string): Promise<void> {
  const store = await connectStore({ uri, database });
  const query = `year=${REPORT_YEAR}&layout=exporter`;
  let result: ChildResult;
  const started = performance.now();
  if (mode === 'scan') {
    // What the report reads, and nothing else: the same filter, fields and batch size, counted.
    const cursor = store.db!.collection('permits').find(
      {
        documentType: {
          $in: [
            'export',
            're-export',
            'certificate-of-origin',
            'pre-convention',
            'captive-breeding',
            'artificial-propagation',
          ],
        },
        'endorsement.date': { $gte: `${REPORT_YEAR}-01-01`, $lte: `${REPORT_YEAR}-12-31` },
      },
      {
        projection: {
          number: 1,
          documentType: 1,
          status: 1,
          issuedAt: 1,
          authorisedQuantities: 1,
          endorsement: 1,
          importConfirmation: 1,
          signedPermit: 1,
        },
        batchSize: CURSOR_BATCH,
      },
    );
    let count = 0;
    let bytes = 0;
    for await (const document of cursor) {
      count++;
      bytes += (document.signedPermit as string | undefined)?.length ?? 0;
    }
    result = { mode, ms: performance.now() - started, maxRssMb: 0, count, bytes };
  } else {
    const { server, port } = await reportServer(store);
    const path = mode === 'csv' ? `/api/reports/annual?${query}` : `/api/reports/annual/check?${query}`;
    const answer = await download(`http://127.0.0.1:${port}${path}`, mode === 'check');
    if (answer.status !== 200)
      throw new Error(`${path} answered ${answer.status}: ${answer.body.slice(0, 2000)}`);
    const ms = performance.now() - started;
    server.close();
    if (mode === 'csv') {
      result = { mode, ms, maxRssMb: 0, count: answer.lines - 1, bytes: answer.bytes };
    } else {
      const check = JSON.parse(answer.body) as { rows: number; refusedRows: number };
      result = {
        mode,
        ms,
        maxRssMb: 0,
        count: check.rows,
        bytes: answer.bytes,
        refusedRows: check.refusedRows,
      };
    }
  }
  result.maxRssMb = process.resourceUsage().maxRSS / 1024;
  await store.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runChild(mode: Mode, uri: string, database: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const started = spawn(process.execPath, [__filename, '--child', mode, '--uri', uri, '--db', database], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    started.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    started.on('error', reject);
    started.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`the ${mode} measurement exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!) as ChildResult);
    });
  });
}

// ---------------------------------------------------------------------------------------------------

interface SizeFigures {
  records: number;
  generate: { ms: number; perSecond: number; reused: boolean };
  rows: number;
  csvBytes: number;
  refusedRows: number;
  scan: { ms: number; maxRssMb: number; records: number };
  csv: {
    ms: number;
    baselineMs: number;
    ratio: number;
    maxRssMb: number;
    baselineMaxRssMb: number;
    rssRatio: number;
    rowsPerSecond: number;
  };
  check: {
    ms: number;
    baselineMs: number;
    ratio: number;
    maxRssMb: number;
    baselineMaxRssMb: number;
    rssRatio: number;
    rowsPerSecond: number;
  };
}

async function main(): Promise<void> {
  const childMode = argument('--child') as Mode | undefined;
  if (childMode) return child(childMode, argument('--uri')!, argument('--db')!);

  const quick = process.argv.includes('--quick');
  const keep = process.argv.includes('--keep');
  const sizes = (argument('--sizes') ?? (quick ? '100000' : '100000,1000000')).split(',').map(Number);
  const reuseDir = argument('--reuse');
  const rounds = Number(argument('--rounds') ?? (quick ? 1 : 3));

  const dataDir = reuseDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pangolin-bench-report-'));
  let uri = process.env.MONGODB_URI;
  let stopDatabase: () => Promise<unknown> = () => Promise.resolve();
  if (!uri) {
    const ferretdb = await startFerretDb({ port: await freePort(), dataDir: path.join(dataDir, 'ferretdb') });
    uri = ferretdb.uri;
    stopDatabase = () => ferretdb.process.stop(10_000);
  }
  const ring = await loadPartyKeys({
    party: PARTY,
    keysDir: path.join(dataDir, 'keys'),
    environment: {},
    production: false,
  });

  const figures: Record<string, SizeFigures> = {};
  try {
    for (const size of sizes) {
      const database = `pangolin-bench-report-${size}`;
      const store = await connectStore({ uri, database });
      const existing = await store.db!.collection('permits').estimatedDocumentCount();
      const reused = reuseDir !== undefined && existing === size;
      process.stderr.write(`${size} records: ${reused ? 'reusing the stored ones' : 'generating'}\n`);
      const generateMs = reused ? 0 : await generate(store, size, ring);
      await store.close();

      const results = new Map<Mode, ChildResult[]>(MODES.map((mode) => [mode, []]));
      for (let round = 0; round < rounds; round++) {
        for (const mode of MODES) {
          const result = await runChild(mode, uri, database);
          results.get(mode)!.push(result);
          process.stderr.write(
            `  ${mode}: ${(result.ms / 1000).toFixed(2)} s, ${result.maxRssMb.toFixed(0)} MB, ${result.count}\n`,
          );
        }
      }
      const med = (mode: Mode, key: 'ms' | 'maxRssMb') => median(results.get(mode)!.map((r) => r[key]));
      const scanMs = med('scan', 'ms');
      const scanRss = med('scan', 'maxRssMb');
      const csvRun = results.get('csv')![0]!;
      const checkRun = results.get('check')![0]!;
      const against = (mode: 'csv' | 'check') => ({
        ms: round(med(mode, 'ms'), 0),
        baselineMs: round(scanMs, 0),
        ratio: round(med(mode, 'ms') / scanMs, 3),
        maxRssMb: round(med(mode, 'maxRssMb'), 1),
        baselineMaxRssMb: round(scanRss, 1),
        rssRatio: round(med(mode, 'maxRssMb') / scanRss, 3),
        rowsPerSecond: round((csvRun.count * 1000) / med(mode, 'ms'), 0),
      });
      figures[String(size)] = {
        records: size,
        generate: {
          ms: round(generateMs, 0),
          perSecond: generateMs ? round((size * 1000) / generateMs, 0) : 0,
          reused,
        },
        rows: csvRun.count,
        csvBytes: csvRun.bytes,
        refusedRows: checkRun.refusedRows ?? 0,
        scan: { ms: round(scanMs, 0), maxRssMb: round(scanRss, 1), records: results.get('scan')![0]!.count },
        csv: against('csv'),
        check: against('check'),
      };
    }
  } finally {
    await stopDatabase();
    if (!keep && !reuseDir) fs.rmSync(dataDir, { recursive: true, force: true });
    else process.stderr.write(`data kept in ${dataDir} (--reuse ${dataDir})\n`);
  }

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `node ${process.version}, ${os.cpus().length} × ${cpu}; ${rounds} round(s), medians; report: ${REPORT_YEAR}, exporter layout, actual trade`,
  );
  console.log(
    `${'records'.padStart(10)} ${'row'.padEnd(26)} ${'seconds'.padStart(9)} ${'× scan'.padStart(8)} ${'max RSS MB'.padStart(11)} ${'× scan'.padStart(8)} ${'rows/s'.padStart(9)}`,
  );
  for (const f of Object.values(figures)) {
    const line = (
      label: string,
      ms: number,
      ratio: string,
      rss: number,
      rssRatio: string,
      perSecond: string,
    ) =>
      console.log(
        `${String(f.records).padStart(10)} ${label.padEnd(26)} ${(ms / 1000).toFixed(2).padStart(9)} ${ratio.padStart(8)} ${rss.toFixed(1).padStart(11)} ${rssRatio.padStart(8)} ${perSecond.padStart(9)}`,
      );
    line('cursor scan (baseline)', f.scan.ms, '1.000', f.scan.maxRssMb, '1.000', '');
    line(
      `report CSV (${f.rows} rows)`,
      f.csv.ms,
      f.csv.ratio.toFixed(3),
      f.csv.maxRssMb,
      f.csv.rssRatio.toFixed(3),
      String(f.csv.rowsPerSecond),
    );
    line(
      `check (${f.refusedRows} refused)`,
      f.check.ms,
      f.check.ratio.toFixed(3),
      f.check.maxRssMb,
      f.check.rssRatio.toFixed(3),
      String(f.check.rowsPerSecond),
    );
    if (!f.generate.reused)
      console.log(
        `${String(f.records).padStart(10)} generated and inserted in ${(f.generate.ms / 1000).toFixed(0)} s (${f.generate.perSecond} records/s)`,
      );
  }
  let version = 'unknown';
  try {
    version = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  const headline = figures[String(sizes[sizes.length - 1])]!;
  console.log(
    JSON.stringify({
      annualReport: {
        // The headline: the report of the largest size against the cursor scan of the same records.
        ms: headline.csv.ms,
        baselineMs: headline.csv.baselineMs,
        ratio: headline.csv.ratio,
        maxRssMb: headline.csv.maxRssMb,
        baselineMaxRssMb: headline.csv.baselineMaxRssMb,
        rssRatio: headline.csv.rssRatio,
        quick,
        rounds,
        commit: version,
        sizes: figures,
      },
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  // A measurement that failed may hold a connection open: it must not keep its parent waiting.
  process.exit(1);
});
