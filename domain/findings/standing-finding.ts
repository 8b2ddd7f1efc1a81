import type { IsoDate } from '../codes/types';

/** The trade of one specimen block, as a standing finding's scope is compared with it. */
export interface CoveredTrade {
  readonly scientificName: string;
  readonly importingCountry: string;
  readonly source: string;
  readonly term: string;
  readonly purpose: string;
}

/** A standing finding as the comparison needs it. */
export interface StandingFinding {
  readonly id: string;
  readonly decision: 'positive' | 'negative';
  readonly scope: {
    readonly scientificName: string;
    readonly countries?: readonly string[];
    readonly sources?: readonly string[];
    readonly terms?: readonly string[];
    readonly purposes?: readonly string[];
  };
  readonly validFrom: IsoDate;
  readonly validUntil: IsoDate;
}

const allows = (list: readonly string[] | undefined, value: string) =>
  list === undefined || list.length === 0 || list.includes(value);

/** Whether a finding's scope and validity cover one block's trade on a date. */
export function findingCovers(finding: StandingFinding, trade: CoveredTrade, on: IsoDate): boolean {
  const { scope } = finding;
  return (
    finding.validFrom <= on &&
    on <= finding.validUntil &&
    scope.scientificName.trim().toLowerCase() === trade.scientificName.trim().toLowerCase() &&
    allows(scope.countries, trade.importingCountry) &&
    allows(scope.sources, trade.source) &&
    allows(scope.terms, trade.term) &&
    allows(scope.purposes, trade.purpose)
  );
}

/**
 * The standing findings that settle an application's non-detriment step: for every block, a
 * negative finding covering it wins (the export would be detrimental, whatever else was found),
 * else the newest positive one. Undefined when some block is covered by none: an SA officer decides.
 */
export function standingFindingsFor(
  findings: readonly StandingFinding[],
  trades: readonly CoveredTrade[],
  on: IsoDate,
): { decision: 'positive' | 'negative'; findingIds: string[] } | undefined {
  if (trades.length === 0) return undefined;
  const chosen: StandingFinding[] = [];
  for (const trade of trades) {
    const covering = findings.filter((finding) => findingCovers(finding, trade, on));
    const finding = covering.find((candidate) => candidate.decision === 'negative') ?? covering[0];
    if (!finding) return undefined;
    chosen.push(finding);
  }
  const negative = chosen.filter((finding) => finding.decision === 'negative');
  const settling = negative.length > 0 ? negative : chosen;
  return {
    decision: negative.length > 0 ? 'negative' : 'positive',
    findingIds: [...new Set(settling.map((finding) => finding.id))],
  };
}
