import {
  findingCovers,
  standingFindingsFor,
  type CoveredTrade,
  type StandingFinding,
} from '../../../domain/findings/standing-finding';

const trade: CoveredTrade = {
  scientificName: 'Python regius',
  importingCountry: 'DE',
  source: 'W',
  term: 'LIV',
  purpose: 'T',
};
type FindingChange = Partial<Omit<StandingFinding, 'scope'>> & { scope?: Partial<StandingFinding['scope']> };
const finding = (change: FindingChange = {}) =>
  ({
    id: 'NDF-1',
    decision: 'positive',
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
    ...change,
    scope: { scientificName: 'Python regius', ...change.scope },
  }) as StandingFinding;

describe('findingCovers', () => {
  it.each<[string, StandingFinding, boolean]>([
    ['the species alone covers every trade of it', finding(), true],
    ['the name in other letter case', finding({ scope: { scientificName: 'python REGIUS' } }), true],
    ['another species', finding({ scope: { scientificName: 'Python sebae' } }), false],
    ['a listed importing country', finding({ scope: { countries: ['DE', 'FR'] } }), true],
    ['another importing country', finding({ scope: { countries: ['JP'] } }), false],
    ['a source in scope', finding({ scope: { sources: ['W', 'R'] } }), true],
    ['a source out of scope', finding({ scope: { sources: ['C'] } }), false],
    ['a term out of scope', finding({ scope: { terms: ['SKI'] } }), false],
    ['a purpose out of scope', finding({ scope: { purposes: ['S'] } }), false],
    ['not yet valid', finding({ validFrom: '2026-12-01' }), false],
    ['expired', finding({ validUntil: '2026-06-30' }), false],
    ['valid to the last day', finding({ validUntil: '2026-11-30' }), true],
  ])('%s', (_name, candidate, covers) => {
    expect(findingCovers(candidate, trade, '2026-11-30')).toBe(covers);
  });
});

describe('standingFindingsFor', () => {
  const other = { ...trade, scientificName: 'Kinixys belliana' };
  it('settles only when every block is covered', () => {
    expect(standingFindingsFor([finding()], [trade, other], '2026-11-30')).toBeUndefined();
    expect(
      standingFindingsFor(
        [finding(), finding({ id: 'NDF-2', scope: { scientificName: 'Kinixys belliana' } })],
        [trade, other],
        '2026-11-30',
      ),
    ).toEqual({ decision: 'positive', findingIds: ['NDF-1', 'NDF-2'] });
  });

  it('lets a negative finding win over a positive one for the same trade', () => {
    expect(
      standingFindingsFor([finding(), finding({ id: 'NDF-9', decision: 'negative' })], [trade], '2026-11-30'),
    ).toEqual({ decision: 'negative', findingIds: ['NDF-9'] });
  });

  it('settles nothing for an application without blocks', () => {
    expect(standingFindingsFor([finding()], [], '2026-11-30')).toBeUndefined();
  });
});
