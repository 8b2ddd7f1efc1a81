import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { format } from '../../admin-ui/src/messages';
import {
  ApiUser,
  demoAccounts,
  demoPassword,
  en,
  ensureWebAppBuilt,
  launchBrowser,
  newContext,
  openFromMenu,
  signIn,
} from '../support/browser';
import { startTestStack, testConfig, type TestStack } from '../support/test-stack';

const temporalUi = 'http://127.0.0.1:8233/namespaces/default/workflows';

describe('administration pages', () => {
  let stack: TestStack;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebAppBuilt();
    [stack, browser] = await Promise.all([
      startTestStack(testConfig({ PANGOLIN_TEMPORAL_UI_URL: temporalUi })),
      launchBrowser(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function signedIn(email: string): Promise<Page> {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${stack.baseUrl}/`);
    await signIn(page, email, demoPassword);
    await page.getByRole('heading', { level: 1, name: en.homeTitle }).waitFor();
    return page;
  }

  it('lets an admin create a user, change the roles and disable the account', async () => {
    const page = await signedIn('admin@demo.test');
    try {
      await openFromMenu(page, en.navUsers);
      await page.getByRole('heading', { level: 1, name: en.usersTitle }).waitFor();
      const table = page.getByRole('table');
      await table.waitFor();
      for (const account of demoAccounts) {
        await expect(table.textContent()).resolves.toContain(account.email);
      }

      await page.getByRole('link', { name: en.userCreateTitle }).click();
      await page.getByRole('heading', { level: 1, name: en.userCreateTitle }).waitFor();

      // Nothing filled in: one alert listing every field, each field marked and described.
      await page.getByRole('button', { name: en.createUser }).click();
      const summary = page.getByRole('alert');
      await expect(summary.getByRole('link').count()).resolves.toBe(4);
      await expect(page.getByLabel(en.name).getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(page.getByLabel(en.name).getAttribute('aria-describedby')).resolves.toContain(
        'name-error',
      );
      await expect(page.locator('#name-error').textContent()).resolves.toBe(en.nameMissing);

      const email = `officer-${randomUUID().slice(0, 8)}@example.org`;
      await page.getByLabel(en.email).fill(email);
      await page.getByLabel(en.name).fill('Grace Officer');
      await page.getByRole('checkbox', { name: en.roleSaOfficer }).check();
      await page.getByLabel(en.initialPassword).fill('a long initial password');
      await page.getByRole('button', { name: en.createUser }).click();

      await page.getByRole('heading', { level: 1, name: en.usersTitle }).waitFor();
      await page.getByText(format(en.userCreated, { email })).waitFor();
      const row = page.getByRole('row').filter({ hasText: email });
      await expect(row.textContent()).resolves.toContain(en.roleSaOfficer);

      await row.getByRole('link', { name: email }).click();
      await page.getByRole('heading', { level: 1, name: en.userEditTitle }).waitFor();
      await page.getByRole('checkbox', { name: en.roleFormDesigner }).check();
      await page.getByRole('button', { name: en.save }).click();
      await page.getByText(en.userSaved).waitFor();

      await page.getByRole('button', { name: en.disableUser }).click();
      await page.getByText(en.userDisabledNow).waitFor();
      await page.getByRole('button', { name: en.enableUser }).waitFor();

      const admin = await ApiUser.signIn(stack.baseUrl, 'admin@demo.test', demoPassword);
      const users = await admin.call<Array<{ email: string; roles: string[]; disabled: boolean }>>(
        'GET',
        '/api/users',
      );
      const saved = users.find((user) => user.email === email);
      expect(saved?.disabled).toBe(true);
      expect([...(saved?.roles ?? [])].sort()).toEqual(['form_designer', 'sa_officer']);
      const signInAttempt = await fetch(`${stack.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'a long initial password' }),
      });
      expect(signInAttempt.status).toBe(401);

      await openFromMenu(page, en.navSystemStatus);
      await page.getByRole('heading', { level: 1, name: en.systemStatus }).waitFor();
      const status = page.locator('dl.status');
      await status.waitFor();
      await expect(status.locator('dd.ok').count()).resolves.toBe(2);
      const temporalLink = page.getByRole('link', { name: en.temporalUiLink });
      await expect(temporalLink.getAttribute('href')).resolves.toBe(temporalUi);
      await expect(temporalLink.getAttribute('target')).resolves.toBe('_blank');
    } finally {
      await page.context().close();
    }
  });

  it('tells a locked-out user when to try again, and lets an admin unlock the account', async () => {
    const admin = await ApiUser.signIn(stack.baseUrl, 'admin@demo.test', demoPassword);
    const email = `locked-${randomUUID().slice(0, 8)}@example.org`;
    const password = 'the right long password';
    await admin.call('POST', '/api/users', { email, name: 'Lee Locked', roles: ['applicant'], password });

    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await page.goto(`${stack.baseUrl}/`);
      const alert = page.getByRole('alert');
      const prefix = en.errorTooManyAttemptsUntil.slice(0, en.errorTooManyAttemptsUntil.indexOf('{time}'));
      let attempts = 0;
      let said = '';
      // The server locks after a configured number of failures; keep failing until it says so.
      do {
        attempts += 1;
        expect(attempts).toBeLessThanOrEqual(20);
        await signIn(page, email, `wrong password ${attempts}`);
        await page.getByRole('button', { name: en.signIn, exact: true }).waitFor();
        said = (await alert.textContent()) ?? '';
      } while (!said.startsWith(prefix));
      expect(said).toMatch(/\d{1,2}:\d{2}/);

      // Even the right password is refused while the lock lasts.
      await signIn(page, email, password);
      await expect(alert.textContent()).resolves.toMatch(new RegExp(`^${escape(prefix)}`));

      const adminPage = await signedIn('admin@demo.test');
      try {
        await openFromMenu(adminPage, en.navUsers);
        const row = adminPage.getByRole('row').filter({ hasText: email });
        await expect(row.textContent()).resolves.toContain(en.userLockedUntil.replace(' {time}', ''));
        await row.getByRole('link', { name: email }).click();
        await adminPage.getByRole('button', { name: en.unlockUser }).click();
        await adminPage.getByText(en.userUnlocked).waitFor();
        await expect(adminPage.getByRole('button', { name: en.unlockUser }).count()).resolves.toBe(0);
      } finally {
        await adminPage.context().close();
      }

      await signIn(page, email, password);
      await page.getByRole('heading', { level: 1, name: en.homeTitle }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('shows an auditor the trail, newest first, and verifies the chain', async () => {
    const page = await signedIn('auditor@demo.test');
    try {
      await openFromMenu(page, en.navAudit);
      await page.getByRole('heading', { level: 1, name: en.auditTitle }).waitFor();
      const rows = page.getByRole('table').locator('tbody tr');
      await rows.first().waitFor();
      const numbers = (await rows.locator('td:first-child').allTextContents()).map(Number);
      expect(numbers.length).toBeGreaterThan(0);
      expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
      // This auditor's own sign-in is on the trail under their address.
      await expect(page.getByRole('table').textContent()).resolves.toContain('auditor@demo.test');

      await page.getByRole('button', { name: en.auditVerify }).click();
      const verdict = page.locator('.verdict');
      await verdict.waitFor();
      await expect(verdict.textContent()).resolves.toMatch(
        new RegExp(`^${escape(en.auditIntact).replace('\\{count\\}', '\\d+')}$`),
      );
    } finally {
      await page.context().close();
    }
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
