import type { Browser } from 'playwright-core';
import { menuFor } from '../../admin-ui/src/navigation';
import {
  demoPassword,
  en,
  ensureWebAppBuilt,
  launchBrowser,
  menuLabels,
  newContext,
  signIn,
} from '../support/browser';
import { startTestStack, type TestStack } from '../support/test-stack';

describe('on a 360×740 phone screen', () => {
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

  it('folds the navigation behind a menu button that opens and closes it', async () => {
    const context = await newContext(browser, { viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    try {
      await page.goto(`${stack.baseUrl}/`);
      await signIn(page, 'admin@demo.test', demoPassword);
      await page.getByRole('heading', { level: 1, name: en.homeTitle }).waitFor();

      const button = page.getByRole('button', { name: en.menu });
      const navigation = page.getByRole('navigation', { name: en.mainNavigation });
      const usersLink = navigation.getByRole('link', { name: en.navUsers });
      await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(usersLink.isVisible()).resolves.toBe(false);
      await expect(page.getByRole('button', { name: en.signOut }).isVisible()).resolves.toBe(false);

      await button.click();
      await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
      const controlled = await button.getAttribute('aria-controls');
      await expect(page.locator(`[id="${controlled}"]`).isVisible()).resolves.toBe(true);
      await expect(usersLink.isVisible()).resolves.toBe(true);
      expect(await menuLabels(page)).toEqual(menuFor(['admin']).map((entry) => en[entry.label]));
      await expect(page.getByRole('button', { name: en.signOut }).isVisible()).resolves.toBe(true);

      await usersLink.click();
      await page.getByRole('heading', { level: 1, name: en.usersTitle }).waitFor();
      await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(usersLink.isVisible()).resolves.toBe(false);

      // Escape closes the menu and gives focus back to its button.
      await button.click();
      await page.keyboard.press('Escape');
      await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(page.evaluate('document.activeElement.getAttribute("aria-controls")')).resolves.toBe(
        controlled,
      );

      await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(360);
    } finally {
      await context.close();
    }
  });

  it('fits the sign-in page without sideways scrolling', async () => {
    const context = await newContext(browser, { viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    try {
      await page.goto(`${stack.baseUrl}/`);
      await page.getByRole('heading', { level: 1, name: en.signInTitle }).waitFor();
      await expect(page.getByRole('button', { name: en.signIn, exact: true }).isVisible()).resolves.toBe(
        true,
      );
      await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(360);
    } finally {
      await context.close();
    }
  });
});
