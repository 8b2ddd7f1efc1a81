import type { Browser, Page } from 'playwright-core';
import { menuFor } from '../../admin-ui/src/navigation';
import { messages, type Language } from '../../admin-ui/src/messages';
import {
  demoPassword,
  en,
  ensureWebAppBuilt,
  launchBrowser,
  menuLabels,
  newContext,
} from '../support/browser';
import { startTestStack, type TestStack } from '../support/test-stack';

describe('the language switch', () => {
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

  async function choose(page: Page, from: Language, to: Language) {
    await page.getByLabel(messages[from].language).selectOption(to);
  }

  const lang = (page: Page) => page.locator('html').getAttribute('lang');

  it.each<[Language, Language]>([
    ['fr', 'es'],
    ['es', 'fr'],
  ])('switches to %s before signing in and to %s after, remembering the choice', async (first, second) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await page.goto(`${stack.baseUrl}/`);
      await page.getByRole('heading', { level: 1, name: en.signInTitle }).waitFor();
      await expect(lang(page)).resolves.toBe('en');

      await choose(page, 'en', first);
      const one = messages[first];
      await page.getByRole('heading', { level: 1, name: one.signInTitle }).waitFor();
      await expect(lang(page)).resolves.toBe(first);
      await expect(page.getByRole('note').textContent()).resolves.toBe(one.demoBanner);

      // A failed sign-in speaks the chosen language too.
      await page.getByLabel(one.email).fill('sa@demo.test');
      await page.getByLabel(one.password, { exact: true }).fill('wrong password');
      await page.getByRole('button', { name: one.signIn, exact: true }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toBe(one.signInFailed);

      await page.getByLabel(one.password, { exact: true }).fill(demoPassword);
      await page.getByRole('button', { name: one.signIn, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: one.homeTitle }).waitFor();
      expect(await menuLabels(page, one.mainNavigation)).toEqual(
        menuFor(['sa_officer']).map((entry) => one[entry.label]),
      );

      await page.reload();
      await page.getByRole('heading', { level: 1, name: one.homeTitle }).waitFor();
      await expect(lang(page)).resolves.toBe(first);

      await choose(page, first, second);
      const two = messages[second];
      await page.getByRole('heading', { level: 1, name: two.homeTitle }).waitFor();
      await expect(lang(page)).resolves.toBe(second);
      await expect(page.getByRole('button', { name: two.signOut }).count()).resolves.toBe(1);
      expect(await menuLabels(page, two.mainNavigation)).toEqual(
        menuFor(['sa_officer']).map((entry) => two[entry.label]),
      );
      await expect(page.title()).resolves.toBe(`${two.homeTitle} — Pangolin`);
    } finally {
      await context.close();
    }
  });

  it('starts in the browser language when nothing is stored', async () => {
    const context = await newContext(browser, { locale: 'es-ES' });
    const page = await context.newPage();
    try {
      await page.goto(`${stack.baseUrl}/`);
      await page.getByRole('heading', { level: 1, name: messages.es.signInTitle }).waitFor();
      await expect(lang(page)).resolves.toBe('es');
    } finally {
      await context.close();
    }
  });
});
