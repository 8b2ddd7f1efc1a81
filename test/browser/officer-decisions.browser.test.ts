import type { Browser, Locator, Page, Request } from 'playwright-core';
import type { Task } from '../../admin-ui/src/api/types';
import example from '../../examples/applications/export-appendix-ii-wild.json';
import { format } from '../../admin-ui/src/messages';
import { en, ensureWebAppBuilt, launchBrowser, signedInPage } from '../support/browser';
import { TaskRepository, taskIdOf } from '../../store/tasks';
import { startTestStack, type TestStack } from '../support/test-stack';

interface Application {
  id: string;
  status: string;
  procedure: { steps: Array<{ id: string; title: { en: string } }> };
}

const findings = {
  sa: ['sa-non-detriment', 'sa-export-monitoring'],
  ma: ['ma-legal-acquisition', 'ma-live-shipment-conditions', 'veterinary-check'],
};

/**
 * An Appendix-II export of live wild pythons goes through its whole lifecycle in the browser: the
 * Management Authority finds it in the inbox (on a phone too) and checks it is complete, the
 * Scientific Authority makes its two findings, the Management Authority its three and the decision,
 * and the applicant then reads on the application's page that the permit was issued, and its number.
 */
describe('officers decide an export application in the browser until its permit is issued', () => {
  let stack: TestStack;
  let browser: Browser;
  let applicationId = '';
  const titles: Record<string, string> = {};

  beforeAll(async () => {
    await ensureWebAppBuilt();
    [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
    const applicant = await stack.login('applicant@demo.test');
    const filed = await stack.api<Application>('/api/applications', { token: applicant, body: example });
    expect(filed.status).toBe(201);
    applicationId = filed.body.id;
    for (const step of filed.body.procedure.steps) titles[step.id] = step.title.en;
    expect(Object.keys(titles).sort()).toEqual(
      ['completeness-check', ...findings.sa, ...findings.ma, 'final-decision'].sort(),
    );
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const signedIn = (email: string, viewport?: { width: number; height: number }): Promise<Page> =>
    signedInPage(browser, stack.baseUrl, email, viewport);

  /** The inbox card of this application's step, refreshing until the workflow has opened it. */
  async function inboxCard(page: Page, step: string): Promise<Locator> {
    const card = page
      .getByTestId(`task-${step}`)
      .filter({ has: page.getByRole('link', { name: applicationId, exact: true }) });
    for (let attempt = 0; attempt < 60; attempt++) {
      if ((await card.count()) > 0) return card;
      await page.waitForTimeout(250);
      await page.getByRole('button', { name: en.tasksRefresh, exact: true }).click();
    }
    throw new Error(`the inbox never showed ${step} of ${applicationId}`);
  }

  const decisionOn = (page: Page, step: string) => page.getByTestId(`decision-${step}`);

  /** Approves a step on the application's page and waits for the confirmation. */
  async function approve(page: Page, step: string): Promise<void> {
    const form = decisionOn(page, step);
    await form.waitFor({ timeout: 20_000 });
    await form.getByRole('button', { name: en.decisionApprove }).click();
    await page
      .getByTestId('decisions')
      .getByText(format(en.decisionApproved, { step: titles[step]! }))
      .waitFor();
    await form.waitFor({ state: 'detached' });
  }

  const timeline = (page: Page) => page.getByTestId('timeline');

  /** The query of a request for the inbox's tasks; null for any other request. */
  const taskQuery = (request: Request): URLSearchParams | null => {
    const url = new URL(request.url());
    return request.method() === 'GET' && url.pathname === '/api/tasks' ? url.searchParams : null;
  };

  it('shows the Management Authority its inbox as cards that fit a 390×844 phone', async () => {
    const page = await signedIn('ma@demo.test', { width: 390, height: 844 });
    await page.getByRole('button', { name: en.menu }).click();
    await page
      .getByRole('navigation', { name: en.mainNavigation })
      .getByRole('link', { name: en.navTasks })
      .click();
    await page.getByRole('heading', { level: 1, name: en.tasksTitle }).waitFor();
    const card = await inboxCard(page, 'completeness-check');
    await card.getByRole('heading', { name: titles['completeness-check'] }).waitFor();
    await expect(card.textContent()).resolves.toContain('Export permit');
    await expect(card.locator('time').first().getAttribute('datetime')).resolves.toMatch(/^\d{4}-/);
    // Cards, not a wide table: nothing to scroll sideways, each card within the screen.
    expect(await page.locator('main table').count()).toBe(0);
    const box = await card.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);

    // The filter by step asks the server for the tasks of the chosen kind only.
    const byStep = page.waitForRequest((request) => taskQuery(request)?.get('step') === 'completeness-check');
    await page.getByLabel(en.tasksFilter, { exact: true }).selectOption('completeness-check');
    await byStep;
    await page
      .getByTestId('tasks-count')
      .getByText(format(en.tasksStepCount, { count: 1 }))
      .waitFor();
    expect(await page.getByTestId('tasks').locator('li').count()).toBeGreaterThan(0);
    expect(
      await page.getByTestId('tasks').locator('li:not([data-testid="task-completeness-check"])').count(),
    ).toBe(0);
    await page.getByLabel(en.tasksFilter, { exact: true }).selectOption('');

    // "Escalated only" asks the server for the escalated tasks. No deadline passes in this test, so
    // the task is flagged in the store the way the lifecycle flags it when its deadline passes.
    await new TaskRepository(stack.store).escalate(
      taskIdOf(applicationId, 'completeness-check'),
      'supervisor@demo.test',
      new Date('2026-03-09T08:30:00.000Z'),
    );
    const asked = page.waitForRequest((request) => taskQuery(request)?.get('escalated') === 'true');
    await page.getByLabel(en.tasksEscalatedOnly).check();
    await asked;
    await page
      .getByTestId('tasks-count')
      .getByText(format(en.tasksEscalatedCount, { count: 1 }))
      .waitFor();
    const escalated = page.getByTestId('tasks').locator('li[data-escalated="true"]');
    await expect(escalated.count()).resolves.toBe(1);
    const badge = escalated.getByTestId('task-escalated');
    await expect(badge.textContent()).resolves.toMatch(/^Escalated \S/);
    await expect(escalated.textContent()).resolves.toContain('supervisor@demo.test');
    const badgeBox = await badge.boundingBox();
    expect(badgeBox!.x + badgeBox!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    // The whole list again, the escalated task flagged among the others.
    await page.getByLabel(en.tasksEscalatedOnly).uncheck();
    await page
      .getByTestId('tasks-count')
      .getByText(/^Open tasks: \d+/)
      .waitFor();
    await (await inboxCard(page, 'completeness-check')).getByTestId('task-escalated').waitFor();
    await page.context().close();
  });

  it('lets the Management Authority open the application from the inbox and approve its completeness', async () => {
    const page = await signedIn('ma@demo.test');
    await page
      .getByRole('navigation', { name: en.mainNavigation })
      .getByRole('link', { name: en.navTasks })
      .click();
    const card = await inboxCard(page, 'completeness-check');
    await card.getByRole('link', { name: applicationId, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: en.applicationTitle, exact: true }).waitFor();
    await expect(page.getByTestId('application-id').textContent()).resolves.toBe(applicationId);

    // A refusal needs its reasons: the server's 422 shows next to the comment.
    const form = decisionOn(page, 'completeness-check');
    await form.getByRole('heading', { name: titles['completeness-check'] }).waitFor();
    await form.getByRole('button', { name: en.decisionRefuse }).click();
    await form.getByTestId('comment-error').getByText(en.decisionReasonsRequired).waitFor();
    await expect(form.getByLabel(en.decisionComment).getAttribute('aria-invalid')).resolves.toBe('true');

    await approve(page, 'completeness-check');
    // The workflow opens the findings a moment later; the page looks for them by itself.
    for (const step of findings.ma) await decisionOn(page, step).waitFor({ timeout: 20_000 });
    await timeline(page).getByText(`Approved: ${titles['completeness-check']}`).waitFor();
    await expect(page.getByTestId('application-status').textContent()).resolves.toBe(en.statusUnderReview);
    await page.context().close();
  });

  it('lets the Scientific Authority make its two findings', async () => {
    const page = await signedIn('sa@demo.test');
    await page
      .getByRole('navigation', { name: en.mainNavigation })
      .getByRole('link', { name: en.navTasks })
      .click();
    await inboxCard(page, 'sa-export-monitoring');
    const card = await inboxCard(page, 'sa-non-detriment');
    await card.getByRole('link', { name: applicationId, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: en.applicationTitle, exact: true }).waitFor();
    // The Management Authority's findings are not the Scientific Authority's to decide.
    await decisionOn(page, 'sa-non-detriment').waitFor();
    expect(await decisionOn(page, 'ma-legal-acquisition').count()).toBe(0);

    await approve(page, findings.sa[0]!);
    // Nothing new opens for the Scientific Authority: the page keeps looking for a few seconds.
    await page.getByTestId('decisions').getByText(en.decisionWaiting).waitFor();
    await approve(page, findings.sa[1]!);
    await page.getByTestId('decisions-done').waitFor({ timeout: 20_000 });
    for (const step of findings.sa) await timeline(page).getByText(`Approved: ${titles[step]}`).waitFor();
    await page.context().close();
  });

  it('lets the Management Authority make its findings and the decision; a step decided elsewhere is refused', async () => {
    const page = await signedIn('ma@demo.test');
    await page.goto(`${stack.baseUrl}/applications/${applicationId}`);
    for (const step of findings.ma) await decisionOn(page, step).waitFor();
    // A second tab of the same officer, left open on the same steps.
    const stale = await page.context().newPage();
    await stale.goto(`${stack.baseUrl}/applications/${applicationId}`);
    await decisionOn(stale, 'veterinary-check').waitFor();

    await approve(page, 'veterinary-check');
    await timeline(page).getByText(`Approved: ${titles['veterinary-check']}`).waitFor();
    await decisionOn(stale, 'veterinary-check').getByRole('button', { name: en.decisionApprove }).click();
    await stale.getByText(en.decisionConflict).waitFor();
    await decisionOn(stale, 'veterinary-check').waitFor({ state: 'detached' });
    await stale.close();

    await approve(page, 'ma-legal-acquisition');
    await approve(page, 'ma-live-shipment-conditions');
    // All findings made: the final decision opens, and the page finds it.
    await approve(page, 'final-decision');
    await page.getByTestId('permit-issued').waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('application-status').textContent()).resolves.toBe(en.statusIssued);
    await page.context().close();
  });

  it('shows the applicant the permit issued, its number, and each step approved', async () => {
    const page = await signedIn('applicant@demo.test', { width: 390, height: 844 });
    await page.goto(`${stack.baseUrl}/applications/${applicationId}`);
    const issued = page.getByTestId('permit-issued');
    await issued.waitFor();
    await expect(issued.textContent()).resolves.toMatch(/^Permit KE\d{8}-E issued$/);
    await expect(page.getByTestId('permit-number').textContent()).resolves.toMatch(/^KE\d{8}-E$/);
    await expect(page.getByTestId('application-status').textContent()).resolves.toBe(en.statusIssued);
    for (const step of Object.keys(titles)) {
      await timeline(page).getByText(`Approved: ${titles[step]}`, { exact: true }).waitFor();
    }
    await timeline(page)
      .getByText(/^Permit KE\d{8}-E issued$/)
      .waitFor();
    await timeline(page).getByText(en.eventReviewStarted, { exact: true }).waitFor();
    // Applicants decide nothing.
    expect(await page.getByTestId('decisions').count()).toBe(0);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.context().close();
  });

  it('pages the Management Authority’s inbox 50 tasks at a time on a phone, oldest first', async () => {
    // Sixty applications waiting since January, older than anything opened by this test's
    // workflows: written to the store as the lifecycle opens tasks, rather than filed one by one.
    const store = new TaskRepository(stack.store);
    const model = (await store.find(taskIdOf(applicationId, 'completeness-check')))!;
    for (let index = 0; index < 60; index++) {
      const waitingId = `KE-2026-${index.toString(16).toUpperCase().padStart(12, '0')}`;
      await store.open({
        id: taskIdOf(waitingId, 'completeness-check'),
        applicationId: waitingId,
        step: 'completeness-check',
        title: model.title,
        actor: model.actor,
        documentType: model.documentType,
        openedAt: new Date(Date.UTC(2026, 0, 5, 8, index)),
        dueAt: new Date(Date.UTC(2026, 0, 12, 8, index)),
      });
    }
    const token = await stack.login('ma@demo.test');
    const open = (await stack.api<Task[]>('/api/tasks?limit=200', { token })).body;
    // Two pages: the sixty, and whatever this test's workflows left open.
    expect(open.length).toBeGreaterThanOrEqual(60);
    expect(open.length).toBeLessThan(100);

    const page = await signedIn('ma@demo.test', { width: 390, height: 844 });
    // The second page is held back a moment, long enough to see that it is on its way.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      (url) => url.pathname === '/api/tasks',
      async (route) => {
        if (taskQuery(route.request())?.has('openedAfter')) await held;
        await route.continue();
      },
    );
    const firstPage = page.waitForRequest((request) => taskQuery(request)?.get('limit') === '50');
    await page.goto(`${stack.baseUrl}/tasks`);
    await firstPage;
    const count = page.getByTestId('tasks-count');
    await count.getByText(format(en.tasksCount, { count: 50 })).waitFor();
    await expect(count.textContent()).resolves.toContain(en.tasksMore);
    const cards = page.getByTestId('tasks').locator('li');
    await expect(cards.count()).resolves.toBe(50);
    const more = page.getByRole('button', { name: en.tasksLoadMore, exact: true });
    const moreBox = await more.boundingBox();
    expect(moreBox!.x).toBeGreaterThanOrEqual(0);
    expect(moreBox!.x + moreBox!.width).toBeLessThanOrEqual(390);

    const secondPage = page.waitForRequest(
      (request) => taskQuery(request)?.get('openedAfter') === open[49]!.openedAt,
    );
    await more.click();
    await secondPage;
    const busy = page.getByRole('button', { name: en.loading, exact: true });
    await busy.waitFor();
    await expect(busy.isDisabled()).resolves.toBe(true);
    release();
    await count.getByText(format(en.tasksCount, { count: open.length }), { exact: true }).waitFor();
    // Every open task once, oldest first; no page after a page shorter than 50.
    const shown = (await page.evaluate(
      "[...document.querySelectorAll('[data-testid=tasks] .task-application')].map((link) => link.textContent)",
    )) as string[];
    expect(shown).toEqual(open.map((task) => task.applicationId));
    await more.waitFor({ state: 'detached' });
    // The button is gone: reading and tabbing go on from the first task the page brought.
    await expect(page.evaluate('document.activeElement.id')).resolves.toBe(
      `task-${open[50]!.id.replace(/[^A-Za-z0-9_-]/g, '-')}`,
    );
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);

    // Another filter starts again from the first page.
    const restarted = page.waitForRequest((request) => {
      const query = taskQuery(request);
      return query?.get('step') === 'completeness-check' && !query.has('openedAfter');
    });
    await page.getByLabel(en.tasksFilter, { exact: true }).selectOption('completeness-check');
    await restarted;
    await count.getByText(format(en.tasksStepCount, { count: 50 })).waitFor();
    await expect(cards.count()).resolves.toBe(50);
    await more.waitFor();
    await page.context().close();
  });
});
