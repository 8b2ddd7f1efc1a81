/**
 * Writing XML text by hand, strictly: the few element names come from code, every value goes through an
 * escaper that leaves nothing a parser could read as markup, and characters XML 1.0 cannot carry at all
 * are left out, so whatever a permit holds, the message stays well-formed.
 */

/** An element to write: text content or child elements, never both (the message has no mixed content). */
export interface XmlNode {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, string>>;
  readonly text?: string;
  readonly children?: readonly XmlNode[];
}

/** XML 1.0 `Char`: tab, line feed, carriage return, and U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF. */
export function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/** True when a UTF-16 unit might start a character XML cannot carry (surrogates: a pair is fine). */
function needsCharCheck(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20 ? unit !== 0x9 && unit !== 0xa && unit !== 0xd : unit >= 0xd800 && unit <= 0xdfff) {
      return true;
    }
    if (unit === 0xfffe || unit === 0xffff) return true;
  }
  return false;
}

/**
 * The text without the characters XML 1.0 cannot represent, not even as a character reference (NUL and
 * the other C0 controls but tab, line feed and carriage return; lone surrogates; U+FFFE and U+FFFF).
 * Iterating by code point keeps surrogate pairs (emoji, rare CJK) whole.
 */
export function xmlCharsOnly(text: string): string {
  if (!needsCharCheck(text)) return text;
  let kept = '';
  for (const char of text) {
    if (isXmlChar(char.codePointAt(0) ?? 0)) kept += char;
  }
  return kept;
}

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A literal CR would be read back as a line feed (XML end-of-line handling); the reference survives.
  '\r': '&#13;',
};
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  ...TEXT_ESCAPES,
  // Attribute-value normalisation turns literal tabs and line feeds into spaces; references survive.
  '\t': '&#9;',
  '\n': '&#10;',
};

/** Text content: markup characters and CR as references, characters XML cannot carry left out. */
export function escapeText(text: string): string {
  return xmlCharsOnly(text).replace(/[&<>"'\r]/g, (char) => TEXT_ESCAPES[char] ?? char);
}

/** An attribute value (written in double quotes): as {@link escapeText}, tab and line feed as references too. */
export function escapeAttribute(value: string): string {
  return xmlCharsOnly(value).replace(/[&<>"'\r\t\n]/g, (char) => ATTRIBUTE_ESCAPES[char] ?? char);
}

const NAME = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?$/;

function writeNode(node: XmlNode, depth: number, lines: string[]): void {
  // Names are the code's own; checking them keeps a typo from producing a broken message.
  if (!NAME.test(node.name)) throw new Error(`Not an XML element name: ${node.name}`);
  const indent = '  '.repeat(depth);
  const attributes = Object.entries(node.attributes ?? {})
    .map(([name, value]) => {
      if (!NAME.test(name)) throw new Error(`Not an XML attribute name: ${name}`);
      return ` ${name}="${escapeAttribute(value)}"`;
    })
    .join('');
  const children = node.children ?? [];
  if (children.length === 0) {
    lines.push(`${indent}<${node.name}${attributes}>${escapeText(node.text ?? '')}</${node.name}>`);
    return;
  }
  lines.push(`${indent}<${node.name}${attributes}>`);
  for (const child of children) writeNode(child, depth + 1, lines);
  lines.push(`${indent}</${node.name}>`);
}

/** The document: an XML declaration (UTF-8), then the element indented by two spaces a level. */
export function writeXmlDocument(root: XmlNode): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  writeNode(root, 0, lines);
  return `${lines.join('\n')}\n`;
}
