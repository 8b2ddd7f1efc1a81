import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { verifyPermitSignature } from '../activities/signing/permit-signature';

const usage =
  'usage: npm run permit:verify -- --jwks <published keys, jwks.json> <file with the signed permit>';

/** What the command prints, and its exit code: 0 authentic, 1 not authentic, 2 nothing could be checked. */
export interface PermitVerdict {
  code: 0 | 1 | 2;
  output: string;
}

/**
 * `npm run permit:verify`: checks a signed permit offline against a Party's published keys, so a
 * border officer or an importing Party needs nothing but the two files. Relative paths are taken
 * from where the command was typed (npm runs scripts from the project root).
 */
export function verifyPermitFiles(args: string[], cwd: string): PermitVerdict {
  let jwksFile: string | undefined;
  let permitFile: string | undefined;
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { jwks: { type: 'string' } },
      allowPositionals: true,
    });
    jwksFile = values.jwks;
    if (positionals.length === 1) permitFile = positionals[0];
  } catch {
    // parseArgs explains unknown options in its own words; the usage line says what is expected.
  }
  if (jwksFile === undefined || permitFile === undefined) return { code: 2, output: usage };

  const jwks = readFile(path.resolve(cwd, jwksFile), 'the published keys');
  if (typeof jwks !== 'string') return jwks;
  const jws = readFile(path.resolve(cwd, permitFile), 'the signed permit');
  if (typeof jws !== 'string') return jws;
  let publishedKeys: { keys: unknown[] };
  try {
    publishedKeys = JSON.parse(jwks);
  } catch {
    return { code: 2, output: `cannot check: ${jwksFile} is not JSON (expected the Party's JWKS)` };
  }

  // A file saved from an editor or a QR scanner usually ends with a line break.
  const check = verifyPermitSignature(jws.trim(), publishedKeys);
  if (!check.valid) return { code: 1, output: `NOT authentic: ${check.reason}` };
  return { code: 0, output: `authentic: ${permitNumberOf(check.content)}signed by ${check.kid}` };
}

function readFile(file: string, what: string): string | PermitVerdict {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { code: 2, output: `cannot read ${what}: ${(error as Error).message}` };
  }
}

function permitNumberOf(content: unknown): string {
  const permitNumber = (content as { permitNumber?: unknown } | null)?.permitNumber;
  return typeof permitNumber === 'string' ? `${permitNumber} ` : '';
}

if (require.main === module) {
  const verdict = verifyPermitFiles(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd());
  (verdict.code === 2 ? console.error : console.log)(verdict.output);
  process.exitCode = verdict.code;
}
