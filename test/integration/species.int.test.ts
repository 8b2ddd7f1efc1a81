import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../server/project';
import { ensureBuilt } from '../support/build';
import { sharedDataFile } from '../support/shared-data';
import { startTestStack, testConfig, type TestStack } from '../support/test-stack';

const run = promisify(execFile);
const importCommand = path.join(projectRoot, 'dist', 'scripts', 'import-checklist.js');

type Hit = { id: string; scientificName: string; appendix: string; kingdom: string; matchType: string };

describe('the species checklist: seed list, search, import, trade measures', () => {
  let stack: TestStack;
  beforeAll(async () => {
    await ensureBuilt();
    stack = await startTestStack(testConfig({ PANGOLIN_CHECKLIST_RECHECK_SECONDS: '1' }));
  });
  afterAll(() => stack?.close());

  const search = (q: string, extra = '') =>
    stack.api<Hit[]>(`/api/species?q=${encodeURIComponent(q)}${extra}`);

  it.each([
    ['pangolin', 'Smutsia gigantea', 'I'],
    ['Loxodonta africna', 'Loxodonta africana', 'I/II'],
    ['LOXODONTA AFRICANA', 'Loxodonta africana', 'I/II'],
    ["éléphant d'Afrique", 'Loxodonta africana', 'I/II'],
    ['elefante africano', 'Loxodonta africana', 'I/II'],
    ['Swietenia macrophyla', 'Swietenia macrophylla', 'II/NC'],
  ])('on a fresh install finds %j: %s, Appendix %s', async (q, scientificName, appendix) => {
    const answer = await search(q);
    expect(answer.status).toBe(200);
    expect(answer.body.map((hit) => hit.scientificName)).toContain(scientificName);
    expect(answer.body.find((hit) => hit.scientificName === scientificName)?.appendix).toBe(appendix);
  });

  it('ranks the exact name first', async () => {
    const answer = await search('Crocodylus niloticus');
    expect(answer.body[0]).toMatchObject({
      scientificName: 'Crocodylus niloticus',
      matchType: 'exact',
      kingdom: 'Animalia',
    });
  });

  it('refuses a query it cannot use, naming the parameter', async () => {
    expect((await stack.api('/api/species')).body).toMatchObject({
      status: 422,
      errors: [{ path: '/q', message: 'is required' }],
    });
    expect((await search('elephant', '&limit=0')).body).toMatchObject({
      status: 422,
      errors: [{ path: '/limit' }],
    });
    expect((await search('elephant', '&where=1')).body).toMatchObject({
      status: 422,
      errors: [{ path: '/where' }],
    });
    expect((await stack.api('/api/species?q[$gt]=')).status).toBe(422);
  });

  it('imports the full Index of CITES Species with counts, and search then finds the imported taxa', async () => {
    const env = {
      ...process.env,
      MONGODB_URI: stack.config.mongo.uri,
      MONGODB_DATABASE: stack.config.mongo.database,
    };
    const file = sharedDataFile('cites-species-index-2017', 'Index_of_CITES_Species_2017-04-21_17-27.csv.gz');
    const { stdout } = await run(process.execPath, [importCommand, file], {
      env,
      maxBuffer: 8 * 1024 * 1024,
    });
    console.log(stdout);
    expect(stdout).toMatch(/rows read: 38079, taxa stored: 38062, rows rejected: 17/);
    expect(stdout).toContain('rejected, listing-missing: 17');
    expect(await stack.store.collection('taxa').countDocuments()).toBe(38062);

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const answer = await search('Paphiopedilum rothschildianum');
    expect(answer.body[0]).toMatchObject({
      scientificName: 'Paphiopedilum rothschildianum',
      appendix: 'I',
      kingdom: 'Plantae',
    });
    const auditor = await stack.login('auditor@demo.test');
    const trail = await stack.api<{ entries: Array<{ action: string }> }>('/api/audit?limit=5', {
      token: auditor,
    });
    expect(trail.body.entries.map((entry) => entry.action)).toContain('checklist.imported');
  }, 600_000); // a hang guard: importing 100,000 rows on a busy 2-core machine can take minutes

  it('imports Species+ trade suspensions and tells an officer which apply to a trade', async () => {
    const env = {
      ...process.env,
      MONGODB_URI: stack.config.mongo.uri,
      MONGODB_DATABASE: stack.config.mongo.database,
    };
    const file = sharedDataFile('speciesplus-api-fixtures', 'spp_cites_legislation_def.json');
    const { stdout } = await run(process.execPath, [importCommand, '--measures', file], { env });
    expect(stdout).toMatch(/trade measures stored: [1-9]\d*/);

    const officer = await stack.login('ma@demo.test');
    const trade = '/api/trade-measures/applicable?taxonId=4521&importingCountry=JP&source=W&purpose=T';
    const djibouti = await stack.api<Array<{ reason: string }>>(
      `${trade}&exportingCountry=DJ&date=2019-01-01`,
      { token: officer },
    );
    expect(djibouti.status).toBe(200);
    expect(djibouti.body[0]?.reason).toMatch(
      /^CITES recommendation to suspend trade \(CITES Notif\. No\. 2018\/015/,
    );
    const none = await stack.api<unknown[]>(`${trade}&exportingCountry=ZA&date=2019-01-01`, {
      token: officer,
    });
    expect(none.body).toEqual([]);

    const applicant = await stack.login('applicant@demo.test');
    expect(
      (await stack.api(`${trade}&exportingCountry=DJ&date=2019-01-01`, { token: applicant })).status,
    ).toBe(403);
    expect(
      (
        await stack.api(`${trade.replace('4521', 'no-such-taxon')}&exportingCountry=DJ&date=2019-01-01`, {
          token: officer,
        })
      ).status,
    ).toBe(404);
  });
});
