import {
  buildSpeciesNameIndex,
  type SpeciesNameIndex,
  type SpeciesSearchHit,
} from '../../domain/species/search';
import { SEED_TAXA } from '../../domain/species/seed';
import type { Taxon } from '../../domain/species/taxon';
import type { ChecklistEntry } from '../../forms/application-facts';
import type { SpeciesRepository } from '../../store/species';

export interface SpeciesQuery {
  q: string;
  limit: number;
  kingdom?: 'Animalia' | 'Plantae';
}

/**
 * Name search over the checklist, answered from an in-memory index (tens of microseconds a
 * query). Each API process rebuilds its index when an import has changed the checklist.
 */
export class SpeciesService {
  private index: SpeciesNameIndex | undefined;
  private indexVersion = -1;
  private checkedAt = 0;
  private rebuilding: Promise<void> | undefined;

  constructor(
    private readonly species: SpeciesRepository,
    private readonly recheckEveryMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Public: the checklist is public knowledge, and applicants look species up before signing in. */
  async search(query: SpeciesQuery): Promise<SpeciesSearchHit[]> {
    const index = await this.currentIndex();
    return index.search(query.q, {
      limit: query.limit,
      ...(query.kingdom ? { kingdom: query.kingdom } : {}),
    });
  }

  /** A check that a name is an accepted name or synonym in the checklist, for form validation. */
  async nameChecker(): Promise<(name: string) => boolean> {
    const index = await this.currentIndex();
    return (name) => {
      const [best] = index.search(name, { limit: 1, fuzzy: false });
      return best !== undefined && best.matchType === 'exact' && best.nameKind !== 'common';
    };
  }

  /** The kingdom and current listing of an accepted name or synonym, for the Convention's checks at intake. */
  async checklistLookup(): Promise<(name: string) => ChecklistEntry | undefined> {
    const index = await this.currentIndex();
    return (name) => {
      const [best] = index.search(name, { limit: 1, fuzzy: false });
      if (best === undefined || best.matchType !== 'exact' || best.nameKind === 'common') return undefined;
      const { appendices } = best;
      return {
        kingdom: best.kingdom,
        listing:
          appendices.length === 0
            ? null
            : appendices.length === 1
              ? { appendix: appendices[0]! }
              : { split: appendices },
      };
    };
  }

  async taxon(id: string): Promise<Taxon | undefined> {
    return (await this.currentIndex()).taxon(id) ?? this.species.find(id);
  }

  private async currentIndex(): Promise<SpeciesNameIndex> {
    if (this.index && this.now() - this.checkedAt < this.recheckEveryMs) return this.index;
    this.rebuilding ??= this.rebuildIfChanged().finally(() => (this.rebuilding = undefined));
    await this.rebuilding;
    return this.index!;
  }

  private async rebuildIfChanged(): Promise<void> {
    this.checkedAt = this.now();
    const version = await this.species.version();
    if (this.index && version === this.indexVersion) return;
    const taxa: Taxon[] = [];
    for await (const taxon of this.species.all()) taxa.push(taxon);
    this.index = buildSpeciesNameIndex(taxa);
    this.indexVersion = version;
  }
}

/** A fresh install gets the hand-written seed list, so there is something to search from the start. */
export async function seedChecklist(species: SpeciesRepository, now: Date): Promise<number> {
  if ((await species.count()) > 0) return 0;
  await species.insert(SEED_TAXA, now);
  await species.bumpVersion(now);
  return SEED_TAXA.length;
}
