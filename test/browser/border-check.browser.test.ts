import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { create as createQrCode } from 'qrcode';
import { format } from '../../admin-ui/src/messages';
import { PermitRepository } from '../../store/permits';
import { en, ensureWebAppBuilt, launchBrowser, signedInPage } from '../support/browser';
import { eventually } from '../support/eventually';
import { issuePermitThroughApi } from '../support/issued-permit';
import { startTestStack, type TestStack } from '../support/test-stack';

interface Permit {
  id: string;
  number: string;
  status: string;
  authorisedQuantities: number[];
  endorsement?: { quantities: number[]; port: string; date: string; billOfLading?: string };
  verificationUrl?: string;
}

interface Issued {
  id: string;
  number: string;
  token: string;
}

const phone = { width: 390, height: 844 };

/**
 * A video Chromium's fake camera plays in a loop: the QR code of `text` in black on white, in the
 * middle of a 640×480 picture, as Y4M (the raw format `--use-file-for-fake-video-capture` reads).
 */
function qrCodeVideo(text: string, file: string): void {
  const width = 640;
  const height = 480;
  const { modules } = createQrCode(text, { errorCorrectionLevel: 'M' });
  const quietZone = 4;
  const scale = Math.floor((height * 0.8) / (modules.size + 2 * quietZone));
  const left = Math.floor((width - scale * (modules.size + 2 * quietZone)) / 2);
  const top = Math.floor((height - scale * (modules.size + 2 * quietZone)) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (!modules.get(row, column)) continue;
      for (let dy = 0; dy < scale; dy++) {
        const y = top + (row + quietZone) * scale + dy;
        const x = left + (column + quietZone) * scale;
        luma.fill(16, y * width + x, y * width + x + scale);
      }
    }
  }
  const chroma = Buffer.alloc(width * height * 0.5, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  fs.writeFileSync(
    file,
    Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`), frame, frame]),
  );
}

/**
 * Permits are issued through the API; then a customs officer on a 390×844 phone checks them at
 * /customs: typing the code of a valid one, refusing more than it authorises at the field,
 * endorsing what leaves, and finding it endorsed when the verification page sends them back; an
 * unknown code, a cancelled permit, one whose signature does not match and one replaced while the
 * officer was endorsing it; and a QR code read by Chromium's fake camera.
 */
describe('the border check on a customs officer’s phone', () => {
  let stack: TestStack;
  let browser: Browser;
  let toEndorse: Issued;
  let cancelled: Issued;
  let forged: Issued;
  let replacedMeanwhile: Issued;

  const noSidewaysScroll = async (page: Page) =>
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(phone.width);

  /** The border check, signed in as customs; with `token`, opened as the verification page links to it. */
  async function borderCheck(token?: string, onBrowser: Browser = browser): Promise<Page> {
    const page = await signedInPage(onBrowser, stack.baseUrl, 'customs@demo.test', phone);
    await page.goto(`${stack.baseUrl}/customs${token ? `?token=${token}` : ''}`);
    await page.getByRole('heading', { level: 1, name: en.borderCheckTitle }).waitFor();
    return page;
  }

  /** Waits for the check to answer `status`, or fails with what the page showed instead. */
  async function waitForStatus(page: Page, status: string): Promise<void> {
    await page
      .locator(`[data-testid="check-status"][data-status="${status}"]`)
      .waitFor({ timeout: 20_000 })
      .catch(async (error: unknown) => {
        throw new Error(`${String(error)}\nThe page showed: ${await page.locator('main').textContent()}`);
      });
  }

  async function issue(): Promise<Issued> {
    const { id, number } = await issuePermitThroughApi(stack);
    const token = (await new PermitRepository(stack.store).find(id))!.verificationToken!;
    return { id, number, token };
  }

  beforeAll(async () => {
    await ensureWebAppBuilt();
    [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
    [toEndorse, cancelled, forged, replacedMeanwhile] = (await Promise.all([
      issue(),
      issue(),
      issue(),
      issue(),
    ])) as [Issued, Issued, Issued, Issued];

    const ma = await stack.login('ma@demo.test');
    const cancel = await stack.api(`/api/permits/${cancelled.id}/cancel`, {
      token: ma,
      body: { reason: 'Issued on forged proof of legal acquisition' },
    });
    expect(cancel.status).toBe(200);
    await eventually('the permit cancelled', async () => {
      const permit = await stack.api<Permit>(`/api/permits/${cancelled.id}`, { token: ma });
      return permit.body.status === 'cancelled' ? true : undefined;
    });

    // The stored signed permit altered after issuance: its signature no longer checks out.
    const permits = stack.store.collection('permits');
    const stored = (await permits.findOne({ _id: forged.id as never }))!;
    const [header, payload, signature] = String(stored.signedPermit).split('.') as [string, string, string];
    const altered = Buffer.from(payload, 'base64url')
      .toString('utf8')
      .replace(forged.number, `${forged.number.slice(0, -1)}X`);
    await permits.updateOne(
      { _id: forged.id as never },
      { $set: { signedPermit: `${header}.${Buffer.from(altered).toString('base64url')}.${signature}` } },
    );
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('checks a typed code, refuses more than authorised at the field, and endorses what leaves', async () => {
    const page = await borderCheck();
    await page.getByTestId('border-code').fill(`  ${toEndorse.token} `);
    await page.getByTestId('border-check-submit').click();
    await waitForStatus(page, 'valid');
    const status = page.getByTestId('check-status');
    await status.getByText(en.borderStatusValid, { exact: true }).waitFor();
    await expect(page.getByTestId('check-number').textContent()).resolves.toBe(toEndorse.number);
    await page.getByTestId('check-authentic').waitFor();
    expect(await page.getByTestId('check-not-authentic').count()).toBe(0);
    await expect(page.getByTestId('check-exporter').textContent()).resolves.toBe(
      'Rift Valley Reptile Traders Ltd (Kenya)',
    );
    await expect(page.getByTestId('check-importer').textContent()).resolves.toBe(
      'Herpetological Supplies GmbH (Germany)',
    );
    const block = page.getByTestId('check-block-A');
    await expect(block.locator('i').textContent()).resolves.toBe('Python regius');
    await expect(block.getByTestId('check-quantity').textContent()).resolves.toBe(
      format(en.borderQuantityHint, { quantity: 50 }),
    );
    // The address now names the code, so a reload checks the same permit again.
    expect(new URL(page.url()).searchParams.get('token')).toBe(toEndorse.token);
    await noSidewaysScroll(page);

    const form = page.getByTestId('border-endorse-form');
    const quantity = form.getByTestId('border-quantity-A');
    await expect(quantity.inputValue()).resolves.toBe('50');
    await expect(quantity.getAttribute('inputmode')).resolves.toBe('decimal');
    await expect(form.getByTestId('border-date').inputValue()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await quantity.fill('51');
    await form.getByTestId('border-port').fill('Jomo Kenyatta International Airport');
    await form.getByTestId('border-bill').fill('176-12345675');
    await form.getByTestId('border-endorse-submit').click();
    await form.getByText(format(en.quantityTooMany, { max: 50 })).waitFor();
    await expect(quantity.getAttribute('aria-invalid')).resolves.toBe('true');
    await noSidewaysScroll(page);
    // Refused in the browser: nothing was sent.
    const customs = await stack.login('customs@demo.test');
    expect((await stack.api<Permit>(`/api/permits/${toEndorse.id}`, { token: customs })).body.status).toBe(
      'valid',
    );

    await quantity.fill('30');
    await form.getByTestId('border-endorse-submit').click();
    await waitForStatus(page, 'endorsed');
    await page.getByText(format(en.borderEndorsed, { number: toEndorse.number })).waitFor();
    await page.getByTestId('check-status').getByText(en.borderStatusEndorsed, { exact: true }).waitFor();
    await expect(block.getByTestId('check-endorsed-quantity').textContent()).resolves.toContain(
      format(en.borderExportedQuantity, { quantity: 30 }),
    );
    await page
      .getByTestId('check-endorsement')
      .getByText('Jomo Kenyatta International Airport', { exact: false })
      .waitFor();
    expect(await page.getByTestId('border-endorse-form').count()).toBe(0);
    await noSidewaysScroll(page);
    await page.context().close();

    const permit = (await stack.api<Permit>(`/api/permits/${toEndorse.id}`, { token: customs })).body;
    expect(permit.status).toBe('endorsed');
    expect(permit.endorsement).toMatchObject({
      quantities: [30],
      port: 'Jomo Kenyatta International Airport',
      billOfLading: '176-12345675',
    });

    // Sent back by the verification page: endorsed, nothing more to endorse.
    const again = await borderCheck(toEndorse.token);
    await waitForStatus(again, 'endorsed');
    await expect(again.getByTestId('border-code').inputValue()).resolves.toBe(toEndorse.token);
    await expect(again.getByTestId('check-endorsed-quantity').textContent()).resolves.toContain('30');
    expect(await again.getByTestId('border-endorse-form').count()).toBe(0);
    await noSidewaysScroll(again);
    await again.context().close();
  });

  it('says so plainly when no permit has the code, and when what was typed is no code at all', async () => {
    const page = await borderCheck();
    const code = page.getByTestId('border-code');
    await code.fill('not a permit');
    await page.getByTestId('border-check-submit').click();
    await page.getByText(en.borderCodeInvalid).waitFor();
    await expect(code.getAttribute('aria-invalid')).resolves.toBe('true');

    await code.fill('https://permits.example.org/verify/AAAAAAAAAAAAAAAAAAAAAA');
    await page.getByTestId('border-check-submit').click();
    const unknown = page.getByTestId('check-unknown');
    await unknown.getByText(en.borderNotFound).waitFor({ timeout: 20_000 });
    await unknown.getByText(en.borderNotFoundHint).waitFor();
    expect(await code.getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByTestId('border-endorse-form').count()).toBe(0);
    await noSidewaysScroll(page);

    // Without a camera (none in this browser), the officer is told plainly and pointed to typing.
    await page.getByTestId('scan-start').click();
    await page.getByTestId('scan-problem').waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('scan-problem').textContent()).resolves.toMatch(/type the code below/i);
    await page.context().close();
  });

  it('shows a cancelled permit as cancelled, with no endorsement offered', async () => {
    const page = await borderCheck(cancelled.token);
    await waitForStatus(page, 'cancelled');
    await page.getByTestId('check-status').getByText(en.borderStatusCancelled, { exact: true }).waitFor();
    await page.getByText(en.borderMeaningCancelled).waitFor();
    expect(await page.getByTestId('border-endorse-form').count()).toBe(0);
    await noSidewaysScroll(page);
    await page.context().close();
  });

  it('warns in red when the signature does not match, and offers no endorsement', async () => {
    const page = await borderCheck(forged.token);
    await waitForStatus(page, 'valid');
    await page.getByTestId('check-not-authentic').getByText(en.borderNotAuthentic).waitFor();
    expect(await page.getByTestId('check-authentic').count()).toBe(0);
    expect(await page.getByTestId('border-endorse-form').count()).toBe(0);
    await page.context().close();
  });

  it('tells the officer why the server refused the endorsement: the permit was replaced meanwhile', async () => {
    const page = await borderCheck(replacedMeanwhile.token);
    await waitForStatus(page, 'valid');
    const form = page.getByTestId('border-endorse-form');
    await form.getByTestId('border-port').fill('Mombasa');

    const ma = await stack.login('ma@demo.test');
    const replacement = await stack.api<Permit>(`/api/permits/${replacedMeanwhile.id}/replacement`, {
      token: ma,
      body: { reason: 'lost' },
    });
    expect(replacement.status).toBe(201);
    await form.getByTestId('border-endorse-submit').click();

    await page.getByText(en.borderEndorseRefused).waitFor({ timeout: 20_000 });
    await page
      .getByTestId('border-endorse-refusal')
      .getByText(replacement.body.number, { exact: false })
      .waitFor();
    await waitForStatus(page, 'replaced');
    await page
      .getByTestId('check-replaced-by')
      .getByText(format(en.borderReplacedBy, { number: replacement.body.number }))
      .waitFor();
    expect(await page.getByTestId('border-endorse-form').count()).toBe(0);
    await noSidewaysScroll(page);
    await page.context().close();
  });

  it('reads the permit’s QR code with the phone’s camera and checks it', async () => {
    const ma = await stack.login('ma@demo.test');
    const { verificationUrl } = (await stack.api<Permit>(`/api/permits/${cancelled.id}`, { token: ma })).body;
    expect(verificationUrl).toMatch(new RegExp(`/verify/${cancelled.token}$`));
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'pangolin-camera-'));
    const video = path.join(directory, 'permit-qr.y4m');
    qrCodeVideo(verificationUrl!, video);
    const withCamera = await launchBrowser([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ]);
    try {
      const page = await borderCheck(undefined, withCamera);
      await page.getByTestId('scan-start').click();
      await waitForStatus(page, 'cancelled');
      await expect(page.getByTestId('border-code').inputValue()).resolves.toBe(cancelled.token);
      // The camera stops once the code is read.
      await expect(page.getByTestId('scanner').getAttribute('data-camera')).resolves.toBe('off');
      expect(await page.locator('video').count()).toBe(0);
      await noSidewaysScroll(page);
    } finally {
      await withCamera.close();
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});
