import type { Browser, Page } from 'playwright-core';
import example from '../../examples/applications/export-appendix-ii-wild.json';
import { format } from '../../admin-ui/src/messages';
import { en, ensureWebAppBuilt, launchBrowser, signedInPage } from '../support/browser';
import { eventually } from '../support/eventually';
import { startTestStack, type TestStack } from '../support/test-stack';

interface Task {
  id: string;
  type: string;
  applicationId: string;
}
interface Application {
  id: string;
  status: string;
  permitId?: string;
}
interface Permit {
  id: string;
  number: string;
  status: string;
  authorisedQuantities: number[];
  endorsement?: { quantities: number[]; port: string; date: string };
  importConfirmation?: { quantities: number[] };
  replaces?: { permitId: string; number: string; reason: string };
  replacedBy?: { permitId: string; number: string };
}

const phone = { width: 390, height: 844 };

/**
 * Exports are taken to their permits through the API (every open step of the Management and
 * Scientific Authorities approved); then, on the application's page on a 390×844 phone, customs
 * endorse one (a quantity above the authorised one is refused at its field, and once sent the permit
 * box shows it endorsed with the port), and the Management Authority replaces one that was lost,
 * cancels one with a reason, and records the import confirmation of one customs endorsed.
 */
describe('customs and the Management Authority act on issued permits in the browser, on a phone', () => {
  let stack: TestStack;
  let browser: Browser;
  let applicationId = '';
  // One issued application for each of the Management Authority's actions.
  let toReplace = '';
  let toCancel = '';
  let toConfirm = '';

  /** Files `count` applications and approves every step of them until each has its permit. */
  async function issued(count: number): Promise<string[]> {
    const [applicant, ma, sa] = await Promise.all(
      ['applicant@demo.test', 'ma@demo.test', 'sa@demo.test'].map((email) => stack.login(email)),
    );
    const ids: string[] = [];
    for (let index = 0; index < count; index++) {
      const filed = await stack.api<Application>('/api/applications', { token: applicant, body: example });
      expect(filed.status).toBe(201);
      ids.push(filed.body.id);
    }
    const decided = new Set<string>();
    await eventually(
      'the applications issued',
      async () => {
        for (const token of [ma!, sa!]) {
          const tasks = (await stack.api<Task[]>('/api/tasks', { token })).body.filter(
            (task) => ids.includes(task.applicationId) && !decided.has(task.id),
          );
          for (const task of tasks) {
            const answer = await stack.api(`/api/tasks/${encodeURIComponent(task.id)}/decision`, {
              token,
              body: { outcome: 'approve' },
            });
            expect([200, 409]).toContain(answer.status);
            decided.add(task.id);
          }
        }
        const statuses = await Promise.all(
          ids.map(
            async (id) =>
              (await stack.api<Application>(`/api/applications/${id}`, { token: applicant })).body.status,
          ),
        );
        return statuses.every((status) => status === 'issued') ? ids : undefined;
      },
      300,
      300,
    );
    return ids;
  }

  /** The application's page with its permit box, once the permit is loaded. */
  async function permitPage(email: string, id: string): Promise<Page> {
    const page = await signedInPage(browser, stack.baseUrl, email, phone);
    await page.goto(`${stack.baseUrl}/applications/${id}`);
    await page.getByRole('heading', { level: 1, name: en.applicationTitle, exact: true }).waitFor();
    await page.getByTestId('permit').getByTestId('permit-box-number').waitFor({ timeout: 20_000 });
    return page;
  }

  /** Waits for the permit box to show `status`, or fails with what the page showed instead. */
  async function waitForStatus(page: Page, status: string): Promise<void> {
    await page
      .getByTestId('permit')
      .locator(`[data-testid="permit-status"][data-status="${status}"]`)
      .first()
      .waitFor({ timeout: 20_000 })
      .catch(async (error: unknown) => {
        throw new Error(`${String(error)}\nThe page showed: ${await page.locator('main').textContent()}`);
      });
  }

  const noSidewaysScroll = async (page: Page) =>
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(phone.width);

  beforeAll(async () => {
    await ensureWebAppBuilt();
    [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
    [applicationId = '', toReplace = '', toCancel = '', toConfirm = ''] = await issued(4);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('endorses the permit with the quantities, port and date, and the permit box shows it endorsed', async () => {
    const page = await signedInPage(browser, stack.baseUrl, 'customs@demo.test', phone);
    await page.goto(`${stack.baseUrl}/applications/${applicationId}`);
    await page.getByRole('heading', { level: 1, name: en.applicationTitle, exact: true }).waitFor();
    const box = page.getByTestId('permit');
    await box.getByTestId('permit-status').getByText(en.permitStatusValid).waitFor();

    // A signed permit offers its PDF (and a copy, and the signed JWS) and where anyone can check it.
    const documents = box.getByTestId('permit-documents');
    const pdf = documents.getByRole('link', { name: en.permitPdf });
    await expect(pdf.getAttribute('href')).resolves.toBe(`/api/permits/${applicationId}/pdf`);
    await expect(documents.getByTestId('permit-pdf-copy').getAttribute('href')).resolves.toBe(
      `/api/permits/${applicationId}/pdf?copy=true`,
    );
    await expect(documents.getByTestId('permit-signed').getAttribute('href')).resolves.toBe(
      `/api/permits/${applicationId}/signed`,
    );
    const fetched = await page.evaluate(
      async (href: string) => {
        const answer = await fetch(href);
        const bytes = new Uint8Array(await answer.arrayBuffer());
        return {
          status: answer.status,
          type: answer.headers.get('content-type'),
          start: String.fromCharCode(...bytes.slice(0, 5)),
        };
      },
      (await pdf.getAttribute('href'))!,
    );
    expect(fetched).toEqual({ status: 200, type: 'application/pdf', start: '%PDF-' });
    await expect(documents.getByTestId('permit-verification-url').textContent()).resolves.toMatch(
      /\/verify\/[A-Za-z0-9_-]{22}$/,
    );

    const form = box.getByTestId('endorse-form');
    await form.waitFor();

    // Prefilled with what is authorised; one more is refused before anything is sent.
    const first = form.getByTestId('endorse-quantity-0');
    const authorised = Number(await first.inputValue());
    expect(authorised).toBeGreaterThan(0);
    await first.fill(String(authorised + 1));
    await form.getByTestId('endorse-port').fill('Mombasa');
    await form.getByTestId('endorse-submit').click();
    await form.getByText(format(en.quantityTooMany, { max: authorised })).waitFor();
    await expect(first.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(form.getByTestId('endorse-date').inputValue()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await first.fill(String(authorised));
    await form.getByTestId('endorse-bill').fill('MSKU1234567');
    // Nothing to scroll sideways on the phone.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await form.getByTestId('endorse-submit').click();

    await box
      .locator('[data-testid="permit-status"][data-status="endorsed"]')
      .waitFor({ timeout: 20_000 })
      .catch(async (error: unknown) => {
        throw new Error(`${String(error)}\nThe page showed: ${await page.locator('main').textContent()}`);
      });
    await box.getByTestId('permit-endorsement').getByText('Mombasa', { exact: false }).waitFor();
    await page.getByText(en.endorseDone).waitFor();
    expect(await box.getByTestId('endorse-form').count()).toBe(0);
    await expect(page.getByTestId('application-status').textContent()).resolves.toBe(en.statusEndorsed);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);

    const customs = await stack.login('customs@demo.test');
    const permit = await stack.api<Permit>(`/api/permits/${applicationId}`, { token: customs });
    expect(permit.body.status).toBe('endorsed');
    expect(permit.body.endorsement).toMatchObject({
      port: 'Mombasa',
      quantities: permit.body.authorisedQuantities,
    });
    await page.context().close();
  });

  it('replaces a lost permit: the box shows the new number and what it replaces, the applicant the new number', async () => {
    const ma = await stack.login('ma@demo.test');
    const first = (await stack.api<Permit>(`/api/permits/${toReplace}`, { token: ma })).body;
    expect(first.status).toBe('valid');

    const page = await permitPage('ma@demo.test', toReplace);
    const box = page.getByTestId('permit');
    await expect(box.getByTestId('permit-box-number').textContent()).resolves.toBe(first.number);
    await box.getByTestId('cancel-form').waitFor();
    const form = box.getByTestId('replace-form');
    // Nothing is sent without a reason, nor "other" without an explanation.
    await form.getByTestId('replace-submit').click();
    await form.getByText(en.replaceReasonRequired).waitFor();
    await form.getByTestId('replace-reason').selectOption('other');
    await form.getByTestId('replace-submit').click();
    await form.getByText(en.replaceExplanationRequired).waitFor();
    await expect(form.getByTestId('replace-explanation').getAttribute('aria-invalid')).resolves.toBe('true');

    // Meanwhile someone else replaced it (stolen): this page's permit is void, and the form says by which.
    const meanwhile = await stack.api<Permit>(`/api/permits/${toReplace}/replacement`, {
      token: ma,
      body: { reason: 'stolen' },
    });
    expect(meanwhile.status).toBe(201);
    expect(meanwhile.body.id).toBe(`${toReplace}-R1`);
    await form.getByTestId('replace-reason').selectOption('lost');
    await form.getByTestId('replace-submit').click();
    const problem = form.getByTestId('replace-problem');
    await problem.getByText(en.replaceConflict).waitFor({ timeout: 20_000 });
    await problem.getByText(meanwhile.body.number, { exact: false }).waitFor();
    await noSidewaysScroll(page);

    // Read again, the page shows the replacement; it is lost in turn and replaced from the page.
    await page.reload();
    await box.getByTestId('permit-replaces').waitFor({ timeout: 20_000 });
    await expect(box.getByTestId('permit-box-number').textContent()).resolves.toBe(meanwhile.body.number);
    await box.getByTestId('replace-form').getByTestId('replace-reason').selectOption('lost');
    await box.getByTestId('replace-form').getByTestId('replace-submit').click();
    await box
      .getByTestId('permit-replaces')
      .getByText(format(en.permitReplaces, { number: meanwhile.body.number, reason: en.replaceReasonLost }))
      .waitFor({ timeout: 20_000 });
    const current = (await stack.api<Application>(`/api/applications/${toReplace}`, { token: ma })).body;
    expect(current.permitId).toBe(`${toReplace}-R2`);
    const replacement = (await stack.api<Permit>(`/api/permits/${current.permitId}`, { token: ma })).body;
    expect(replacement).toMatchObject({
      status: 'valid',
      replaces: { permitId: meanwhile.body.id, number: meanwhile.body.number, reason: 'lost' },
    });
    await expect(box.getByTestId('permit-box-number').textContent()).resolves.toBe(replacement.number);
    await waitForStatus(page, 'valid');
    await page.getByText(format(en.replaceDone, { number: replacement.number })).waitFor();
    await expect(page.getByTestId('permit-number').textContent()).resolves.toBe(replacement.number);
    await page
      .getByTestId('timeline')
      .getByText(format(en.eventPermitReplaced, { from: meanwhile.body.number, to: replacement.number }))
      .waitFor();
    // The replaced permit, opened from the box, says it was replaced and by which.
    const earlier = box.getByTestId('earlier-permit');
    await earlier.locator('summary').click();
    await earlier
      .getByTestId('permit-replaced-by')
      .getByText(format(en.permitReplacedBy, { number: replacement.number }))
      .waitFor({ timeout: 20_000 });
    await expect(earlier.getByTestId('permit-status').getAttribute('data-status')).resolves.toBe('replaced');
    await noSidewaysScroll(page);
    await page.context().close();

    const applicant = await permitPage('applicant@demo.test', toReplace);
    await expect(applicant.getByTestId('permit-number').textContent()).resolves.toBe(replacement.number);
    await expect(applicant.getByTestId('permit-issued').textContent()).resolves.toContain(replacement.number);
    const holder = applicant.getByTestId('permit');
    await expect(holder.getByTestId('permit-box-number').textContent()).resolves.toBe(replacement.number);
    await holder.getByTestId('permit-replaces').getByText(meanwhile.body.number, { exact: false }).waitFor();
    expect(await holder.getByTestId('replace-form').count()).toBe(0);
    await noSidewaysScroll(applicant);
    await applicant.context().close();
  });

  it('cancels a valid permit with a reason, and the box shows it cancelled with the reason', async () => {
    const page = await permitPage('ma@demo.test', toCancel);
    const box = page.getByTestId('permit');
    const form = box.getByTestId('cancel-form');
    await form.getByTestId('cancel-submit').click();
    await form.getByText(en.cancelPermitReasonRequired).waitFor();
    await form.getByTestId('cancel-reason').fill('Issued on forged proof of legal acquisition');
    await form.getByTestId('cancel-submit').click();
    await waitForStatus(page, 'cancelled');
    await box
      .getByTestId('permit-cancellation')
      .getByText('Issued on forged proof of legal acquisition')
      .waitFor();
    await page.getByText(en.cancelPermitDone).waitFor();
    expect(await box.getByTestId('cancel-form').count()).toBe(0);
    expect(await box.getByTestId('replace-form').count()).toBe(0);
    await page.getByTestId('application-status').getByText(en.statusCancelled).waitFor({ timeout: 20_000 });
    await noSidewaysScroll(page);
    await page.context().close();
  });

  it('records the import confirmation after customs endorsed, and the permit is used with the quantities', async () => {
    const customs = await stack.login('customs@demo.test');
    const permit = (await stack.api<Permit>(`/api/permits/${toConfirm}`, { token: customs })).body;
    const exported = permit.authorisedQuantities.map((quantity) => Math.max(1, quantity - 10));
    const endorsed = await stack.api<Permit>(`/api/permits/${toConfirm}/endorsement`, {
      token: customs,
      body: {
        quantities: exported,
        port: 'Jomo Kenyatta International Airport',
        date: new Date().toISOString().slice(0, 10),
      },
    });
    expect(endorsed.status).toBe(200);
    const ma = await stack.login('ma@demo.test');
    await eventually('the permit endorsed', async () => {
      const now = (await stack.api<Permit>(`/api/permits/${toConfirm}`, { token: ma })).body;
      return now.status === 'endorsed' ? now : undefined;
    });

    const page = await permitPage('ma@demo.test', toConfirm);
    const box = page.getByTestId('permit');
    await waitForStatus(page, 'endorsed');
    const form = box.getByTestId('import-form');
    const first = form.getByTestId('import-quantity-0');
    // Prefilled with what left; more than that is refused before anything is sent.
    await expect(first.inputValue()).resolves.toBe(String(exported[0]));
    await first.fill(String(exported[0]! + 1));
    await form.getByTestId('import-submit').click();
    await form.getByText(format(en.quantityTooMany, { max: exported[0]! })).waitFor();
    const received = exported[0]! - 1;
    await first.fill(String(received));
    await form.getByTestId('import-submit').click();
    await waitForStatus(page, 'used');
    await page.getByText(en.importDone).waitFor();
    const quantities = box.getByTestId('permit-quantities');
    await quantities.getByRole('columnheader', { name: en.permitReceived }).waitFor();
    const row = quantities.locator('tbody tr').first();
    await expect(row.locator('td').allTextContents()).resolves.toEqual([
      String(permit.authorisedQuantities[0]),
      String(exported[0]),
      String(received),
    ]);
    expect(await box.getByTestId('import-form').count()).toBe(0);
    await page.getByTestId('application-status').getByText(en.statusUsed).waitFor({ timeout: 20_000 });
    await noSidewaysScroll(page);
    await page.context().close();

    const used = (await stack.api<Permit>(`/api/permits/${toConfirm}`, { token: ma })).body;
    expect(used.status).toBe('used');
    expect(used.importConfirmation?.quantities).toEqual([received]);
  });

  it('lets the Management Authority ask for more information, and the applicant amend, then withdraw', async () => {
    const applicant = await stack.login('applicant@demo.test');
    const ma = await stack.login('ma@demo.test');
    const filed = await stack.api<Application>('/api/applications', { token: applicant, body: example });
    expect(filed.status).toBe(201);
    const id = filed.body.id;
    await eventually('the completeness check', async () =>
      (await stack.api<Task[]>('/api/tasks', { token: ma })).body.find(
        (task) => task.applicationId === id && task.type === 'completeness-check',
      ),
    );

    const officer = await signedInPage(browser, stack.baseUrl, 'ma@demo.test');
    await officer.goto(`${stack.baseUrl}/applications/${id}`);
    const decision = officer.getByTestId('decision-completeness-check');
    await decision.waitFor({ timeout: 20_000 });
    const ask = decision.getByRole('button', { name: en.decisionMoreInformation });
    await ask.click();
    await decision.getByTestId('comment-error').waitFor();
    await decision.getByLabel(en.decisionComment).fill('Attach the proof of legal acquisition');
    await ask.click();
    await officer
      .getByTestId('application-status')
      .getByText(en.statusMoreInformation)
      .waitFor({ timeout: 20_000 });
    await officer.context().close();

    const page = await signedInPage(browser, stack.baseUrl, 'applicant@demo.test', {
      width: 390,
      height: 844,
    });
    await page.goto(`${stack.baseUrl}/applications/${id}`);
    const box = page.getByTestId('more-information');
    await box.getByTestId('information-asked').getByText('Attach the proof of legal acquisition').waitFor();
    await box.getByTestId('amend-form').waitFor();
    await box.getByTestId('amend-send').click();
    await page.getByText(en.amendSent).waitFor({ timeout: 20_000 });
    await page.getByTestId('application-status').getByText(en.statusUnderReview).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('more-information').count()).toBe(0);

    const withdraw = page.getByTestId('withdraw');
    await withdraw.waitFor({ timeout: 20_000 });
    await withdraw.getByLabel(en.withdrawReason).fill('The buyer cancelled');
    await withdraw.getByTestId('withdraw-start').click();
    await withdraw.getByText(en.withdrawConfirm).waitFor();
    await withdraw.getByTestId('withdraw-confirm').click();
    await page.getByTestId('application-status').getByText(en.statusWithdrawn).waitFor({ timeout: 20_000 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.context().close();
  });
});
