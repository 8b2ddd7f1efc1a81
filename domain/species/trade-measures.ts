/**
 * Trade suspensions and stricter domestic measures that stop or restrict a trade the Convention would
 * otherwise allow: CITES recommendations to suspend trade, Parties' stricter domestic measures notified
 * through CITES, and EU import decisions (suspensions and Scientific Review Group opinions).
 *
 * Sources: the Species+ API `cites_legislation` (its `cites_suspensions`) and `eu_legislation` (its
 * `eu_decisions`) responses. Quotas come with the same response but are handled with quota tracking.
 *
 * How the Species+ fields are read:
 * - `geo_entity` is the country the measure names. With `applies_to_import` it is the importing country
 *   whose imports are restricted. Otherwise a country-wide suspension ("All commercial trade in
 *   specimens of CITES-listed species") means Parties should not trade with that country in either
 *   direction, unless it says "All exports"; a taxon-specific suspension concerns exports from it; and
 *   a Party's own stricter domestic measure covers its trade in both directions.
 * - `taxon_concept_id` null means every CITES-listed species.
 * - The API gives no end date. A record that is no longer current ends where the next record for the
 *   same country, taxon and direction (imports into the country, or its trade otherwise) starts, since
 *   a new Notification replaces the previous one; without such a record its end is unknown and it is
 *   not applied to any date.
 * - An EU decision's `geo_entity` is the country of origin (exporting country when none is given) and
 *   it applies to imports into an EU member State.
 */
import type { CountryCode, IsoDate, PurposeCode, SourceCode } from '../codes/types';
import { dropUndefined, isRecord, optionalText } from './objects';
import { cleanText, normalizeName } from './text';
import type { Taxon } from './taxon';

/** Who imposed the measure. */
export type MeasureAuthority = 'cites' | 'national' | 'eu';

/** What the measure is. */
export type MeasureKind =
  | 'cites-suspension'
  | 'stricter-domestic-measure'
  | 'eu-suspension'
  | 'eu-negative-opinion'
  | 'eu-srg-referral'
  | 'eu-positive-opinion'
  | 'eu-other-decision';

/** Which side of the trade the measure's country must be on for the measure to apply. */
export type CountryRole = 'exporter' | 'importer' | 'exporter-or-importer';

/** A published document the measure rests on (CITES Notification, EU regulation, SRG meeting). */
export interface MeasureReference {
  readonly name: string;
  readonly date?: IsoDate;
  readonly url?: string;
}

/** One suspension, stricter domestic measure or EU decision. */
export interface TradeMeasure {
  /** Unique across sources, e.g. `cites-suspension:17621`, `eu-decision:32143`. */
  readonly id: string;
  readonly kind: MeasureKind;
  readonly authority: MeasureAuthority;
  /** Whether it stops or conditions the trade; false for favourable EU opinions and undetermined decisions. */
  readonly restrictive: boolean;
  /** The taxon it concerns; absent when it covers every CITES-listed species. */
  readonly taxon?: { readonly speciesPlusId: number; readonly name?: string };
  readonly country: CountryCode;
  readonly countryName?: string;
  readonly countryRole: CountryRole;
  /** Set on EU decisions: they apply only when the importing country is an EU member State. */
  readonly importerGroup?: 'EU';
  /** Source codes it is limited to; absent when it covers every source. */
  readonly sources?: readonly SourceCode[];
  /** Purpose codes it is limited to; absent when it covers every purpose. */
  readonly purposes?: readonly PurposeCode[];
  /** Term codes (specimen types) it is limited to, with their names; absent when it covers every term. */
  readonly terms?: readonly { readonly code: string; readonly name?: string }[];
  readonly startDate: IsoDate;
  /** The first day it no longer applies. */
  readonly endDate?: IsoDate;
  /** The end date was inferred from the record that replaced it. */
  readonly endDateInferred?: boolean;
  readonly isCurrent: boolean;
  /** Decision name as the source gives it (e.g. "Suspension (a)"), for EU decisions. */
  readonly decision?: string;
  readonly notes?: string;
  readonly reference?: MeasureReference;
}

/** A source record the mapper could not use, with the reason. */
export interface RejectedMeasure {
  readonly record: unknown;
  readonly reason: string;
}

/** Optional knowledge about the taxon a legislation response was requested for. */
export interface MeasureContext {
  /** The taxon's scientific name, stored on the measures that name its Species+ id. */
  readonly taxonName?: string;
  readonly speciesPlusId?: number;
}

const SOURCE_CODES = new Set<string>(['W', 'R', 'D', 'A', 'C', 'F', 'Y', 'I', 'O', 'U', 'X']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/**
 * Maps the trade measures of a Species+ legislation payload: `cites_suspensions` of a
 * `cites_legislation` response and `eu_decisions` of an `eu_legislation` response (either or both).
 * Quotas and listings in the same payload are ignored.
 *
 * @param payload the parsed API payload
 * @param context the taxon the response was requested for, to name it on the measures
 * @returns the measures, and the records that could not be read with the reason; never throws
 */
export function mapSpeciesPlusTradeMeasures(
  payload: unknown,
  context: MeasureContext = {},
): { measures: TradeMeasure[]; rejected: RejectedMeasure[] } {
  const measures: TradeMeasure[] = [];
  const rejected: RejectedMeasure[] = [];
  if (!isRecord(payload))
    return { measures, rejected: [{ record: payload, reason: 'The payload is not an object.' }] };
  const collect = (records: unknown, map: (record: unknown) => TradeMeasure | string): TradeMeasure[] => {
    const mapped: TradeMeasure[] = [];
    if (!Array.isArray(records)) return mapped;
    for (const record of records) {
      const result = map(record);
      if (typeof result === 'string') rejected.push({ record, reason: result });
      else mapped.push(result);
    }
    return mapped;
  };
  measures.push(
    ...inferEndDates(
      collect(payload['cites_suspensions'], (r) => mapCitesSuspension(r, context)),
      (m) => [m.country, m.taxon?.speciesPlusId ?? '*', m.countryRole === 'importer'].join('|'),
    ),
    ...inferEndDates(
      collect(payload['eu_decisions'], (r) => mapEuDecision(r, context)),
      (m) =>
        [m.country, m.taxon?.speciesPlusId ?? '*', m.sources?.join() ?? '', m.terms?.[0]?.code ?? ''].join(
          '|',
        ),
    ),
  );
  return { measures, rejected };
}

const STRICTER_DOMESTIC = /stricter domestic measure|\bhas suspended imports\b/i;

function mapCitesSuspension(record: unknown, context: MeasureContext): TradeMeasure | string {
  const common = commonFields(record, 'cites_suspension', context);
  if (typeof common === 'string') return common;
  const { sourceId, ...fields } = common;
  const r = record as Record<string, unknown>;
  const notes = cleanText(optionalText(r['notes']));
  const national = notes !== undefined && STRICTER_DOMESTIC.test(notes);
  const appliesToImport = r['applies_to_import'] === true;
  let countryRole: CountryRole;
  if (appliesToImport) countryRole = 'importer';
  else if (national) countryRole = 'exporter-or-importer';
  else if (fields.taxon === undefined)
    countryRole = /\ball exports\b/i.test(notes ?? '') ? 'exporter' : 'exporter-or-importer';
  else countryRole = 'exporter';
  const commercialOnly = /\ball commercial trade\b/i.test(notes ?? '');
  return dropUndefined<TradeMeasure>({
    ...fields,
    id: `cites-suspension:${sourceId}`,
    kind: national ? 'stricter-domestic-measure' : 'cites-suspension',
    authority: national ? 'national' : 'cites',
    restrictive: true,
    countryRole,
    purposes: commercialOnly ? ['T'] : undefined,
    notes,
    reference: referenceOf(r['start_notification']),
  });
}

const EU_KINDS: Readonly<Record<string, { kind: MeasureKind; restrictive: boolean }>> = {
  SUSPENSION: { kind: 'eu-suspension', restrictive: true },
  NEGATIVE_OPINION: { kind: 'eu-negative-opinion', restrictive: true },
  SRG_REFERRAL: { kind: 'eu-srg-referral', restrictive: true },
  POSITIVE_OPINION: { kind: 'eu-positive-opinion', restrictive: false },
};

function mapEuDecision(record: unknown, context: MeasureContext): TradeMeasure | string {
  const common = commonFields(record, 'eu_decision', context);
  if (typeof common === 'string') return common;
  const { sourceId, ...fields } = common;
  const r = record as Record<string, unknown>;
  const type = isRecord(r['eu_decision_type']) ? r['eu_decision_type'] : {};
  const known = EU_KINDS[optionalText(type['type']) ?? ''] ?? {
    kind: 'eu-other-decision' as const,
    restrictive: false,
  };
  const source = isRecord(r['source']) ? optionalText(r['source']['code'])?.toUpperCase() : undefined;
  const term = isRecord(r['term']) ? r['term'] : {};
  const termCode = optionalText(term['code'])?.toUpperCase();
  return dropUndefined<TradeMeasure>({
    ...fields,
    id: `eu-decision:${sourceId}`,
    kind: known.kind,
    authority: 'eu',
    restrictive: known.restrictive,
    countryRole: 'exporter',
    importerGroup: 'EU',
    sources: source !== undefined && SOURCE_CODES.has(source) ? [source as SourceCode] : undefined,
    terms:
      termCode !== undefined
        ? [dropUndefined({ code: termCode, name: optionalText(term['name']) })]
        : undefined,
    decision: optionalText(type['name']),
    notes: cleanText(optionalText(r['notes'])),
    reference: referenceOf(r['start_event']),
  });
}

interface CommonFields {
  sourceId: number;
  taxon?: { speciesPlusId: number; name?: string };
  country: CountryCode;
  countryName?: string;
  startDate: IsoDate;
  isCurrent: boolean;
}

function commonFields(record: unknown, label: string, context: MeasureContext): CommonFields | string {
  if (!isRecord(record)) return `The ${label} is not an object.`;
  const id = record['id'];
  if (typeof id !== 'number' || !Number.isInteger(id)) return `The ${label} has no numeric id.`;
  const geo = isRecord(record['geo_entity']) ? record['geo_entity'] : undefined;
  const country = optionalText(geo?.['iso_code2'])?.toUpperCase();
  if (country === undefined || !/^[A-Z]{2}$/.test(country))
    return `The ${label} ${id} names no country (geo_entity.iso_code2).`;
  const start = optionalText(record['start_date']);
  if (start === undefined || !ISO_DATE.test(start))
    return `The ${label} ${id} has no start_date in YYYY-MM-DD form.`;
  const taxonId = record['taxon_concept_id'];
  let taxon: CommonFields['taxon'];
  if (typeof taxonId === 'number') {
    const name =
      taxonId === context.speciesPlusId || context.speciesPlusId === undefined
        ? context.taxonName
        : undefined;
    taxon = dropUndefined({ speciesPlusId: taxonId, name });
  } else if (taxonId !== null && taxonId !== undefined) {
    return `The ${label} ${id} has a taxon_concept_id that is not a number.`;
  }
  return dropUndefined<CommonFields>({
    sourceId: id,
    taxon,
    country,
    countryName: optionalText(geo?.['name']),
    startDate: start.slice(0, 10),
    isCurrent: record['is_current'] !== false,
  });
}

function referenceOf(value: unknown): MeasureReference | undefined {
  if (!isRecord(value)) return undefined;
  const name = optionalText(value['name']);
  if (name === undefined) return undefined;
  const date = optionalText(value['date']);
  return dropUndefined({
    name,
    date: date !== undefined && ISO_DATE.test(date) ? date.slice(0, 10) : undefined,
    url: optionalText(value['url']),
  });
}

function inferEndDates(measures: TradeMeasure[], groupKey: (m: TradeMeasure) => string): TradeMeasure[] {
  const groups = new Map<string, TradeMeasure[]>();
  for (const m of measures) {
    const key = groupKey(m);
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return measures.map((m) => {
    if (m.isCurrent || m.endDate !== undefined) return m;
    const successor = (groups.get(groupKey(m)) ?? [])
      .filter((other) => other.startDate > m.startDate)
      .reduce<TradeMeasure | undefined>(
        (a, b) => (a === undefined || b.startDate < a.startDate ? b : a),
        undefined,
      );
    return successor === undefined ? m : { ...m, endDate: successor.startDate, endDateInferred: true };
  });
}

/** EU member States and the period EU wildlife trade law applied to them (the UK until the end of 2020). */
const EU_MEMBERSHIP: Readonly<Record<CountryCode, readonly [IsoDate, IsoDate?]>> = {
  AT: ['1995-01-01'],
  BE: ['1958-01-01'],
  BG: ['2007-01-01'],
  CY: ['2004-05-01'],
  CZ: ['2004-05-01'],
  DE: ['1958-01-01'],
  DK: ['1973-01-01'],
  EE: ['2004-05-01'],
  ES: ['1986-01-01'],
  FI: ['1995-01-01'],
  FR: ['1958-01-01'],
  GB: ['1973-01-01', '2021-01-01'],
  GR: ['1981-01-01'],
  HR: ['2013-07-01'],
  HU: ['2004-05-01'],
  IE: ['1973-01-01'],
  IT: ['1958-01-01'],
  LT: ['2004-05-01'],
  LU: ['1958-01-01'],
  LV: ['2004-05-01'],
  MT: ['2004-05-01'],
  NL: ['1958-01-01'],
  PL: ['2004-05-01'],
  PT: ['1986-01-01'],
  RO: ['2007-01-01'],
  SE: ['1995-01-01'],
  SI: ['2004-05-01'],
  SK: ['2004-05-01'],
};

/**
 * Whether EU wildlife trade law applied in a country on a date.
 *
 * @param country ISO 3166-1 alpha-2 code
 * @param date `YYYY-MM-DD`
 */
export function isEuMemberState(country: CountryCode, date: IsoDate): boolean {
  const period = EU_MEMBERSHIP[country.toUpperCase()];
  if (period === undefined) return false;
  const [from, until] = period;
  return date >= from && (until === undefined || date < until);
}

/** The trade an application describes, as far as the measures care. */
export interface MeasureQuery {
  /** The taxon traded: its Species+ id and/or names (scientific name, synonyms, genus, family, ...). */
  readonly taxon: { readonly speciesPlusId?: number; readonly names?: readonly string[] };
  readonly exportingCountry: CountryCode;
  readonly importingCountry: CountryCode;
  /** Country of origin when it differs from the exporting country (re-export). */
  readonly originCountry?: CountryCode;
  readonly source?: SourceCode;
  readonly purpose?: PurposeCode;
  /** Term code of the specimens (e.g. `TRO`, `IVC`). */
  readonly term?: string;
  /** The date to judge on, `YYYY-MM-DD`. */
  readonly date: IsoDate;
}

/** A measure that applies to a trade, with the reason an officer reads. */
export interface ApplicableMeasure {
  readonly measure: TradeMeasure;
  readonly reason: string;
  /**
   * Limits of the measure (source, purpose, term) that the query did not state, so it may or may not
   * apply; empty when the query settles them all.
   */
  readonly unverifiedScope: readonly string[];
}

/**
 * The taxon part of a {@link MeasureQuery} for a taxon: its Species+ id, accepted name, synonyms and
 * higher taxa, so measures recorded against a genus, a family or an older name also match.
 *
 * @param taxon a taxon from the checklist
 */
export function measureSubjectOf(taxon: Taxon): MeasureQuery['taxon'] {
  const h = taxon.higherTaxonomy;
  const names = [
    taxon.scientificName,
    ...taxon.synonyms.map((s) => s.name),
    h.genus,
    h.family,
    h.order,
    h.class,
  ];
  return dropUndefined({
    speciesPlusId: taxon.speciesPlusId,
    names: names.filter((n): n is string => n !== undefined),
  });
}

/**
 * The suspensions, stricter domestic measures and EU decisions that apply to a trade on a date.
 *
 * A measure applies when it is in force on the date, concerns the taxon (or all CITES-listed
 * species), names a country in the role it restricts, and its source, purpose and term limits do not
 * exclude the trade. A limit the query leaves open does not exclude the measure; it is listed in
 * `unverifiedScope` and in the reason. Restrictive measures come first, then newer before older.
 *
 * @param measures the measures known (e.g. from {@link mapSpeciesPlusTradeMeasures})
 * @param query the trade
 * @returns each applicable measure with a human-readable reason
 */
export function findApplicableMeasures(
  measures: readonly TradeMeasure[],
  query: MeasureQuery,
): ApplicableMeasure[] {
  const exporter = query.exportingCountry.toUpperCase();
  const importer = query.importingCountry.toUpperCase();
  const origin = (query.originCountry ?? query.exportingCountry).toUpperCase();
  const names = new Set((query.taxon.names ?? []).map(normalizeName));
  const found: ApplicableMeasure[] = [];
  for (const measure of measures) {
    if (!inForce(measure, query.date)) continue;
    if (!concernsTaxon(measure, query.taxon.speciesPlusId, names)) continue;
    const role = roleMatched(measure, exporter, importer, origin, query.date);
    if (role === undefined) continue;
    const scope = scopeCheck(measure, query);
    if (scope === 'excluded') continue;
    found.push({ measure, reason: reasonFor(measure, role, query, scope), unverifiedScope: scope });
  }
  return found.sort(
    (a, b) =>
      Number(b.measure.restrictive) - Number(a.measure.restrictive) ||
      (a.measure.startDate < b.measure.startDate ? 1 : a.measure.startDate > b.measure.startDate ? -1 : 0) ||
      (a.measure.id < b.measure.id ? -1 : 1),
  );
}

function inForce(measure: TradeMeasure, date: IsoDate): boolean {
  if (date < measure.startDate) return false;
  if (measure.endDate !== undefined) return date < measure.endDate;
  return measure.isCurrent;
}

function concernsTaxon(
  measure: TradeMeasure,
  speciesPlusId: number | undefined,
  names: ReadonlySet<string>,
): boolean {
  if (measure.taxon === undefined) return true;
  if (speciesPlusId !== undefined && measure.taxon.speciesPlusId === speciesPlusId) return true;
  return measure.taxon.name !== undefined && names.has(normalizeName(measure.taxon.name));
}

type MatchedRole = 'exporter' | 'importer' | 'origin-into-eu';

function roleMatched(
  measure: TradeMeasure,
  exporter: CountryCode,
  importer: CountryCode,
  origin: CountryCode,
  date: IsoDate,
): MatchedRole | undefined {
  if (measure.importerGroup === 'EU') {
    return measure.country === origin && isEuMemberState(importer, date) ? 'origin-into-eu' : undefined;
  }
  const asExporter = measure.country === exporter;
  const asImporter = measure.country === importer;
  switch (measure.countryRole) {
    case 'exporter':
      return asExporter ? 'exporter' : undefined;
    case 'importer':
      return asImporter ? 'importer' : undefined;
    case 'exporter-or-importer':
      return asExporter ? 'exporter' : asImporter ? 'importer' : undefined;
  }
}

function scopeCheck(measure: TradeMeasure, query: MeasureQuery): string[] | 'excluded' {
  const open: string[] = [];
  const limit = <C extends string>(
    allowed: readonly C[] | undefined,
    given: string | undefined,
    label: string,
  ) => {
    if (allowed === undefined) return true;
    if (given === undefined) {
      open.push(`${label} ${allowed.join(', ')}`);
      return true;
    }
    return (allowed as readonly string[]).includes(given.toUpperCase());
  };
  const terms = measure.terms?.map((t) => t.code);
  if (!limit(measure.sources, query.source, 'source')) return 'excluded';
  if (!limit(measure.purposes, query.purpose, 'purpose')) return 'excluded';
  if (!limit(terms, query.term, 'term')) return 'excluded';
  return open;
}

const KIND_TITLES: Readonly<Record<MeasureKind, string>> = {
  'cites-suspension': 'CITES recommendation to suspend trade',
  'stricter-domestic-measure': 'Stricter domestic measure',
  'eu-suspension': 'EU suspension of imports into the Union',
  'eu-negative-opinion': 'EU Scientific Review Group negative opinion on imports',
  'eu-srg-referral': 'Import referred to the EU Scientific Review Group',
  'eu-positive-opinion': 'EU Scientific Review Group positive opinion on imports',
  'eu-other-decision': 'EU decision on imports',
};

function reasonFor(
  measure: TradeMeasure,
  role: MatchedRole,
  query: MeasureQuery,
  open: readonly string[],
): string {
  const country = measure.countryName ? `${measure.countryName} (${measure.country})` : measure.country;
  const parts: string[] = [];
  const title = measure.decision
    ? `${KIND_TITLES[measure.kind]}: ${measure.decision}`
    : KIND_TITLES[measure.kind];
  const since = measure.reference
    ? `${measure.reference.name}, in force from ${measure.startDate}`
    : `in force from ${measure.startDate}`;
  parts.push(`${title} (${since}${measure.endDate ? ` until ${measure.endDate}` : ''}).`);
  const subject =
    measure.taxon === undefined
      ? 'every CITES-listed species'
      : (measure.taxon.name ?? `taxon ${measure.taxon.speciesPlusId}`);
  if (role === 'origin-into-eu') {
    parts.push(
      `Applies to ${subject} from ${country} imported into ${query.importingCountry.toUpperCase()}, an EU member State.`,
    );
  } else {
    const side = role === 'exporter' ? 'exporting' : 'importing';
    parts.push(`Applies to ${subject}; ${country} is the ${side} country.`);
  }
  const limits = [
    measure.sources ? `source ${measure.sources.join(', ')}` : undefined,
    measure.purposes ? `purpose ${measure.purposes.join(', ')}` : undefined,
    measure.terms
      ? `specimens ${measure.terms.map((t) => (t.name ? `${t.code} (${t.name})` : t.code)).join(', ')}`
      : undefined,
  ].filter((x): x is string => x !== undefined);
  if (limits.length > 0) parts.push(`Limited to ${limits.join('; ')}.`);
  if (open.length > 0)
    parts.push(
      `The application does not state the ${open.map((o) => o.split(' ')[0]).join(', ')}; check whether the limit applies.`,
    );
  if (measure.notes) parts.push(measure.notes);
  return parts.join(' ');
}
