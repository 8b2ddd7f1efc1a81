import { diffJson } from '../../forms/diff';

describe('diffJson', () => {
  it.each([
    ['nothing for equal documents', { a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }, []],
    ['an added member', { a: 1 }, { a: 1, b: 2 }, [{ path: '/b', change: 'added', after: 2 }]],
    ['a removed member', { a: 1, b: 2 }, { a: 1 }, [{ path: '/b', change: 'removed', before: 2 }]],
    [
      'a changed value deep inside',
      { p: { q: { r: 'x' } } },
      { p: { q: { r: 'y' } } },
      [{ path: '/p/q/r', change: 'changed', before: 'x', after: 'y' }],
    ],
    [
      'an item added to a list',
      { required: ['a'] },
      { required: ['a', 'b'] },
      [{ path: '/required/1', change: 'added', after: 'b' }],
    ],
    ['a changed type', { a: 1 }, { a: [1] }, [{ path: '/a', change: 'changed', before: 1, after: [1] }]],
    [
      'keys with / and ~ escaped',
      { 'a/b': 1, 'c~d': 1 },
      { 'a/b': 2, 'c~d': 2 },
      [
        { path: '/a~1b', change: 'changed', before: 1, after: 2 },
        { path: '/c~0d', change: 'changed', before: 1, after: 2 },
      ],
    ],
    ['a whole document replaced', 'x', 'y', [{ path: '/', change: 'changed', before: 'x', after: 'y' }]],
  ])('finds %s', (_case, before, after, changes) => {
    expect(diffJson(before, after)).toEqual(changes);
  });
});
