import type { Browser, Page } from 'playwright-core';
import example from '../../examples/applications/export-appendix-ii-wild.json';
import { format } from '../../admin-ui/src/messages';
import { en, ensureWebAppBuilt, launchBrowser, signedInPage } from '../support/browser';
import { startTestStack, type TestStack } from '../support/test-stack';

type Schema = { properties: Record<string, unknown>; allOf: unknown[] };

/**
 * A national form changes without code: a designer adds a required conditional field in the schema
 * editor, a second person publishes it, applicants must fill it in (browser and server agree), and an
 * application filed under the earlier version still opens and validates under it.
 */
describe('a designer adds a required field, a publisher publishes it, applicants must answer it', () => {
  let stack: TestStack;
  let browser: Browser;
  let filedUnderV1 = '';

  beforeAll(async () => {
    await ensureWebAppBuilt();
    [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
    const applicant = await stack.login('applicant@demo.test');
    const filed = await stack.api<{ id: string; formVersionId: string }>('/api/applications', {
      token: applicant,
      body: example,
    });
    expect(filed.body.formVersionId).toBe('export-permit@1');
    filedUnderV1 = filed.body.id;
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const signedIn = (email: string, viewport?: { width: number; height: number }): Promise<Page> =>
    signedInPage(browser, stack.baseUrl, email, viewport);

  it('the designer adds "Trade licence number", required for commercial exports, and saves the draft', async () => {
    const page = await signedIn('designer@demo.test');
    await page
      .getByRole('navigation', { name: en.mainNavigation })
      .getByRole('link', { name: en.navForms })
      .click();
    await page.getByRole('link', { name: 'export-permit' }).click();
    const editor = page.getByRole('textbox', { name: 'Schema (JSON)' });
    await editor.waitFor();
    await page.getByTestId('form-preview').getByText('Exporter (you)').first().waitFor();

    const published = await stack.api<{ published: { schema: Schema } }>('/api/forms/export-permit', {
      token: await stack.login('designer@demo.test'),
    });
    const schema = structuredClone(published.body.published.schema);
    schema.properties.tradeLicence = { type: 'string', title: 'Trade licence number', maxLength: 40 };
    schema.allOf.push({
      if: { properties: { purpose: { const: 'T' } }, required: ['purpose'] },
      then: { required: ['tradeLicence'] },
    });
    await editor.fill(JSON.stringify(schema, null, 2));
    // The live preview shows the new field before anything is saved.
    await page.getByTestId('form-preview').getByText('Trade licence number').waitFor();
    await page.getByRole('button', { name: en.saveDraft }).click();
    await page.getByText(en.draftSaved).waitFor();
    await page.context().close();
  });

  it('the publisher publishes it as version 2', async () => {
    const page = await signedIn('publisher@demo.test');
    await page.goto(`${stack.baseUrl}/forms/export-permit`);
    await page.getByRole('heading', { level: 1, name: en.formEditorTitle }).waitFor();
    await page.getByRole('button', { name: en.publishDraft }).click();
    await page.getByText(/Published as version 2/).waitFor();
    await page.context().close();
  });

  it('an applicant on a phone sees the field and cannot submit without it; the server refuses too', async () => {
    const token = await stack.login('applicant@demo.test');
    const draft = await stack.api<{ id: string }>('/api/application-drafts', {
      token,
      body: { documentType: 'export', data: example.data },
    });
    const page = await signedIn('applicant@demo.test', { width: 390, height: 844 });
    await page.goto(`${stack.baseUrl}/apply/export-permit?draft=${draft.body.id}`);
    await page.getByRole('heading', { level: 1, name: en.applyFormTitle }).waitFor();
    await page.getByLabel('Trade licence number').waitFor();

    await page.getByRole('button', { name: en.submitApplication }).click();
    await expect(page.getByTestId('form-errors').textContent()).resolves.toMatch(
      /Trade licence number|tradeLicence/,
    );
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);

    const refused = await stack.api<{ errors: { path: string }[] }>('/api/applications', {
      token,
      body: example,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((problem) => problem.path)).toContain('/data/tradeLicence');

    await page.getByLabel('Trade licence number').fill('KWS-TL-77');
    await page.getByRole('button', { name: en.submitApplication }).click();
    await page.getByRole('heading', { level: 1, name: en.applicationTitle, exact: true }).waitFor();
    await expect(page.getByTestId('application-form-version').textContent()).resolves.toBe('export-permit@2');
    await page.context().close();
  });

  it('the application filed under version 1 still opens on version 1 and still validates under it', async () => {
    const page = await signedIn('applicant@demo.test');
    await page.goto(`${stack.baseUrl}/applications/${filedUnderV1}`);
    await page.getByTestId('filed-form').waitFor();
    await expect(page.getByTestId('application-form-version').textContent()).resolves.toBe('export-permit@1');
    expect(await page.getByText('Trade licence number').count()).toBe(0);
    await page.context().close();

    const again = await stack.api('/api/applications', {
      token: await stack.login('applicant@demo.test'),
      body: { ...example, formVersionId: 'export-permit@1' },
    });
    expect(again.status).toBe(201);
  });
  it('the procedure editor saves a draft, a broken one is refused, and only a second person publishes it', async () => {
    const designer = await signedIn('designer@demo.test');
    await designer.goto(`${stack.baseUrl}/procedures/export-procedure`);
    await designer.getByRole('heading', { level: 1, name: en.procedureEditorTitle }).waitFor();
    const editor = designer.getByRole('textbox', { name: 'Procedure definition (JSON)' });
    await editor.waitFor();
    const current = await stack.api<{ published: { definition: unknown } }>(
      '/api/procedures/export-procedure',
      { token: await stack.login('designer@demo.test') },
    );
    // Not JSON: nothing is sent, and the bar says so.
    await editor.fill('{ "steps": ');
    await designer.getByText(en.unsavedChanges).waitFor();
    await designer.getByRole('button', { name: en.saveDraft }).click();
    await designer.getByText(en.jsonBroken).waitFor();
    await editor.fill(JSON.stringify(current.body.published.definition, null, 2));
    await designer.getByRole('button', { name: en.saveDraft }).click();
    await designer.getByText(en.draftSaved).waitFor();
    await designer
      .getByTestId('draft-state')
      .getByText(/^Saved by you/)
      .waitFor();
    expect(await designer.getByText(en.unsavedChanges).count()).toBe(0);
    await designer.context().close();

    const publisher = await signedIn('publisher@demo.test');
    // The list of procedures says which document each is for and who has a draft of it.
    await publisher.goto(`${stack.baseUrl}/procedures`);
    const procedure = publisher.getByRole('link', { name: 'export-procedure', exact: true });
    const row = publisher.getByRole('row').filter({ has: procedure });
    await row.getByRole('cell', { name: 'Export permit', exact: true }).waitFor();
    await row.getByText(/^Saved by .+ on /).waitFor();
    await procedure.click();
    await publisher.getByRole('heading', { level: 1, name: en.procedureEditorTitle }).waitFor();
    const before = await stack.api<{ published: { version: number } }>('/api/procedures/export-procedure', {
      token: await stack.login('publisher@demo.test'),
    });
    await publisher.getByRole('button', { name: en.publishDraft }).click();
    await publisher
      .getByText(format(en.procedurePublished, { version: before.body.published.version + 1 }))
      .waitFor({ timeout: 20_000 });
    await publisher.getByTestId('draft-state').getByText(en.noDraft).waitFor();
    await expect(publisher.getByRole('button', { name: en.publishDraft }).isDisabled()).resolves.toBe(true);
    await publisher.context().close();
  });
});
