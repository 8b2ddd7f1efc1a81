/**
 * Species name search benchmark: per-query time of the name index over the full Index of CITES Species,
 * next to a baseline measured in the same run (a plain Map lookup of the exact normalised name).
 *
 * Run from the repository root: `npm run bench:species -- [--quick] [path/to/Index_of_CITES_Species.csv(.gz)]`
 *
 * Without a path it reads the shared data's `cites-species-index-2017/` (see scripts/shared-data.ts).
 * It prints a human-readable table and, as its last line, one JSON object `{"speciesSearch": {...}}`.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { buildSpeciesNameIndex, type SpeciesNameIndex } from '../domain/species/search';
import type { Taxon } from '../domain/species/taxon';
import { normalizeName } from '../domain/species/text';
import { readChecklist } from '../server/checklist/read-checklist';
import { sharedDataDir } from '../scripts/shared-data';

interface Figures {
  meanUs: number;
  p99Us: number;
  baselineMeanUs: number;
  baselineP99Us: number;
  ratio: number;
  queries: number;
  expectedInTop20: number;
}

/** Deterministic pseudo-random numbers so every run asks the same queries. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

function withTypo(name: string, next: () => number): string {
  const at = 1 + Math.floor(next() * (name.length - 3));
  const kind = Math.floor(next() * 3);
  if (kind === 0) return name.slice(0, at) + name[at + 1] + name[at] + name.slice(at + 2);
  if (kind === 1) return name.slice(0, at) + name.slice(at + 1);
  const replacement = name[at] === 'e' ? 'a' : 'e';
  return name.slice(0, at) + replacement + name.slice(at + 1);
}

interface Query {
  text: string;
  expectedId: string;
}

function querySets(taxa: readonly Taxon[]): Record<'exact' | 'prefix' | 'typo' | 'shortPrefix', Query[]> {
  const next = random(20240521);
  const pick = (count: number): { taxon: Taxon; name: string }[] => {
    const picked: { taxon: Taxon; name: string }[] = [];
    while (picked.length < count) {
      const taxon = taxa[Math.floor(next() * taxa.length)]!;
      const names = [
        taxon.scientificName,
        ...taxon.commonNames.en,
        ...taxon.commonNames.fr,
        ...taxon.commonNames.es,
        ...taxon.synonyms.map((s) => s.name),
      ];
      const name = names[Math.floor(next() * names.length)]!;
      if (name.length >= 6) picked.push({ taxon, name });
    }
    return picked;
  };
  return {
    exact: pick(300).map(({ taxon, name }) => ({ text: name, expectedId: taxon.id })),
    prefix: pick(300).map(({ taxon, name }) => ({
      text: name.slice(0, Math.max(3, Math.ceil(name.length / 2))),
      expectedId: taxon.id,
    })),
    typo: pick(300).map(({ taxon, name }) => ({ text: withTypo(name, next), expectedId: taxon.id })),
    shortPrefix: pick(100).map(({ taxon, name }) => ({
      text: name.slice(0, 1 + Math.floor(next() * 2)),
      expectedId: taxon.id,
    })),
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

function time(
  queries: readonly Query[],
  rounds: number,
  run: (q: Query) => unknown,
): { mean: number; p99: number } {
  for (const q of queries) run(q);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const q of queries) {
      const start = performance.now();
      run(q);
      samples.push((performance.now() - start) * 1000);
    }
  }
  samples.sort((a, b) => a - b);
  return { mean: samples.reduce((a, b) => a + b, 0) / samples.length, p99: percentile(samples, 0.99) };
}

function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const file =
    args.find((a) => !a.startsWith('--')) ??
    path.join(sharedDataDir(), 'cites-species-index-2017', 'Index_of_CITES_Species_2017-04-21_17-27.csv.gz');

  const loadStart = performance.now();
  const taxa: Taxon[] = [];
  let rejected = 0;
  for await (const item of readChecklist(file)) {
    if ('taxon' in item) taxa.push(item.taxon);
    else rejected += 1;
  }
  const loadMs = performance.now() - loadStart;

  const buildStart = performance.now();
  const index: SpeciesNameIndex = buildSpeciesNameIndex(taxa);
  const buildMs = performance.now() - buildStart;

  const baseline = new Map<string, number[]>();
  taxa.forEach((taxon, i) => {
    const names = [
      taxon.scientificName,
      ...Object.values(taxon.commonNames).flat(),
      ...taxon.synonyms.map((s) => s.name),
    ];
    for (const name of names) {
      const key = normalizeName(name);
      const list = baseline.get(key);
      if (list === undefined) baseline.set(key, [i]);
      else if (!list.includes(i)) list.push(i);
    }
  });

  const rounds = quick ? 3 : 10;
  const sets = querySets(taxa);
  const baselineTime = time(sets.exact, rounds, (q) => baseline.get(normalizeName(q.text)));
  const figures: Record<string, Figures> = {};
  for (const [name, queries] of Object.entries(sets)) {
    const measured = time(queries, rounds, (q) => index.search(q.text));
    const found = queries.filter((q) =>
      index.search(q.text, { limit: 20 }).some((h) => h.id === q.expectedId),
    ).length;
    figures[name] = {
      meanUs: round(measured.mean),
      p99Us: round(measured.p99),
      baselineMeanUs: round(baselineTime.mean, 3),
      baselineP99Us: round(baselineTime.p99, 3),
      ratio: round(measured.mean / baselineTime.mean, 1),
      queries: queries.length,
      expectedInTop20: round(found / queries.length, 3),
    };
  }

  console.log(`file: ${file}`);
  console.log(`taxa: ${taxa.length} (rejected rows ${rejected}), names indexed: ${index.nameCount}`);
  console.log(`import: ${round(loadMs, 0)} ms, index build: ${round(buildMs, 0)} ms, rounds: ${rounds}`);
  console.log(
    `baseline (Map lookup of the exact normalised name): mean ${round(baselineTime.mean, 3)} µs, p99 ${round(baselineTime.p99, 3)} µs`,
  );
  for (const [name, f] of Object.entries(figures)) {
    console.log(
      `${name.padEnd(12)} mean ${String(f.meanUs).padStart(8)} µs  p99 ${String(f.p99Us).padStart(8)} µs  ` +
        `x${f.ratio} baseline  expected taxon in top 20: ${(f.expectedInTop20 * 100).toFixed(1)}%`,
    );
  }
  console.log(
    JSON.stringify({
      speciesSearch: {
        taxa: taxa.length,
        names: index.nameCount,
        importMs: round(loadMs, 0),
        buildMs: round(buildMs, 0),
        ...figures,
      },
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
