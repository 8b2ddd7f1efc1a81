import {
  findApplicableMeasures,
  measureSubjectOf,
  type ApplicableMeasure,
  type MeasureQuery,
} from '../../domain/species/trade-measures';
import type { TradeMeasureRepository } from '../../store/trade-measures';
import { notFound } from '../errors';
import { requirePermission, type Caller } from '../identity/permissions';
import type { SpeciesService } from './species';

export type TradeMeasureQuery = Omit<MeasureQuery, 'taxon'> & { taxonId: string };

/** Which CITES suspensions and stricter measures apply to a trade, for the officer checking it. */
export class TradeMeasureService {
  constructor(
    private readonly measures: TradeMeasureRepository,
    private readonly species: SpeciesService,
  ) {}

  async applicable(caller: Caller, query: TradeMeasureQuery): Promise<ApplicableMeasure[]> {
    requirePermission(caller, 'trade-measures.read');
    const taxon = await this.species.taxon(query.taxonId);
    if (!taxon) throw notFound(`Taxon ${query.taxonId}`);
    const { taxonId: _taxonId, ...trade } = query;
    return findApplicableMeasures(await this.measures.all(), { ...trade, taxon: measureSubjectOf(taxon) });
  }
}
