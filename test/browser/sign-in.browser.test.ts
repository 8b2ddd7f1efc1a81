import type { Browser } from 'playwright-core';
import { menuFor, roleTexts } from '../../admin-ui/src/navigation';
import {
  demoAccounts,
  demoPassword,
  en,
  ensureWebAppBuilt,
  launchBrowser,
  menuLabels,
  newContext,
  openFromMenu,
  signIn,
} from '../support/browser';
import { startTestStack, type TestStack } from '../support/test-stack';

describe('signing in to the web app', () => {
  let stack: TestStack;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebAppBuilt();
    [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function openSignIn() {
    const context = await newContext(browser);
    const page = await context.newPage();
    // Script errors and content-security-policy violations; refused API calls are expected.
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        problems.push(message.text());
      }
    });
    await page.goto(`${stack.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: en.signInTitle }).waitFor();
    return { context, page, problems };
  }

  it.each(demoAccounts.map((account) => [account.email, account.role, account] as const))(
    '%s signs in and sees the menu of %s',
    async (_email, _role, account) => {
      const { context, page, problems } = await openSignIn();
      try {
        await signIn(page, account.email, demoPassword);
        await page.getByRole('heading', { level: 1, name: en.homeTitle }).waitFor();

        const expected = menuFor([account.role]).map((entry) => en[entry.label]);
        expect(await menuLabels(page)).toEqual(expected);
        await expect(page.getByRole('banner').textContent()).resolves.toContain(account.email);
        await expect(page.getByRole('note').textContent()).resolves.toBe(en.demoBanner);
        await expect(page.getByRole('main').textContent()).resolves.toContain(
          en[roleTexts[account.role].name],
        );
        await expect(page.getByRole('link', { name: en.navHome }).getAttribute('aria-current')).resolves.toBe(
          'page',
        );
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it('shows an alert for a wrong password and stays on the sign-in page', async () => {
    const { context, page } = await openSignIn();
    try {
      await signIn(page, 'ma@demo.test', 'not-the-password');
      const alert = page.getByRole('alert');
      await expect(alert.textContent()).resolves.toBe(en.signInFailed);
      const alertId = await alert.getAttribute('id');
      await expect(page.getByLabel(en.password, { exact: true }).getAttribute('aria-invalid')).resolves.toBe(
        'true',
      );
      await expect(
        page.getByLabel(en.password, { exact: true }).getAttribute('aria-describedby'),
      ).resolves.toContain(alertId);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(en.signInTitle);
      await expect(page.getByRole('navigation', { name: en.mainNavigation }).count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });

  it('keeps the session in an httpOnly cookie only, across reloads, until signing out', async () => {
    const { context, page } = await openSignIn();
    try {
      await signIn(page, 'auditor@demo.test', demoPassword);
      await page.getByRole('heading', { level: 1, name: en.homeTitle }).waitFor();

      const cookies = await context.cookies();
      const session = cookies.find((cookie) => cookie.name === 'pangolin_session');
      expect(session).toMatchObject({ httpOnly: true });
      const stored = await page.evaluate('JSON.stringify([{ ...localStorage }, { ...sessionStorage }])');
      expect(stored).not.toContain(session!.value);
      await expect(page.evaluate('document.cookie')).resolves.not.toContain(session!.value);

      await page.reload();
      await page.getByRole('heading', { level: 1, name: en.homeTitle }).waitFor();

      await page.getByRole('button', { name: en.signOut }).click();
      await page.getByRole('heading', { level: 1, name: en.signInTitle }).waitFor();
      await expect(page.getByRole('status').first().textContent()).resolves.toBe(en.signedOutNotice);
      const me = await page.request.get(`${stack.baseUrl}/api/auth/me`);
      expect(me.status()).toBe(401);
    } finally {
      await context.close();
    }
  });

  it('opens a deep link after signing in, and refuses pages the roles do not give', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await page.goto(`${stack.baseUrl}/users`);
      await signIn(page, 'applicant@demo.test', demoPassword);
      await page.getByRole('heading', { level: 1, name: en.forbiddenTitle }).waitFor();
      await expect(page.getByRole('main').textContent()).resolves.toContain(en.forbiddenText);

      await page.goto(`${stack.baseUrl}/no-such-page`);
      await page.getByRole('heading', { level: 1, name: en.notFoundTitle }).waitFor();

      await openFromMenu(page, en.navAccount);
      await page.getByRole('heading', { level: 1, name: en.accountTitle }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/account');
      // Focus follows the navigation to the new page's heading.
      await expect(page.evaluate('document.activeElement && document.activeElement.tagName')).resolves.toBe(
        'H1',
      );
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: en.notFoundTitle }).waitFor();
    } finally {
      await context.close();
    }
  });
});
