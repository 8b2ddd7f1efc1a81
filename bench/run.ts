/**
 * `npm run bench -- [--quick] [--only verify,submission] [--cpu-prof DIR]`: the whole-system
 * benchmark (`--cpu-prof` writes the API process's V8 CPU profile into DIR when it stops). One
 * Pangolin stack (the built worker and API as child processes, Temporal and FerretDB of their
 * own) serves every section in turn; each section measures next to a baseline taken in the same
 * run. Prints the machine, one table of every section's rows and, as its last line, one JSON
 * object `{"<section>": {perSecond, baselinePerSecond, ratio, ...}, ...}`. A section that fails,
 * or whose load met non-2xx answers or errors, is reported loudly and makes the exit code 1.
 */
import { annualReportSection } from './sections/annual-report';
import { lifecycleSection } from './sections/lifecycle';
import { submissionSection } from './sections/submission';
import { verifySection } from './sections/verify';
import { startBenchStack, type BenchStack } from './support/bench-stack';
import { machineFacts } from './support/machine';
import type { BenchSection, SectionResult, TableRow } from './support/section';
import { formatNumber, formatTable, type Column } from './support/table';

/** Run in this order, against one stack. */
const SECTIONS: BenchSection[] = [
  // First: it wants a worker with no backlog.
  lifecycleSection,
  verifySection,
  submissionSection,
  annualReportSection,
];

const columns: Column<TableRow & { section: string }>[] = [
  { title: 'section', align: 'left', cell: (row) => row.section },
  { title: 'row', align: 'left', cell: (row) => row.row },
  { title: 'value', align: 'right', cell: (row) => row.value },
  { title: 'baseline', align: 'right', cell: (row) => row.baseline ?? '' },
  { title: '× baseline', align: 'right', cell: (row) => formatNumber(row.ratio, 3) },
  { title: 'note', align: 'left', cell: (row) => row.note ?? '' },
];

const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);

interface Arguments {
  quick: boolean;
  only: Set<string> | undefined;
  cpuProfileDir: string | undefined;
}

function parseArguments(args: string[]): Arguments {
  const quick = args.includes('--quick');
  const profileAt = args.indexOf('--cpu-prof');
  const cpuProfileDir = profileAt >= 0 ? args[profileAt + 1] : undefined;
  if (profileAt >= 0 && !cpuProfileDir) throw new Error('--cpu-prof needs a directory');
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? new Set((args[onlyAt + 1] ?? '').split(',').filter(Boolean)) : undefined;
  for (const name of only ?? []) {
    if (!SECTIONS.some((section) => section.name === name))
      throw new Error(`--only names an unknown section: ${name} (${SECTIONS.map((s) => s.name).join(', ')})`);
  }
  return { quick, only, cpuProfileDir };
}

async function main(): Promise<void> {
  const { quick, only, cpuProfileDir } = parseArguments(process.argv.slice(2));
  const sections = SECTIONS.filter((section) => !only || only.has(section.name));
  const started = Date.now();
  const header = `machine: ${machineFacts()}`;
  progress(header);

  let stack: BenchStack | undefined;
  const stop = (signal: NodeJS.Signals) => {
    progress(`${signal}: stopping the stack`);
    void (stack?.close() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const results = new Map<string, SectionResult>();
  const problems: string[] = [];
  try {
    stack = await startBenchStack({
      log: progress,
      ...(cpuProfileDir ? { apiNodeArgs: ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] } : {}),
    });
    progress(`stack ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const section of sections) {
      const sectionStart = Date.now();
      progress(`${section.name}: starting`);
      try {
        const result = await section.run(stack, {
          quick,
          log: (line) => progress(`${section.name}: ${line}`),
        });
        results.set(section.name, result);
        problems.push(...(result.problems ?? []).map((problem) => `${section.name}: ${problem}`));
      } catch (error) {
        problems.push(`${section.name} failed: ${error instanceof Error ? error.stack : String(error)}`);
      }
      progress(`${section.name}: done in ${((Date.now() - sectionStart) / 1000).toFixed(1)} s`);
    }
  } finally {
    await stack?.close();
  }

  const rows = [...results].flatMap(([section, result]) => result.rows.map((row) => ({ section, ...row })));
  console.log(header);
  console.log(
    `${quick ? '--quick' : 'full'} run, ${((Date.now() - started) / 1000).toFixed(0)} s after start (build not included)`,
  );
  console.log(formatTable(columns, rows));
  for (const problem of problems) console.log(`!! ${problem}`);
  if (problems.length > 0) {
    console.log('!! THE FIGURES ABOVE ARE NOT TO BE TRUSTED: see the lines marked !!');
    process.exitCode = 1;
  }
  console.log(
    JSON.stringify(Object.fromEntries([...results].map(([name, result]) => [name, result.figures]))),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
