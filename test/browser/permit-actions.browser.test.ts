import type { Browser } from 'playwright-core';
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
}
interface Permit {
  status: string;
  authorisedQuantities: number[];
  endorsement?: { quantities: number[]; port: string; date: string };
}

/**
 * An export is taken to its permit through the API (every open step of the Management and Scientific
 * Authorities approved), then a customs officer endorses the permit on the application's page on a
 * 390×844 phone: a quantity above the authorised one is refused at its field, and once sent the
 * permit box shows the permit endorsed with the port.
 */
describe('customs endorse an issued permit in the browser, on a phone', () => {
  let stack: TestStack;
  let browser: Browser;
  let applicationId = '';

  beforeAll(async () => {
    await ensureWebAppBuilt();
    [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
    const [applicant, ma, sa] = await Promise.all(
      ['applicant@demo.test', 'ma@demo.test', 'sa@demo.test'].map((email) => stack.login(email)),
    );
    const filed = await stack.api<Application>('/api/applications', { token: applicant, body: example });
    expect(filed.status).toBe(201);
    applicationId = filed.body.id;
    const decided = new Set<string>();
    await eventually(
      'the application issued',
      async () => {
        for (const token of [ma!, sa!]) {
          const tasks = (await stack.api<Task[]>('/api/tasks', { token })).body.filter(
            (task) => task.applicationId === applicationId && !decided.has(task.id),
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
        const application = await stack.api<Application>(`/api/applications/${applicationId}`, {
          token: applicant,
        });
        return application.body.status === 'issued' ? application.body : undefined;
      },
      200,
      300,
    );
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('endorses the permit with the quantities, port and date, and the permit box shows it endorsed', async () => {
    const page = await signedInPage(browser, stack.baseUrl, 'customs@demo.test', { width: 390, height: 844 });
    await page.goto(`${stack.baseUrl}/applications/${applicationId}`);
    await page.getByRole('heading', { level: 1, name: en.applicationTitle, exact: true }).waitFor();
    const box = page.getByTestId('permit');
    await box.getByTestId('permit-status').getByText(en.permitStatusValid).waitFor();
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
