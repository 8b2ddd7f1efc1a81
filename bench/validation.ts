/**
 * Submission validation benchmark: what POST /api/applications computes per submission of the
 * default export form — `validateFormData` (RJSF's ajv validator with Pangolin's formats, the
 * checklist lookup and the applicant's language) followed by the national procedure's rules
 * (`requirementsOfApplication` + `evaluateProcedure`) — as submissions per second on one core,
 * next to a baseline measured in the same run: plain ajv with the same formats, compiled once and
 * run on the same data.
 *
 * Run from the repository root: `npm run bench:validation -- [--quick]`
 *
 * Every row runs in fixed-duration rounds (5 × 1 s, `--quick` 3 × 0.3 s) after a warm-up, the rows
 * taking turns within each round, and reports the median round. It prints a human-readable table
 * and, as its last line, one JSON object `{"validation": {...}}`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

import { DEFAULT_FORMS } from '../forms/defaults';
import { DEFAULT_PROCEDURES } from '../forms/defaults/procedures';
import { createFormFormats } from '../forms/formats';
import { evaluateProcedure, requirementsOfApplication } from '../forms/procedures';
import { ANNOTATION_KEYWORDS, createFormValidator, validateFormData } from '../forms/schema-kit';
import { projectRoot } from '../server/project';

type Data = Record<string, unknown>;

interface Row {
  key: string;
  label: string;
  run: () => unknown;
}

interface Figures {
  perSecond: number;
  baselinePerSecond: number;
  ratio: number;
  meanUs: number;
  rounds: number[];
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

/** Calls `run` for `durationMs` (checking the clock every few calls) and answers calls per second. */
function rate(run: () => unknown, durationMs: number): number {
  let calls = 0;
  let batch = 1;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < durationMs) {
    for (let i = 0; i < batch; i++) run();
    calls += batch;
    elapsed = performance.now() - start;
    // Clock reads stay a negligible part of fast rows without overshooting slow ones.
    if (elapsed < durationMs / 100) batch *= 2;
  }
  return (calls * 1000) / elapsed;
}

function usesFormat(schema: unknown, format: string): boolean {
  return JSON.stringify(schema).includes(`"format":"${format}"`);
}

function main(): void {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const rounds = quick ? 3 : 5;
  const roundMs = quick ? 300 : 1000;
  const warmUpMs = quick ? 200 : 500;

  const form = DEFAULT_FORMS.find((candidate) => candidate.id === 'export-permit');
  if (!form) throw new Error('the default forms have no export-permit');
  const schema = form.content.schema as Data;
  const procedure = DEFAULT_PROCEDURES[0]!;
  const exampleFile = path.join(projectRoot, 'examples', 'applications', 'export-appendix-ii-wild.json');
  const data = (JSON.parse(fs.readFileSync(exampleFile, 'utf8')) as { data: Data }).data;

  // The server asks the species name index; a Set of the accepted names stands in for it.
  const knownNames = new Set(['Python regius', 'Loxodonta africana', 'Panthera leo', 'Psittacus erithacus']);
  const speciesNameKnown = (name: string) => knownNames.has(name);
  const options = { language: 'en' as const, speciesNameKnown };

  // Baseline: ajv alone, same formats and annotation keywords, compiled once.
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addVocabulary([...ANNOTATION_KEYWORDS]);
  if (usesFormat(schema, 'date') || usesFormat(schema, 'date-time')) addFormats(ajv);
  for (const [name, format] of Object.entries(createFormFormats(speciesNameKnown))) {
    ajv.addFormat(name, format.check);
  }
  const ajvValidate = ajv.compile(schema);

  const rules = () =>
    evaluateProcedure(procedure.definition, data, requirementsOfApplication('export', 'KE', data));
  const submission = () => {
    const problems = validateFormData(schema, data, options);
    return problems.length === 0 ? rules() : problems;
  };
  // What validateFormData does without a cached validator: a new RJSF validator (new ajv, formats,
  // compile) for every submission.
  const freshValidatorSubmission = () => {
    const { errors } = createFormValidator(options).validateFormData(data, schema);
    return errors.length === 0 ? rules() : errors;
  };
  // The server reads the form version from the database per request: a new schema object each time.
  const freshSchemaSubmission = () => {
    const problems = validateFormData(structuredClone(schema), data, options);
    return problems.length === 0 ? rules() : problems;
  };

  // Every row must do the real work: the example is valid and the procedure gives an outcome.
  if (!ajvValidate(data)) throw new Error(`ajv refuses the example: ${JSON.stringify(ajvValidate.errors)}`);
  const problems = validateFormData(schema, data, options);
  if (problems.length > 0)
    throw new Error(`validateFormData refuses the example: ${JSON.stringify(problems)}`);
  if (createFormValidator(options).validateFormData(data, schema).errors.length > 0) {
    throw new Error('a fresh RJSF validator refuses the example');
  }
  const outcome = rules();
  if (outcome.steps.length === 0) throw new Error('the procedure gave no steps');

  const baseline: Row = {
    key: 'ajvAlone',
    label: 'ajv alone, compiled once (baseline)',
    run: () => ajvValidate(data),
  };
  const rows: Row[] = [
    baseline,
    {
      key: 'validateFormData',
      label: 'validateFormData only',
      run: () => validateFormData(schema, data, options),
    },
    { key: 'rules', label: 'procedure rules only', run: rules },
    { key: 'submission', label: 'submission: validateFormData + rules', run: submission },
    {
      key: 'freshValidator',
      label: 'submission, new RJSF validator per call',
      run: freshValidatorSubmission,
    },
    {
      key: 'freshSchemaObject',
      label: 'submission, new schema object per call',
      run: freshSchemaSubmission,
    },
  ];

  for (const row of rows) rate(row.run, warmUpMs);
  // Every row's round sits between two short baseline slices, and its ratio is taken against their
  // mean: on a busy machine the load changes from second to second, and a ratio of neighbours
  // follows it where a ratio of separate medians would not.
  const measured = new Map<string, { rates: number[]; baselines: number[]; ratios: number[] }>(
    rows.map((row) => [row.key, { rates: [], baselines: [], ratios: [] }]),
  );
  for (let r = 0; r < rounds; r++) {
    for (const row of rows) {
      if (row === baseline) continue;
      const before = rate(baseline.run, roundMs / 4);
      const perSecond = rate(row.run, roundMs);
      const after = rate(baseline.run, roundMs / 4);
      const paired = (before + after) / 2;
      const sample = measured.get(row.key)!;
      sample.rates.push(perSecond);
      sample.baselines.push(paired);
      sample.ratios.push(perSecond / paired);
      measured.get(baseline.key)!.rates.push(before, after);
    }
  }
  const own = measured.get(baseline.key)!;
  own.baselines = own.rates;
  own.ratios = own.rates.map(() => 1);

  const figures: Record<string, Figures> = {};
  for (const row of rows) {
    const { rates, baselines, ratios } = measured.get(row.key)!;
    const perSecond = median(rates);
    figures[row.key] = {
      perSecond: round(perSecond, 0),
      baselinePerSecond: round(median(baselines), 0),
      ratio: round(median(ratios), 6),
      meanUs: round(1e6 / perSecond, 2),
      rounds: rates.map((value) => round(value, 0)),
    };
  }

  console.log(`schema: default export-permit; data: ${path.relative(projectRoot, exampleFile)}`);
  console.log(
    `node ${process.version}, one thread; ${rounds} rounds of ${roundMs} ms per row after ${warmUpMs} ms warm-up, ` +
      `each between two ${roundMs / 4} ms baseline slices; medians, ratio = median of the paired ratios`,
  );
  console.log(
    `${'row'.padEnd(42)} ${'per second'.padStart(12)} ${'µs each'.padStart(10)} ${'baseline/s'.padStart(12)} ${'× baseline'.padStart(12)}`,
  );
  for (const row of rows) {
    const f = figures[row.key]!;
    console.log(
      `${row.label.padEnd(42)} ${String(f.perSecond).padStart(12)} ${f.meanUs.toFixed(2).padStart(10)} ` +
        `${String(f.baselinePerSecond).padStart(12)} ${(f.ratio < 0.001 ? f.ratio.toExponential(2) : f.ratio.toFixed(4)).padStart(12)}`,
    );
  }
  const headline = figures.submission!;
  console.log(
    `submission / ajv alone = ${headline.ratio.toFixed(4)} (aim ≥ 0.5); ` +
      `new validator per call / cached = ${(figures.freshValidator!.perSecond / headline.perSecond).toFixed(4)}`,
  );
  console.log(
    JSON.stringify({
      validation: {
        // The headline: submissions per second next to ajv alone, as in every benchmark's JSON.
        perSecond: headline.perSecond,
        baselinePerSecond: headline.baselinePerSecond,
        ratio: headline.ratio,
        quick,
        roundMs,
        rounds,
        ...figures,
      },
    }),
  );
}

try {
  main();
} catch (error: unknown) {
  console.error(error);
  process.exitCode = 1;
}
