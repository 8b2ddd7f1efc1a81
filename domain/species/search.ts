/**
 * In-memory name search over the CITES checklist: scientific names, synonyms and common names in
 * English, French and Spanish, forgiving case, accents and small typos.
 *
 * Everything a query needs is computed when the index is built: the normalised key of every name, the
 * distinct keys sorted for prefix search, the single words of multi-word names (so "elephant" finds
 * "African Elephant"), and a trigram index over the keys. A typo search only computes edit distances
 * for keys that hold enough of the query's trigrams (by the q-gram lemma a key within k edits must),
 * found through the posting lists of the query's trigrams, so it never scans the whole checklist.
 */
import type { Appendix, Kingdom, Language } from '../codes/types';
import { normalizeName } from './text';
import { listingNotation, type Taxon, type TaxonRank } from './taxon';

/** Which kind of name matched. */
export type NameKind = 'accepted' | 'synonym' | 'common';

/**
 * How the query matched: the whole name (`exact`), the start of the name (`prefix`), a whole word or
 * the start of a word inside a longer name (`word`), or within a small edit distance (`fuzzy`).
 */
export type MatchType = 'exact' | 'prefix' | 'word' | 'fuzzy';

/** One taxon found by a search, with the name that matched it. */
export interface SpeciesSearchHit {
  readonly id: string;
  readonly speciesPlusId?: number;
  readonly scientificName: string;
  readonly author?: string;
  readonly rank: TaxonRank;
  readonly kingdom: Kingdom;
  readonly family?: string;
  /** The current listing in the checklist's notation: `I`, `II`, `III`, `I/II`, `II/NC`, `NC`, ... */
  readonly appendix: string;
  readonly appendices: readonly Appendix[];
  readonly matchedName: string;
  readonly nameKind: NameKind;
  /** The language of a matched common name. */
  readonly language?: Language;
  readonly matchType: MatchType;
  /** Edit distance between the query and the matched name (or word); 0 unless `fuzzy`. */
  readonly distance: number;
}

/** Options of {@link SpeciesNameIndex.search}. */
export interface SpeciesSearchOptions {
  /** Most hits to return; default 20, at most 200. */
  readonly limit?: number;
  /** Only taxa of this kingdom. */
  readonly kingdom?: Kingdom;
  /** Whether to tolerate typos; default true. */
  readonly fuzzy?: boolean;
}

/** A name index over a fixed set of taxa. */
export interface SpeciesNameIndex {
  readonly taxonCount: number;
  /** Distinct (taxon, name) pairs indexed. */
  readonly nameCount: number;
  /**
   * Finds taxa by name. Ranking: exact name, then name prefix, then a word of the name, then typos
   * (nearest first); within each, accepted scientific names before common names before synonyms, then
   * shorter names first. Each taxon appears once, with its best-ranked match. Typos are only looked
   * for when no name equals the query and the better matches leave room under the limit.
   */
  search(query: string, options?: SpeciesSearchOptions): SpeciesSearchHit[];
  /** The indexed taxon with this id. */
  taxon(id: string): Taxon | undefined;
}

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 200;
/** Prefix search on single words starts at this query length; shorter prefixes match too much to help. */
const MIN_WORD_PREFIX = 3;
/** Words shorter than this are not indexed on their own ("de", "of"). */
const MIN_WORD_LENGTH = 3;
const KIND_CODES: readonly NameKind[] = ['accepted', 'common', 'synonym'];
const LANGUAGE_CODES: readonly (Language | undefined)[] = [undefined, 'en', 'fr', 'es'];
const PAD = '\u0001';

/**
 * The typo budget for a normalised query of this length: none below 4 characters (too many short
 * names are one edit apart), 1 up to 7, 2 from 8.
 */
export function fuzzyBudget(queryLength: number): number {
  if (queryLength < 4) return 0;
  return queryLength < 8 ? 1 : 2;
}

/**
 * Optimal-string-alignment (restricted Damerau–Levenshtein) distance: insertions, deletions,
 * substitutions and transpositions of adjacent characters each cost 1.
 *
 * @param a first string
 * @param b second string
 * @param max stop early once the distance must exceed this (default: no bound)
 * @returns the distance, or `max + 1` when it is larger than `max`
 */
export function editDistance(a: string, b: string, max = Number.MAX_SAFE_INTEGER): number {
  return boundedDistance(a, b, max, new DistanceRows());
}

class DistanceRows {
  twoBack = new Int32Array(64);
  previous = new Int32Array(64);
  current = new Int32Array(64);

  ensure(length: number): void {
    if (this.current.length > length) return;
    const size = length * 2;
    this.twoBack = new Int32Array(size);
    this.previous = new Int32Array(size);
    this.current = new Int32Array(size);
  }
}

function boundedDistance(a: string, b: string, max: number, rows: DistanceRows): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0 || m === 0) return Math.max(n, m);
  rows.ensure(m + 1);
  let twoBack = rows.twoBack;
  let previous = rows.previous;
  let current = rows.current;
  for (let j = 0; j <= m; j++) previous[j] = j;
  for (let i = 1; i <= n; i++) {
    const ai = a.charCodeAt(i - 1);
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && aPrev === bj) {
        value = Math.min(value, twoBack[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    const recycled = twoBack;
    twoBack = previous;
    previous = current;
    current = recycled;
  }
  const distance = previous[m]!;
  return distance > max ? max + 1 : distance;
}

/** Per-query working memory, allocated once per index and reused by every search. */
class Scratch {
  readonly rows = new DistanceRows();
  private counts = new Uint16Array(0);
  private stamp = new Int32Array(0);
  private touched = new Int32Array(0);
  private mark = 0;

  forTable(size: number): { counts: Uint16Array; stamp: Int32Array; touched: Int32Array } {
    if (this.stamp.length < size) {
      this.counts = new Uint16Array(size);
      this.stamp = new Int32Array(size);
      this.touched = new Int32Array(size);
      this.mark = 0;
    }
    return { counts: this.counts, stamp: this.stamp, touched: this.touched };
  }

  nextMark(): number {
    if (this.mark === 0x7fffffff) {
      this.stamp.fill(0);
      this.mark = 0;
    }
    this.mark += 1;
    return this.mark;
  }
}

/** Distinct keys, sorted, each with the name entries it stands for, plus a trigram index over them. */
class TermTable {
  readonly terms: string[];
  private readonly ids = new Map<string, number>();
  readonly entryOffsets: Int32Array;
  readonly entryIds: Int32Array;
  private readonly gramIds = new Map<string, number>();
  private gramOffsets = new Int32Array(0);
  private gramTerms = new Int32Array(0);
  private readonly termsByLength: number[][] = [];

  constructor(termEntries: Map<string, number[]>) {
    this.terms = [...termEntries.keys()].sort();
    let total = 0;
    for (const list of termEntries.values()) total += list.length;
    this.entryOffsets = new Int32Array(this.terms.length + 1);
    this.entryIds = new Int32Array(total);
    let at = 0;
    this.terms.forEach((term, id) => {
      this.ids.set(term, id);
      this.entryOffsets[id] = at;
      for (const entry of termEntries.get(term) ?? []) this.entryIds[at++] = entry;
      (this.termsByLength[term.length] ??= []).push(id);
    });
    this.entryOffsets[this.terms.length] = at;
    this.buildGrams();
  }

  private buildGrams(): void {
    const perTerm: number[][] = [];
    const counts: number[] = [];
    this.terms.forEach((term) => {
      const grams: number[] = [];
      for (const gram of distinctGrams(term)) {
        let id = this.gramIds.get(gram);
        if (id === undefined) {
          id = this.gramIds.size;
          this.gramIds.set(gram, id);
          counts.push(0);
        }
        counts[id] = (counts[id] ?? 0) + 1;
        grams.push(id);
      }
      perTerm.push(grams);
    });
    this.gramOffsets = new Int32Array(counts.length + 1);
    for (let g = 0; g < counts.length; g++) this.gramOffsets[g + 1] = this.gramOffsets[g]! + counts[g]!;
    this.gramTerms = new Int32Array(this.gramOffsets[counts.length]!);
    const fill = this.gramOffsets.slice(0, counts.length);
    perTerm.forEach((grams, termId) => {
      for (const g of grams) this.gramTerms[fill[g]!++] = termId;
    });
  }

  idOf(term: string): number | undefined {
    return this.ids.get(term);
  }

  /** The range `[start, end)` of term ids whose terms start with `prefix` (terms are sorted). */
  prefixRange(prefix: string): [number, number] {
    // Keys hold letters, digits and spaces only, so nothing that starts with the prefix sorts after this.
    return [this.lowerBound(prefix), this.lowerBound(prefix + '\uffff')];
  }

  private lowerBound(value: string): number {
    let low = 0;
    let high = this.terms.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.terms[mid]! < value) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /**
   * Ids of the terms within `budget` edits of `query`, with their distances.
   *
   * One edit removes at most four of the query's trigrams (three, or four for a transposition), so a
   * term within the budget contains at least `g - 4 * budget` of the query's `g` distinct trigrams, and
   * at least one of any `4 * budget + 1` of them. Candidates therefore come from the rarest
   * `4 * budget + 1` posting lists; the longer lists only add to the candidates' counts (by binary
   * search while there are few candidates). Only candidates that reach the count and the length
   * difference get an edit-distance computation.
   */
  near(query: string, budget: number, scratch: Scratch): [number, number][] {
    const found: [number, number][] = [];
    const verify = (termId: number): void => {
      const term = this.terms[termId]!;
      if (Math.abs(term.length - query.length) > budget) return;
      const distance = boundedDistance(query, term, budget, scratch.rows);
      if (distance <= budget) found.push([termId, distance]);
    };
    const lists = [...distinctGrams(query)].map((gram) => {
      const id = this.gramIds.get(gram);
      return id === undefined
        ? { start: 0, end: 0 }
        : { start: this.gramOffsets[id]!, end: this.gramOffsets[id + 1]! };
    });
    const needed = lists.length - 4 * budget;
    if (needed < 1) {
      for (let length = Math.max(0, query.length - budget); length <= query.length + budget; length++) {
        for (const termId of this.termsByLength[length] ?? []) verify(termId);
      }
      return found;
    }
    lists.sort((a, b) => a.end - a.start - (b.end - b.start));
    const { counts, stamp, touched } = scratch.forTable(this.terms.length);
    const mark = scratch.nextMark();
    const probe = 4 * budget + 1;
    let active = 0;
    for (let l = 0; l < probe; l++) {
      const { start, end } = lists[l]!;
      for (let i = start; i < end; i++) {
        const termId = this.gramTerms[i]!;
        if (stamp[termId] === mark) {
          counts[termId]! += 1;
        } else {
          stamp[termId] = mark;
          counts[termId] = 1;
          touched[active++] = termId;
        }
      }
    }
    for (let l = probe; l < lists.length && active > 0; l++) {
      const { start, end } = lists[l]!;
      const remaining = lists.length - l;
      if (active * Math.log2(end - start + 2) < end - start) {
        let kept = 0;
        for (let c = 0; c < active; c++) {
          const termId = touched[c]!;
          if (contains(this.gramTerms, start, end, termId)) counts[termId]! += 1;
          if (counts[termId]! + remaining - 1 >= needed) touched[kept++] = termId;
        }
        active = kept;
      } else {
        for (let i = start; i < end; i++) {
          const termId = this.gramTerms[i]!;
          if (stamp[termId] === mark) counts[termId]! += 1;
        }
      }
    }
    for (let c = 0; c < active; c++) {
      const termId = touched[c]!;
      if (counts[termId]! >= needed) verify(termId);
    }
    return found;
  }
}

/** Binary search for `value` in the ascending slice `[start, end)` of `sorted`. */
function contains(sorted: Int32Array, start: number, end: number, value: number): boolean {
  let low = start;
  let high = end;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const at = sorted[mid]!;
    if (at === value) return true;
    if (at < value) low = mid + 1;
    else high = mid;
  }
  return false;
}

function distinctGrams(term: string): Set<string> {
  const padded = PAD + PAD + term + PAD + PAD;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

interface Candidate {
  entry: number;
  matchType: MatchType;
  distance: number;
  /** Lower ranks first: match quality, then the taxon's order; unique per taxon. */
  rankKey: number;
}

const MATCH_RANK: Readonly<Record<MatchType, number>> = { exact: 0, prefix: 1, word: 2, fuzzy: 3 };
const RANK_ORDER: Readonly<Record<TaxonRank, number>> = {
  SPECIES: 0,
  SUBSPECIES: 1,
  VARIETY: 1,
  GENUS: 2,
  SUBFAMILY: 3,
  FAMILY: 3,
  ORDER: 4,
  CLASS: 4,
  PHYLUM: 4,
  KINGDOM: 4,
};

class NameIndex implements SpeciesNameIndex {
  private readonly taxa: Taxon[] = [];
  private readonly byId = new Map<string, number>();
  private readonly entryTaxon: Int32Array;
  private readonly entryKind: Uint8Array;
  private readonly entryLanguage: Uint8Array;
  private readonly entryName: string[];
  private readonly entryKeyLength: Uint16Array;
  private readonly names: TermTable;
  private readonly words: TermTable;
  private readonly scratch = new Scratch();
  /**
   * Each taxon's place among equally scored matches (species before subspecies before genera, then
   * shorter and alphabetical names), folded into one number with the score so ranking compares numbers.
   */
  private readonly taxonOrder: Int32Array;
  private readonly orderSlots: number;

  constructor(input: Iterable<Taxon>) {
    const entryTaxon: number[] = [];
    const entryKind: number[] = [];
    const entryLanguage: number[] = [];
    const entryName: string[] = [];
    const entryKeyLength: number[] = [];
    const nameEntries = new Map<string, number[]>();
    const wordEntries = new Map<string, number[]>();

    for (const taxon of input) {
      const existing = this.byId.get(taxon.id);
      const taxonIndex = existing ?? this.taxa.length;
      if (existing === undefined) {
        this.byId.set(taxon.id, taxonIndex);
        this.taxa.push(taxon);
      } else {
        this.taxa[taxonIndex] = taxon;
      }
      const seenKeys = new Set<string>();
      const add = (name: string, kind: number, language: number): void => {
        const key = normalizeName(name);
        if (key === '' || seenKeys.has(key)) return;
        seenKeys.add(key);
        const entry = entryTaxon.length;
        entryTaxon.push(taxonIndex);
        entryKind.push(kind);
        entryLanguage.push(language);
        entryName.push(name);
        entryKeyLength.push(key.length);
        push(nameEntries, key, entry);
        const parts = key.split(' ');
        if (parts.length > 1) {
          for (const word of new Set(parts))
            if (word.length >= MIN_WORD_LENGTH) push(wordEntries, word, entry);
        }
      };
      add(taxon.scientificName, 0, 0);
      (['en', 'fr', 'es'] as const).forEach((language, i) => {
        for (const name of taxon.commonNames[language]) add(name, 1, i + 1);
      });
      for (const synonym of taxon.synonyms) add(synonym.name, 2, 0);
    }

    this.entryTaxon = Int32Array.from(entryTaxon);
    this.entryKind = Uint8Array.from(entryKind);
    this.entryLanguage = Uint8Array.from(entryLanguage);
    this.entryName = entryName;
    this.entryKeyLength = Uint16Array.from(entryKeyLength, (n) => Math.min(n, 65535));
    this.names = new TermTable(nameEntries);
    this.words = new TermTable(wordEntries);
    const byOrder = this.taxa.map((_, i) => i).sort((a, b) => compareTaxa(this.taxa[a]!, this.taxa[b]!));
    this.taxonOrder = new Int32Array(this.taxa.length);
    byOrder.forEach((taxonIndex, place) => (this.taxonOrder[taxonIndex] = place));
    this.orderSlots = 2 ** Math.max(1, Math.ceil(Math.log2(this.taxa.length + 1)));
  }

  get taxonCount(): number {
    return this.taxa.length;
  }

  get nameCount(): number {
    return this.entryTaxon.length;
  }

  taxon(id: string): Taxon | undefined {
    const index = this.byId.get(id);
    return index === undefined ? undefined : this.taxa[index];
  }

  search(query: string, options: SpeciesSearchOptions = {}): SpeciesSearchHit[] {
    const key = normalizeName(query);
    if (key === '') return [];
    const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(options.limit ?? DEFAULT_LIMIT)));
    const found = new Collector(limit);
    const kingdom = options.kingdom;
    const offerTerm = (
      table: TermTable,
      termId: number,
      matchType: MatchType,
      distance: number,
      byWholeName = false,
      penalty = 0,
    ): void => {
      const termExtra = Math.abs(table.terms[termId]!.length - key.length);
      const end = table.entryOffsets[termId + 1]!;
      for (let i = table.entryOffsets[termId]!; i < end; i++) {
        const entry = table.entryIds[i]!;
        const taxonIndex = this.entryTaxon[entry]!;
        if (kingdom !== undefined && this.taxa[taxonIndex]!.kingdom !== kingdom) continue;
        const extraLength = penalty + (byWholeName ? this.entryKeyLength[entry]! - key.length : termExtra);
        const score =
          ((MATCH_RANK[matchType] * 3 + distance) * 3 + this.entryKind[entry]!) * 1000 +
          Math.min(999, extraLength);
        found.offer(
          taxonIndex,
          entry,
          matchType,
          distance,
          score * this.orderSlots + this.taxonOrder[taxonIndex]!,
        );
      }
    };

    const exactId = this.names.idOf(key);
    if (exactId !== undefined) offerTerm(this.names, exactId, 'exact', 0);
    const [prefixStart, prefixEnd] = this.names.prefixRange(key);
    const prefixFloor = MATCH_RANK.prefix * 9 * 1000 - key.length;
    for (let termId = prefixStart; termId < prefixEnd; termId++) {
      // Skips names too long to beat the current leaders without looking at their entries.
      if (
        termId === exactId ||
        (prefixFloor + this.names.terms[termId]!.length) * this.orderSlots > found.cutoff
      )
        continue;
      offerTerm(this.names, termId, 'prefix', 0);
    }

    if (found.size < limit) {
      // A word match ranks by the length of the whole name it sits in: "Tiger" before "Bengal tiger cat".
      const [wordStart, wordEnd] =
        key.length >= MIN_WORD_PREFIX ? this.words.prefixRange(key) : exactRange(this.words.idOf(key));
      for (let termId = wordStart; termId < wordEnd; termId++) offerTerm(this.words, termId, 'word', 0, true);
    }

    const budget = options.fuzzy === false || exactId !== undefined ? 0 : fuzzyBudget(key.length);
    if (budget > 0 && found.size < limit) {
      for (const [termId, distance] of this.names.near(key, budget, this.scratch)) {
        offerTerm(this.names, termId, 'fuzzy', distance);
      }
      if (!key.includes(' ') && found.size < limit) {
        // Single-word typos also match a word inside a longer name ("elephnt"), after whole-name typos;
        // one edit only, as two edits on a lone word match too many unrelated words.
        for (const [termId, distance] of this.words.near(key, Math.min(budget, 1), this.scratch)) {
          offerTerm(this.words, termId, 'fuzzy', distance, true, 500);
        }
      }
    }

    return found.leaders().map(([taxonIndex, candidate]) => this.hit(taxonIndex, candidate));
  }

  private hit(taxonIndex: number, candidate: Candidate): SpeciesSearchHit {
    const taxon = this.taxa[taxonIndex]!;
    const language = LANGUAGE_CODES[this.entryLanguage[candidate.entry]!];
    const hit: { -readonly [K in keyof SpeciesSearchHit]: SpeciesSearchHit[K] } = {
      id: taxon.id,
      scientificName: taxon.scientificName,
      rank: taxon.rank,
      kingdom: taxon.kingdom,
      appendix: listingNotation(taxon.listing),
      appendices: taxon.listing.appendices,
      matchedName: this.entryName[candidate.entry]!,
      nameKind: KIND_CODES[this.entryKind[candidate.entry]!]!,
      matchType: candidate.matchType,
      distance: candidate.distance,
    };
    if (taxon.speciesPlusId !== undefined) hit.speciesPlusId = taxon.speciesPlusId;
    if (taxon.author !== undefined) hit.author = taxon.author;
    if (taxon.higherTaxonomy.family !== undefined) hit.family = taxon.higherTaxonomy.family;
    if (language !== undefined) hit.language = language;
    return hit;
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function exactRange(termId: number | undefined): [number, number] {
  return termId === undefined ? [0, 0] : [termId, termId + 1];
}

/**
 * The best match per taxon. Once it holds well over `limit` taxa it keeps only the leaders and
 * ignores offers that rank after the last of them, so a one-letter prefix that matches thousands of
 * names costs one comparison per name.
 */
class Collector {
  private readonly best = new Map<number, Candidate>();
  /** Offers ranking after this cannot enter the leaders. */
  cutoff = Number.POSITIVE_INFINITY;

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.best.size;
  }

  offer(taxonIndex: number, entry: number, matchType: MatchType, distance: number, rankKey: number): void {
    if (rankKey > this.cutoff) return;
    const current = this.best.get(taxonIndex);
    if (current !== undefined && current.rankKey <= rankKey) return;
    this.best.set(taxonIndex, { entry, matchType, distance, rankKey });
    if (this.best.size >= this.limit * 2 + 32) this.prune();
  }

  leaders(): [number, Candidate][] {
    return [...this.best].sort((a, b) => a[1].rankKey - b[1].rankKey).slice(0, this.limit);
  }

  private prune(): void {
    const kept = this.leaders();
    this.best.clear();
    for (const [taxonIndex, candidate] of kept) this.best.set(taxonIndex, candidate);
    this.cutoff = kept[kept.length - 1]?.[1].rankKey ?? Number.POSITIVE_INFINITY;
  }
}

function compareTaxa(x: Taxon, y: Taxon): number {
  return (
    RANK_ORDER[x.rank] - RANK_ORDER[y.rank] ||
    x.scientificName.length - y.scientificName.length ||
    (x.scientificName < y.scientificName
      ? -1
      : x.scientificName > y.scientificName
        ? 1
        : x.id < y.id
          ? -1
          : 1)
  );
}

/**
 * Builds the name index. A taxon id that occurs twice keeps the last taxon given, so a later import
 * replaces seed data; the earlier taxon's names stay indexed and then point at the replacement.
 *
 * @param taxa the taxa to index, e.g. everything an importer produced
 * @returns an index whose `search` needs no further preparation
 */
export function buildSpeciesNameIndex(taxa: Iterable<Taxon>): SpeciesNameIndex {
  return new NameIndex(taxa);
}
