import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { format } from '../../admin-ui/src/messages';
import { en, ensureWebAppBuilt, launchBrowser, signedInPage } from '../support/browser';
import { eventually } from '../support/eventually';
import { issuePermitThroughApi } from '../support/issued-permit';
import { startTestStack, testConfig, type TestStack } from '../support/test-stack';

interface Incoming {
  id: string;
  number: string;
  status: string;
  exportEndorsement?: { blocks: { block: string; quantity: number }[] };
  importConfirmation?: { blocks: { block: string; quantity: number }[] };
}

interface Peer {
  party: string;
  status: string;
}

const phone = { width: 390, height: 844 };
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Kenya and Germany side by side, each the other's peer. On a 390×844 phone, Germany's administrator
 * finds Kenya among the peer Parties, is told at the field that a peer needs a keys address, and
 * removes a peer after being warned its messages will be refused; German customs find the permit
 * Kenya issued for a consignment coming to Germany, are refused more than it allows at the field,
 * and confirm what arrived, which closes Kenya's permit as used.
 */
describe('permit exchange between two Parties, in the web app on a phone', () => {
  let kenya: TestStack;
  let germany: TestStack;
  let browser: Browser;
  const germanKeysDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pangolin-de-keys-'));

  const noSidewaysScroll = async (page: Page) =>
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(phone.width);

  /** A page of the web app, signed in on a phone. */
  async function open(stack: TestStack, email: string, pathname: string, title: string): Promise<Page> {
    const page = await signedInPage(browser, stack.baseUrl, email, phone);
    await page.goto(`${stack.baseUrl}${pathname}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    return page;
  }

  const incomingAtGermany = async () =>
    (
      await germany.api<Incoming[]>('/api/exchange/incoming', {
        token: await germany.login('customs@demo.test'),
      })
    ).body;
  const germanPeers = async () =>
    (await germany.api<Peer[]>('/api/exchange/peers', { token: await germany.login('admin@demo.test') }))
      .body;

  beforeAll(async () => {
    await ensureWebAppBuilt();
    [kenya, germany, browser] = await Promise.all([
      startTestStack(),
      startTestStack(testConfig({ PANGOLIN_PARTY: 'DE', PANGOLIN_SIGNING_KEYS_DIR: germanKeysDir })),
      launchBrowser(),
    ]);
    const peer = async (stack: TestStack, other: TestStack, party: string) => {
      const saved = await stack.api('/api/exchange/peers', {
        token: await stack.login('admin@demo.test'),
        body: { party, baseUrl: other.baseUrl, jwksUrl: `${other.baseUrl}/.well-known/jwks.json` },
      });
      expect(saved.status).toBe(200);
    };
    await Promise.all([peer(kenya, germany, 'DE'), peer(germany, kenya, 'KE')]);
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([kenya?.close(), germany?.close()]);
    fs.rmSync(germanKeysDir, { recursive: true, force: true });
  });

  it('shows the administrator the peer Parties, refuses a peer without keys at the field, and removes one after a warning', async () => {
    const page = await open(germany, 'admin@demo.test', '/peers', en.peersTitle);
    const kenyaCard = page.getByTestId('peer-KE');
    await kenyaCard.getByRole('heading', { name: 'Kenya (KE)' }).waitFor();
    await expect(kenyaCard.getByTestId('peer-status').textContent()).resolves.toBe(en.peerStatusActive);
    await expect(kenyaCard.getByTestId('peer-address').textContent()).resolves.toBe(kenya.baseUrl);
    await expect(kenyaCard.getByTestId('peer-keys').textContent()).resolves.toBe(
      `${kenya.baseUrl}/.well-known/jwks.json`,
    );
    await noSidewaysScroll(page);

    // No keys address and no pinned keys: the server refuses it, and says so at the field.
    const form = page.getByTestId('peer-form');
    await form.getByLabel(en.peerParty).fill('fr');
    await form.getByLabel(en.peerBaseUrl).fill('https://permits.example.fr');
    await form.getByTestId('peer-save').click();
    const jwksUrl = form.getByLabel(en.peerJwksUrl);
    const jwksError = form.locator('#peer-jwks-url-error');
    await jwksError.waitFor({ timeout: 20_000 });
    await expect(jwksError.textContent()).resolves.toBe('is required unless keys are given');
    await expect(jwksUrl.getAttribute('aria-invalid')).resolves.toBe('true');
    await form.getByRole('alert').getByText(en.thereIsAProblem).waitFor();
    expect((await germanPeers()).map((peer) => peer.party)).toEqual(['KE']);
    await noSidewaysScroll(page);

    await jwksUrl.fill('https://permits.example.fr/.well-known/jwks.json');
    await form.getByTestId('peer-save').click();
    await page.getByText(format(en.peerSaved, { party: 'France (FR)' })).waitFor({ timeout: 20_000 });
    const franceCard = page.getByTestId('peer-FR');
    await expect(franceCard.getByTestId('peer-status').textContent()).resolves.toBe(en.peerStatusActive);
    await expect(form.getByLabel(en.peerParty).inputValue()).resolves.toBe('');

    await franceCard.getByTestId('peer-remove').click();
    await franceCard
      .getByText(format(en.peerRemoveQuestion, { party: 'France (FR)' }))
      .waitFor({ timeout: 20_000 });
    await noSidewaysScroll(page);
    await franceCard.getByTestId('peer-remove-confirm').click();
    await page.getByText(format(en.peerRemoved, { party: 'France (FR)' })).waitFor({ timeout: 20_000 });
    await expect(franceCard.getAttribute('data-status')).resolves.toBe('removed');
    await expect(franceCard.getByTestId('peer-status').textContent()).resolves.toBe(en.peerStatusRemoved);
    expect((await germanPeers()).find((peer) => peer.party === 'FR')?.status).toBe('removed');
    await page.context().close();
  });

  it('lets customs confirm what arrived under the permit Kenya sent, refusing more than it allows, and Kenya closes it as used', async () => {
    const { id, number } = await issuePermitThroughApi(kenya);
    const arrived = await eventually(
      `permit ${number} in Germany`,
      async () => (await incomingAtGermany()).find((permit) => permit.number === number),
      300,
    );
    // Kenya takes the confirmation only for a permit its customs endorsed: 48 of the 50 left.
    const kenyanCustoms = await kenya.login('customs@demo.test');
    const endorsed = await kenya.api(`/api/permits/${id}/endorsement`, {
      token: kenyanCustoms,
      body: { blocks: [{ block: 'A', quantity: 48 }], port: 'Nairobi JKIA', date: today() },
    });
    expect(endorsed.status).toBe(200);
    await eventually('the endorsement in Germany', async () =>
      (await incomingAtGermany()).find((permit) => permit.id === arrived.id && permit.exportEndorsement),
    );

    const page = await open(germany, 'customs@demo.test', '/consignments', en.consignmentsTitle);
    const card = page.getByTestId(`consignment-${number}`);
    await card.getByRole('heading', { name: number }).waitFor({ timeout: 20_000 });
    await expect(card.getAttribute('data-status')).resolves.toBe('valid');
    await expect(card.getByTestId('consignment-status').textContent()).resolves.toBe(
      en.consignmentStatusValid,
    );
    await expect(card.getByTestId('consignment-from').textContent()).resolves.toBe('Kenya (KE)');
    const block = card.getByTestId('consignment-block-A');
    await expect(block.locator('i').textContent()).resolves.toBe('Python regius');
    await expect(block.getByTestId('consignment-permitted').textContent()).resolves.toBe(
      format(en.consignmentPermitted, { quantity: 50 }),
    );
    await expect(block.getByTestId('consignment-exported').textContent()).resolves.toBe(
      format(en.consignmentExported, { quantity: 48 }),
    );
    await noSidewaysScroll(page);

    const form = card.getByTestId('arrival-form');
    const quantity = form.getByTestId('arrival-quantity-A');
    // Prefilled with what left Kenya.
    await expect(quantity.inputValue()).resolves.toBe('48');
    await expect(quantity.getAttribute('inputmode')).resolves.toBe('decimal');
    await expect(form.getByTestId('arrival-date').inputValue()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await quantity.fill('51');
    await form.getByTestId('arrival-submit').click();
    await form.getByText(format(en.quantityTooMany, { max: 50 })).waitFor();
    await expect(quantity.getAttribute('aria-invalid')).resolves.toBe('true');
    await noSidewaysScroll(page);
    // Refused in the browser: nothing was sent.
    expect((await incomingAtGermany()).find((permit) => permit.id === arrived.id)?.status).toBe('valid');

    await quantity.fill('47');
    await form.getByTestId('arrival-submit').click();
    await page
      .locator(`[data-testid="consignment-${number}"][data-status="used"]`)
      .waitFor({ timeout: 20_000 });
    await card
      .getByText(format(en.arrivalConfirmed, { number, party: 'Kenya (KE)' }))
      .waitFor({ timeout: 20_000 });
    await expect(card.getByTestId('consignment-status').textContent()).resolves.toBe(
      en.consignmentStatusUsed,
    );
    await expect(block.getByTestId('consignment-arrived').textContent()).resolves.toBe(
      format(en.consignmentArrived, { quantity: 47 }),
    );
    expect(await card.getByTestId('arrival-form').count()).toBe(0);
    await noSidewaysScroll(page);
    await page.context().close();

    const confirmedHere = (await incomingAtGermany()).find((permit) => permit.id === arrived.id);
    expect(confirmedHere).toMatchObject({
      status: 'used',
      importConfirmation: { blocks: [{ block: 'A', quantity: 47 }] },
    });
    const used = await eventually(
      'the permit used in Kenya',
      async () => {
        const permit = await kenya.api<{ status: string; importConfirmation?: { quantities: number[] } }>(
          `/api/permits/${id}`,
          { token: kenyanCustoms },
        );
        return permit.body.status === 'used' ? permit.body : undefined;
      },
      300,
    );
    expect(used.importConfirmation?.quantities).toEqual([47]);
  });
});
