import { MAX_DATA_DEPTH, storableDataProblems } from '../../../server/services/storable-data';

const nested = (levels: number): Record<string, unknown> => (levels === 0 ? {} : { a: nested(levels - 1) });

describe('free-form data a MongoDB-protocol store can keep', () => {
  it.each<[string, unknown, string[]]>([
    [
      'form data as forms make it',
      { exporter: { name: 'Kenya Wildlife' }, specimens: [{ quantity: 2 }] },
      [],
    ],
    ['dollar signs and dots in values', { remarks: '$gt 1.5 kg', price: '$12.50' }, []],
    ['a dollar sign inside a name', { a$b: 1 }, []],
    ['an empty name', { '': 1 }, []],
    ['scalars', 'text', []],
    ['a name that starts with $', { $where: 'sleep(1000)' }, ['/data/$where']],
    [
      'an operator deep in a list',
      { specimens: [{ quantity: { $gt: 0 } }] },
      ['/data/specimens/0/quantity/$gt'],
    ],
    ['a dotted name', { 'exporter.name': 'x' }, ['/data/exporter.name']],
    ['a list inside a list', { grid: [[1, 2], 3, [4]] }, ['/data/grid/0', '/data/grid/2']],
    ['a NUL in a name, with a slash escaped in the path', { 'a\u0000/b~': 1 }, ['/data/a\u0000~1b~0']],
    ['every problem, not only the first', { $a: 1, b: { 'c.d': 2 } }, ['/data/$a', '/data/b/c.d']],
    [`nesting up to ${MAX_DATA_DEPTH} levels`, nested(MAX_DATA_DEPTH - 1), []],
    [
      `nesting past ${MAX_DATA_DEPTH} levels`,
      nested(MAX_DATA_DEPTH + 5),
      [`/data${'/a'.repeat(MAX_DATA_DEPTH)}`],
    ],
  ])('%s', (_what, data, paths) => {
    expect(storableDataProblems(data, '/data').map((problem) => problem.path)).toEqual(paths);
  });
});
