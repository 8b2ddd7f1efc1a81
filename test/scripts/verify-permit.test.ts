import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jwksOf, loadPartyKeys } from '../../activities/signing/party-keys';
import { signPermitContent } from '../../activities/signing/permit-signature';
import { verifyPermitFiles } from '../../scripts/verify-permit';

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pangolin-verify-'));
  const ring = await loadPartyKeys({
    party: 'KE',
    keysDir: path.join(dir, 'keys'),
    environment: {},
    production: false,
  });
  fs.writeFileSync(path.join(dir, 'jwks.json'), JSON.stringify(jwksOf(ring)));
  const jws = signPermitContent(ring, { permitNumber: 'KE26000001E', quantity: 2 });
  fs.writeFileSync(path.join(dir, 'permit.jws'), `${jws}\n`);
  fs.writeFileSync(path.join(dir, 'unnumbered.jws'), signPermitContent(ring, { quantity: 2 }));
  fs.writeFileSync(
    path.join(dir, 'altered.jws'),
    jws.replace(/\.(.)/, (_all, first: string) => `.${first === 'e' ? 'f' : 'e'}`),
  );
  fs.writeFileSync(path.join(dir, 'not-json.json'), '{keys');
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm run permit:verify', () => {
  it.each<[string, string[], number, RegExp]>([
    [
      'an authentic permit',
      ['--jwks', 'jwks.json', 'permit.jws'],
      0,
      /^authentic: KE26000001E signed by KE-\d{8}-/,
    ],
    ['a permit without a number', ['unnumbered.jws', '--jwks', 'jwks.json'], 0, /^authentic: signed by KE-/],
    [
      'an altered permit',
      ['--jwks', 'jwks.json', 'altered.jws'],
      1,
      /^NOT authentic: the signature does not match/,
    ],
    ['keys that are not JSON', ['--jwks', 'not-json.json', 'permit.jws'], 2, /not-json.json is not JSON/],
    [
      'a missing file',
      ['--jwks', 'jwks.json', 'missing.jws'],
      2,
      /^cannot read the signed permit: .*missing.jws/,
    ],
    ['no --jwks', ['permit.jws'], 2, /^usage: /],
    ['no permit file', ['--jwks', 'jwks.json'], 2, /^usage: /],
    ['two permit files', ['--jwks', 'jwks.json', 'permit.jws', 'altered.jws'], 2, /^usage: /],
    ['an unknown option', ['--keys', 'jwks.json', 'permit.jws'], 2, /^usage: /],
  ])('answers %s', (_case, args, code, output) => {
    const verdict = verifyPermitFiles(args, dir);
    expect(verdict.output).toMatch(output);
    expect(verdict.code).toBe(code);
  });
});
