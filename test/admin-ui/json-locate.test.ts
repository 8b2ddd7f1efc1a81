import { locatePointer } from '../../admin-ui/src/forms/json-locate';

const text = `{
  "type": "object",
  "properties": {
    "quantity": { "type": "numbr" },
    "a/b": { "title": "slash" },
    "marks": { "type": "array", "items": [ {"x": 1}, 2, "three" ] }
  },
  "required": ["quantity"]
}`;

const at = (pointer: string) => {
  const range = locatePointer(text, pointer);
  return range && text.slice(range.from, range.to);
};

describe('finding a JSON pointer in a JSON text', () => {
  it('marks a member at its name', () => {
    expect(at('/properties/quantity/type')).toBe('"type"');
    expect(at('/properties/quantity')).toBe('"quantity"');
    expect(at('/required')).toBe('"required"');
  });

  it('marks an array item: a scalar whole, an object or array at its first character', () => {
    expect(at('/properties/marks/items/0')).toBe('{');
    expect(at('/properties/marks/items/1')).toBe('2');
    expect(at('/properties/marks/items/2')).toBe('"three"');
    expect(at('/required/0')).toBe('"quantity"');
  });

  it('reads escaped segments', () => {
    expect(at('/properties/a~1b/title')).toBe('"title"');
  });

  it('marks the deepest existing part when the pointer goes further than the text', () => {
    expect(at('/properties/quantity/minimum')).toBe('"quantity"');
    expect(at('/properties/marks/items/9')).toBe('"items"');
    expect(at('/required/0/x')).toBe('"quantity"');
  });

  it('marks the start of the document for the root', () => {
    expect(locatePointer(text, '/')).toEqual({ from: 0, to: 1 });
    expect(locatePointer(text, '')).toEqual({ from: 0, to: 1 });
    expect(locatePointer(' 42 ', '/')).toEqual({ from: 1, to: 3 });
  });

  it('takes the last of duplicate members, as JSON.parse does', () => {
    const duplicated = '{"a": 1, "a": 2}';
    expect(locatePointer(duplicated, '/a')).toEqual({ from: 9, to: 12 });
  });

  it('gives nothing for text that is not JSON', () => {
    expect(locatePointer('{"a": ', '/a')).toBeNull();
    expect(locatePointer('{"a": 1} x', '/a')).toBeNull();
    expect(locatePointer("{'a': 1}", '/a')).toBeNull();
  });

  it('handles escapes inside strings and numbers of every shape', () => {
    const tricky = '{"q\\"uote": [-1.5e3, true, null, "a\\\\"], "n": 0}';
    expect(JSON.parse(tricky)).toBeDefined();
    const range = locatePointer(tricky, '/q"uote/0');
    expect(range && tricky.slice(range.from, range.to)).toBe('-1.5e3');
    const last = locatePointer(tricky, '/q"uote/3');
    expect(last && tricky.slice(last.from, last.to)).toBe('"a\\\\"');
  });
});
