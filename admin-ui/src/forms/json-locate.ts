import { pointerSegments } from './json-pointer';

/** A stretch of text, as offsets from its start. */
export interface TextRange {
  from: number;
  to: number;
}

type JsonNode =
  | {
      kind: 'object';
      from: number;
      to: number;
      members: Array<{ key: string; keyRange: TextRange; value: JsonNode }>;
    }
  | { kind: 'array'; from: number; to: number; items: JsonNode[] }
  | { kind: 'scalar'; from: number; to: number };

/**
 * Where a JSON pointer points in a JSON text, so a problem the server reports at
 * `/properties/quantity/type` can be marked in the editor where the designer typed it. A member is
 * marked at its name, an array item at its first character. When the pointer goes further than the
 * text (a missing member), the deepest part that exists is marked. Null when the text is not JSON.
 */
export function locatePointer(text: string, pointer: string): TextRange | null {
  let root: JsonNode;
  try {
    root = new Scanner(text).document();
  } catch {
    return null;
  }
  let node = root;
  let mark = markOf(root);
  for (const segment of pointerSegments(pointer)) {
    if (node.kind === 'object') {
      const member = [...node.members].reverse().find((candidate) => candidate.key === segment);
      if (!member) break;
      node = member.value;
      mark = member.keyRange;
    } else if (node.kind === 'array' && /^\d+$/.test(segment) && Number(segment) < node.items.length) {
      node = node.items[Number(segment)]!;
      mark = markOf(node);
    } else {
      break;
    }
  }
  return mark;
}

function markOf(node: JsonNode): TextRange {
  return node.kind === 'scalar' ? { from: node.from, to: node.to } : { from: node.from, to: node.from + 1 };
}

/** A strict JSON reader that remembers where each value starts and ends. */
class Scanner {
  private at = 0;

  constructor(private readonly text: string) {}

  document(): JsonNode {
    const value = this.value();
    this.space();
    if (this.at !== this.text.length) throw new Error('trailing text');
    return value;
  }

  private space() {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at]!)) this.at += 1;
  }

  private value(): JsonNode {
    this.space();
    const char = this.text[this.at];
    if (char === '{') return this.object();
    if (char === '[') return this.array();
    const from = this.at;
    if (char === '"') this.string();
    else {
      const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
        this.text.slice(this.at, this.at + 400),
      );
      if (!literal) throw new Error(`unexpected character at ${this.at}`);
      this.at += literal[0].length;
    }
    return { kind: 'scalar', from, to: this.at };
  }

  private string(): string {
    const from = this.at;
    this.at += 1;
    while (this.at < this.text.length && this.text[this.at] !== '"') {
      this.at += this.text[this.at] === '\\' ? 2 : 1;
    }
    if (this.at >= this.text.length) throw new Error('unterminated string');
    this.at += 1;
    return JSON.parse(this.text.slice(from, this.at)) as string;
  }

  private object(): JsonNode {
    const from = this.at;
    this.at += 1;
    const members: Array<{ key: string; keyRange: TextRange; value: JsonNode }> = [];
    this.space();
    if (this.text[this.at] === '}') {
      this.at += 1;
      return { kind: 'object', from, to: this.at, members };
    }
    for (;;) {
      this.space();
      if (this.text[this.at] !== '"') throw new Error('expected a member name');
      const keyFrom = this.at;
      const key = this.string();
      const keyRange = { from: keyFrom, to: this.at };
      this.space();
      if (this.text[this.at] !== ':') throw new Error('expected a colon');
      this.at += 1;
      members.push({ key, keyRange, value: this.value() });
      this.space();
      const next = this.text[this.at];
      this.at += 1;
      if (next === '}') return { kind: 'object', from, to: this.at, members };
      if (next !== ',') throw new Error('expected , or }');
    }
  }

  private array(): JsonNode {
    const from = this.at;
    this.at += 1;
    const items: JsonNode[] = [];
    this.space();
    if (this.text[this.at] === ']') {
      this.at += 1;
      return { kind: 'array', from, to: this.at, items };
    }
    for (;;) {
      items.push(this.value());
      this.space();
      const next = this.text[this.at];
      this.at += 1;
      if (next === ']') return { kind: 'array', from, to: this.at, items };
      if (next !== ',') throw new Error('expected , or ]');
    }
  }
}
