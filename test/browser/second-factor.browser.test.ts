import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { menuFor } from '../../admin-ui/src/navigation';
import {
  ApiUser,
  demoPassword,
  en,
  ensureWebAppBuilt,
  freshTotp,
  launchBrowser,
  menuLabels,
  newContext,
  openFromMenu,
  signIn,
  totp,
  totpStep,
} from '../support/browser';
import { startTestStack, type TestStack } from '../support/test-stack';

describe('two-factor sign-in', () => {
  let stack: TestStack;
  let browser: Browser;
  let admin: ApiUser;
  const password = 'correct horse battery staple';

  beforeAll(async () => {
    await ensureWebAppBuilt();
    [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
    admin = await ApiUser.signIn(stack.baseUrl, 'admin@demo.test', demoPassword);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function freshUser(role: string): Promise<{ id: string; email: string }> {
    const email = `${role}-${randomUUID().slice(0, 8)}@example.org`;
    const created = await admin.call<{ id: string }>('POST', '/api/users', {
      email,
      name: 'Test Officer',
      roles: [role],
      password,
    });
    return { id: created.id, email };
  }

  async function openSignIn(): Promise<Page> {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${stack.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: en.signInTitle }).waitFor();
    return page;
  }

  it('asks for the code after the password and signs in with it', async () => {
    const { email } = await freshUser('ma_officer');
    const user = await ApiUser.signIn(stack.baseUrl, email, password);
    const { secret } = await user.call<{ secret: string }>('POST', '/api/auth/totp/setup');
    const enabledAt = Date.now();
    await user.call('POST', '/api/auth/totp/enable', { code: totp(secret, enabledAt) });

    const page = await openSignIn();
    try {
      await signIn(page, email, password);
      const code = page.getByLabel(en.verificationCode);
      await page.getByRole('heading', { level: 2, name: en.secondFactorTitle }).waitFor();
      await expect(code.getAttribute('inputmode')).resolves.toBe('numeric');
      await expect(code.getAttribute('autocomplete')).resolves.toBe('one-time-code');
      await expect(page.evaluate('document.activeElement.id')).resolves.toBe(await code.getAttribute('id'));

      const valid = new Set([-1, 0, 1].map((drift) => totp(secret, Date.now() + drift * 30_000)));
      const wrong = ['000000', '111111', '222222', '333333'].find((candidate) => !valid.has(candidate))!;
      await code.fill(wrong);
      await page.getByRole('button', { name: en.verify }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toBe(en.signInWrongCode);
      await expect(code.getAttribute('aria-invalid')).resolves.toBe('true');

      await code.fill(await freshTotp(secret, totpStep(enabledAt)));
      await page.getByRole('button', { name: en.verify }).click();
      await page.getByRole('heading', { level: 1, name: en.homeTitle }).waitFor();
      expect(await menuLabels(page)).toEqual(menuFor(['ma_officer']).map((entry) => en[entry.label]));
    } finally {
      await page.context().close();
    }
  });

  it('sends a user who must enrol to My account until the authenticator app is set up', async () => {
    const { id, email } = await freshUser('customs_officer');
    await admin.call('PATCH', `/api/users/${id}`, { totpRequired: true });

    const page = await openSignIn();
    try {
      await signIn(page, email, password);
      await page.getByRole('heading', { level: 1, name: en.accountTitle }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/account');
      await expect(page.getByRole('main').textContent()).resolves.toContain(en.mustEnrollText);

      await openFromMenu(page, en.navHome);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(en.accountTitle);
      expect(new URL(page.url()).pathname).toBe('/account');

      await page.getByRole('button', { name: en.totpSetUp }).click();
      const qr = page.getByRole('img', { name: en.qrAlt });
      await qr.waitFor();
      await expect(qr.getAttribute('src')).resolves.toMatch(/^data:image\/png;base64,/);
      const secret = ((await page.locator('code.secret').textContent()) ?? '').replace(/\s/g, '');
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

      const enabledAt = Date.now();
      await page.getByLabel(en.totpEnterCode).fill(totp(secret, enabledAt));
      await page.getByRole('button', { name: en.totpEnable }).click();
      await page.getByText(en.totpNowOn).waitFor();

      await openFromMenu(page, en.navHome);
      await page.getByRole('heading', { level: 1, name: en.homeTitle }).waitFor();

      await page.getByRole('button', { name: en.signOut }).click();
      await page.getByRole('heading', { level: 1, name: en.signInTitle }).waitFor();
      await signIn(page, email, password);
      await page.getByLabel(en.verificationCode).fill(await freshTotp(secret, totpStep(enabledAt)));
      await page.getByRole('button', { name: en.verify }).click();
      await page.getByRole('heading', { level: 1, name: en.homeTitle }).waitFor();
    } finally {
      await page.context().close();
    }
  });
});
