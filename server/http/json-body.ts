import { isUtf8 } from 'node:buffer';
import express, { type RequestHandler } from 'express';
import { PangolinError } from '../errors';

/** The largest JSON body the API reads: 1 MiB (evidence files are read by their own route, up to 10 MiB). */
export const JSON_BODY_LIMIT_BYTES = 1_048_576;

/**
 * Far deeper than anything Pangolin takes (a national form or a procedure nests about 15 levels) and
 * far shallower than what overflows a recursive walk or what MongoDB-protocol stores keep (about 100).
 */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

/**
 * The API's JSON body parser. JSON.parse copes with any depth, but everything that walks the value
 * afterwards recurses (schema validation, the canonical JSON of idempotency keys, the database
 * driver), and half a megabyte of `[` overflows the stack there: the nesting is measured on the raw
 * bytes, before they are parsed, and refused past MAX_JSON_DEPTH.
 *
 * JSON between systems is UTF-8 (RFC 8259, section 8.1): a body declared in another charset is refused
 * rather than decoded, and so is one whose bytes are not UTF-8, which would otherwise be decoded with
 * replacement characters and kept unlike what was sent.
 */
export function jsonBody(): RequestHandler {
  return express.json({
    limit: JSON_BODY_LIMIT_BYTES,
    strict: true,
    verify: (_req, _res, bytes, encoding) => {
      if (encoding !== 'utf-8') throw new PangolinError('unsupported-media-type', 'Send JSON in UTF-8.');
      if (!isUtf8(bytes)) throw new PangolinError('malformed', 'The body is not valid UTF-8.');
      if (nestsDeeperThan(bytes, MAX_JSON_DEPTH))
        throw new PangolinError(
          'malformed',
          `The JSON nests lists and objects deeper than ${MAX_JSON_DEPTH} levels.`,
        );
    },
  });
}

/**
 * Whether JSON text (UTF-8 bytes) nests lists and objects deeper than `limit`. No byte of a
 * multi-byte UTF-8 character is a bracket, a quote or a backslash, so the bytes are read as they are;
 * brackets inside strings do not count. Text that is not JSON gives some answer, and fails to parse.
 */
export function nestsDeeperThan(bytes: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index]!;
    if (inString) {
      if (byte === BACKSLASH) index += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (OPENERS.has(byte)) {
      depth += 1;
      if (depth > limit) return true;
    } else if (CLOSERS.has(byte)) {
      depth -= 1;
    }
  }
  return false;
}
