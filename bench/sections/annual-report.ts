import { spawn } from 'node:child_process';
import path from 'node:path';
import type { BenchSection, TableRow } from '../support/section';

interface Against {
  ms: number;
  baselineMs: number;
  ratio: number;
  maxRssMb: number;
  baselineMaxRssMb: number;
  rssRatio: number;
}

interface SizeFigures {
  records: number;
  rows: number;
  refusedRows: number;
  csv: Against;
  check: Against;
}

/**
 * The annual trade report over generated signed permits, next to a plain cursor scan of the same
 * records: `bench/annual-report.ts` (`npm run bench:report`, where the method is described), run
 * as a child process against the stack's database server. The full run covers 100,000 and
 * 1,000,000 records (most of an hour on two cores); `--quick` 10,000.
 */
export const annualReportSection: BenchSection = {
  name: 'report',
  async run(stack, options) {
    const sizes = options.quick ? '10000' : '100000,1000000';
    options.log(`${sizes} generated permit records: the report, its check and a cursor scan of each`);
    const output = await runToEnd(
      [path.join(__dirname, '..', 'annual-report.js'), '--sizes', sizes, '--rounds', '1'],
      { ...process.env, MONGODB_URI: stack.mongoUri },
      options.log,
    );
    const last = output.trim().split('\n').pop() ?? '';
    const { annualReport } = JSON.parse(last) as { annualReport: { sizes: Record<string, SizeFigures> } };
    const rows: TableRow[] = [];
    const figures: Record<string, Record<string, number>> = {};
    for (const size of Object.values(annualReport.sizes)) {
      const records = size.records.toLocaleString('en');
      for (const [label, against] of [
        [`CSV of ${records} records (${size.rows} rows), time`, size.csv],
        [`check of ${records} records (${size.refusedRows} refused), time`, size.check],
      ] as const) {
        rows.push({
          row: label,
          value: `${(against.ms / 1000).toFixed(2)} s`,
          baseline: `${(against.baselineMs / 1000).toFixed(2)} s`,
          ratio: against.ratio,
          note: 'baseline: cursor scan of the same records',
        });
      }
      rows.push({
        row: `CSV of ${records} records, peak memory`,
        value: `${size.csv.maxRssMb} MB`,
        baseline: `${size.csv.baselineMaxRssMb} MB`,
        ratio: size.csv.rssRatio,
        note: 'max RSS of the report process and of the scan process',
      });
      figures[String(size.records)] = {
        ms: size.csv.ms,
        baselineMs: size.csv.baselineMs,
        ratio: size.csv.ratio,
        maxRssMb: size.csv.maxRssMb,
        baselineMaxRssMb: size.csv.baselineMaxRssMb,
        rssRatio: size.csv.rssRatio,
        checkMs: size.check.ms,
        checkRatio: size.check.ratio,
      };
    }
    return { rows, figures };
  },
};

/** Runs the benchmark script to its end; its stderr is progress, its stdout the result. */
function runToEnd(args: string[], env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) =>
      chunk
        .toString('utf8')
        .split('\n')
        .filter((line) => line.trim())
        .forEach(log),
    );
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve(stdout)
        : reject(
            new Error(
              `the annual report benchmark ended with ${signal ?? `code ${code}`}:\n${stdout.slice(-2000)}`,
            ),
          ),
    );
  });
}
