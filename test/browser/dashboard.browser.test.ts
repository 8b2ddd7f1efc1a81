import fs from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import example from '../../examples/applications/export-appendix-ii-wild.json';
import { format, messages } from '../../admin-ui/src/messages';
import { countryName } from '../../domain/codes/lookups';
import { en, ensureWebAppBuilt, launchBrowser, openFromMenu, signedInPage } from '../support/browser';
import { issuePermitThroughApi } from '../support/issued-permit';
import { startTestStack, type TestStack } from '../support/test-stack';

const phone = { width: 390, height: 844 };
const desk = { width: 1280, height: 900 };
const fr = messages.fr;
const year = new Date().getFullYear();

/** The example export, of 2 hippopotamuses to the United States: a second species and partner, no quota. */
const hipposToTheUnitedStates = {
  ...example,
  data: {
    ...example.data,
    importer: {
      ...example.data.importer,
      address: { ...example.data.importer.address, city: 'Miami', postcode: '33101', country: 'US' },
    },
    blocks: [
      {
        ...example.data.blocks[0]!,
        scientificName: 'Hippopotamus amphibius',
        commonName: 'Hippopotamus',
        description: { term: 'LIV', text: 'live calves', age: 'juvenile' },
        quantity: 2,
      },
    ],
  },
};

const cards = [
  'chart-applications',
  'chart-processing-times',
  'chart-species',
  'chart-partners',
  'chart-quotas',
  'chart-quota-monitoring',
] as const;

/**
 * The Management Authority sets a quota of 60 ball pythons for the year; then 50 of them are issued
 * to Germany and 2 hippopotamuses to the United States through the API. An MA officer opens the
 * dashboard on a phone and at a desk: every chart is drawn with its figures, the python quota is
 * nearly used, a chart's CSV holds exactly its figures, a year without permits says so, and the
 * titles follow the language switch.
 */
describe('the dashboard', () => {
  let stack: TestStack;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebAppBuilt();
    [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
    const ma = await stack.login('ma@demo.test');
    const quota = await stack.api('/api/quotas', {
      token: ma,
      body: { year, scientificName: 'Python regius', quantity: 60 },
    });
    expect(quota.status).toBe(200);
    await Promise.all([issuePermitThroughApi(stack), issuePermitThroughApi(stack, hipposToTheUnitedStates)]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const noSidewaysScroll = async (page: Page, width: number) =>
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);

  /** Waits until the card has its figures, or fails with what it showed instead. */
  async function loaded(page: Page, id: string): Promise<void> {
    await page
      .locator(`[data-testid="${id}"][aria-busy="false"]`)
      .waitFor({ timeout: 20_000 })
      .catch(async (error: unknown) => {
        throw new Error(`${String(error)}\nThe card showed: ${await page.getByTestId(id).textContent()}`);
      });
  }

  /** The rows of the figures a card gives screen readers, cell by cell. */
  const figures = async (card: Locator): Promise<string[][]> =>
    Promise.all((await card.locator('table tr').all()).map((row) => row.locator('th, td').allTextContents()));

  async function dashboard(viewport: { width: number; height: number }): Promise<Page> {
    const page = await signedInPage(browser, stack.baseUrl, 'ma@demo.test', viewport);
    if (viewport.width >= desk.width) await openFromMenu(page, en.navDashboard);
    else await page.goto(`${stack.baseUrl}/dashboard`);
    await page.getByRole('heading', { level: 1, name: en.dashboardTitle }).waitFor();
    for (const id of cards) await loaded(page, id);
    return page;
  }

  it.each([
    ['a 390×844 phone', phone],
    ['a desk', desk],
  ])('draws every chart with its figures on %s', async (_, viewport) => {
    const page = await dashboard(viewport);
    try {
      const bars: Record<string, number> = {};
      for (const id of cards) {
        const card = page.getByTestId(id);
        await expect(card.locator('.recharts-wrapper').count()).resolves.toBe(1);
        bars[id] = await card.locator('.recharts-bar-rectangle').count();
      }
      // Steps decided within seconds take 0.0 days: their bars have no length to draw.
      expect(bars).toMatchObject({
        'chart-applications': 1,
        'chart-species': 2,
        'chart-partners': 2,
        'chart-quotas': 1,
        'chart-quota-monitoring': 1,
      });

      const applications = page.getByTestId('chart-applications');
      await applications.getByText(format(en.dashboardApplicationsTotal, { count: 2 })).waitFor();
      const [header, ...periods] = await figures(applications);
      expect(header).toEqual([en.dashboardPeriod, en.statusIssued, en.dashboardTotal]);
      expect(periods.at(-1)!.slice(1)).toEqual(['2', '2']);

      const steps = await figures(page.getByTestId('chart-processing-times'));
      expect(steps[0]).toEqual([
        en.dashboardStep,
        en.dashboardDecided,
        en.dashboardMedianDays,
        en.dashboardP90Days,
      ]);
      expect(steps.length).toBeGreaterThan(1);

      await expect(figures(page.getByTestId('chart-species'))).resolves.toEqual([
        [en.dashboardSpecies, en.dashboardPermits, en.dashboardQuantity],
        ['Python regius', '1', '50'],
        ['Hippopotamus amphibius', '1', '2'],
      ]);
      await expect(figures(page.getByTestId('chart-partners'))).resolves.toEqual([
        [en.dashboardCountryCode, en.dashboardCountry, en.dashboardPermits],
        ['DE', countryName('DE', 'en'), '1'],
        ['US', countryName('US', 'en'), '1'],
      ]);

      const pythons = page
        .getByTestId('quota-list')
        .getByRole('listitem')
        .filter({ hasText: 'Python regius' });
      await expect(pythons.textContent()).resolves.toContain(
        format(en.dashboardQuotaUsed, { used: 50, quota: 60, unit: en.dashboardSpecimens, left: 10 }),
      );
      await expect(pythons.getByTestId('quota-badge').textContent()).resolves.toBe(en.dashboardNearlyUsed);
      const monitored = page
        .getByTestId('monitoring-list')
        .getByRole('listitem')
        .filter({ hasText: 'Python regius' });
      await expect(monitored.textContent()).resolves.toContain(
        format(en.dashboardMonitoringLine, {
          exported: 0,
          reserved: 50,
          quota: 60,
          unit: en.dashboardSpecimens,
        }),
      );
      await expect(monitored.getByTestId('quota-badge').textContent()).resolves.toBe(en.dashboardNearlyUsed);

      await noSidewaysScroll(page, viewport.width);
    } finally {
      await page.context().close();
    }
  });

  it('downloads a chart’s figures as CSV', async () => {
    const page = await dashboard(desk);
    try {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('chart-species-csv').click(),
      ]);
      expect(download.suggestedFilename()).toBe(`permits-by-species-${year}.csv`);
      const content = fs.readFileSync((await download.path())!, 'utf8');
      expect(content).toBe(
        '\ufeffSpecies,Permits,Quantity\r\nPython regius,1,50\r\nHippopotamus amphibius,1,2\r\n',
      );
    } finally {
      await page.context().close();
    }
  });

  it('says plainly that a year had no permits and no quotas', async () => {
    const page = await dashboard(phone);
    try {
      await page.getByLabel(en.dashboardYear).selectOption(String(year - 1));
      const none = format(en.dashboardNoPermits, { year: year - 1 });
      await page.getByTestId('chart-species').getByText(none).waitFor();
      await page.getByTestId('chart-partners').getByText(none).waitFor();
      const noQuotas = format(en.dashboardNoQuotas, { year: year - 1 });
      await page.getByTestId('chart-quotas').getByText(noQuotas).waitFor();
      await page.getByTestId('chart-quota-monitoring').getByText(noQuotas).waitFor();
      await expect(page.getByTestId('chart-species-csv').count()).resolves.toBe(0);
      await noSidewaysScroll(page, phone.width);
    } finally {
      await page.context().close();
    }
  });

  it('speaks French once French is chosen', async () => {
    const page = await dashboard(desk);
    try {
      await page.getByLabel(en.language).selectOption('fr');
      await page.getByRole('heading', { level: 1, name: fr.dashboardTitle }).waitFor();
      for (const title of [
        fr.dashboardApplicationsTitle,
        fr.dashboardProcessingTitle,
        fr.dashboardSpeciesTitle,
        fr.dashboardPartnersTitle,
        fr.dashboardQuotasTitle,
        fr.dashboardMonitoringTitle,
      ]) {
        await page.getByRole('heading', { level: 2, name: title }).waitFor();
      }
      const pythons = page
        .getByTestId('quota-list')
        .getByRole('listitem')
        .filter({ hasText: 'Python regius' });
      await expect(pythons.getByTestId('quota-badge').textContent()).resolves.toBe(fr.dashboardNearlyUsed);
      await expect(figures(page.getByTestId('chart-partners'))).resolves.toContainEqual([
        'DE',
        countryName('DE', 'fr'),
        '1',
      ]);
    } finally {
      await page.context().close();
    }
  });
});
