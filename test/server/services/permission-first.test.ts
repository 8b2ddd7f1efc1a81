import { ROLES, type Role } from '../../../domain/roles';
import { PangolinError } from '../../../server/errors';
import type { Caller } from '../../../server/identity/permissions';
import { AuditService } from '../../../server/services/audit';
import { SystemCheckService } from '../../../server/services/system-checks';
import { ApplicationService } from '../../../server/services/applications';
import { ApplicationDraftService } from '../../../server/services/application-drafts';
import { EvidenceUploadService } from '../../../server/services/evidence-uploads';
import { FormService } from '../../../server/services/forms';
import { ProcedureService } from '../../../server/services/procedures';
import { TaskService } from '../../../server/services/tasks';
import { ReExportBalanceService } from '../../../server/services/re-export-balances';
import { PermitService } from '../../../server/services/permits';
import { ExchangePeerService } from '../../../server/services/exchange-peers';
import { ExportQuotaService } from '../../../server/services/export-quotas';
import { DashboardService } from '../../../server/services/dashboards';
import { IncomingPermitService } from '../../../server/services/incoming-permits';
import { PermitDocumentService } from '../../../server/services/permit-documents';
import { NonDetrimentFindingService } from '../../../server/services/non-detriment-findings';
import { TradeMeasureService } from '../../../server/services/trade-measures';
import { UserService } from '../../../server/services/users';
import { AnnualReportService } from '../../../server/services/annual-reports';
import { SeizureService } from '../../../server/services/seizures';

// Every repository call fails loudly: a service that reaches its store before checking the
// caller's permission is caught here, independently of the route-level check.
const untouchable = new Proxy(
  {},
  {
    get: (_target, name) => () => {
      throw new Error(`${String(name)} was called before the permission check`);
    },
  },
) as never;

const callerWith = (roles: Role[]): Caller => ({
  actor: {
    kind: 'user',
    userId: 'u',
    email: 'u@example.org',
    roles,
    party: 'KE',
    sessionId: 's',
    mustEnrollSecondFactor: false,
  },
  requestId: 'r',
});

const users = new UserService('KE', untouchable, untouchable, untouchable, []);
const audit = new AuditService(untouchable);
const systemChecks = new SystemCheckService('KE', 'q', untouchable, untouchable, untouchable);
const tradeMeasures = new TradeMeasureService(untouchable, untouchable);
const forms = new FormService(untouchable, untouchable);
const applications = new ApplicationService('KE', untouchable, untouchable, untouchable);
const tasks = new TaskService(untouchable, untouchable, untouchable, untouchable, untouchable);
const permits = new PermitService(untouchable, untouchable, untouchable, 'https://permits.example');
const reExportBalances = new ReExportBalanceService(untouchable, untouchable);
const exchangePeers = new ExchangePeerService('KE', untouchable, untouchable);
const exportQuotas = new ExportQuotaService('KE', untouchable, untouchable, untouchable);
const dashboards = new DashboardService(untouchable, untouchable, untouchable, untouchable, untouchable);
const readers = ['ma_officer', 'sa_officer', 'auditor'] as Role[];
const lastYear = { from: new Date('2025-01-01'), to: new Date('2026-01-01') };
const incomingPermits = new IncomingPermitService('KE', untouchable, untouchable, 'q', untouchable);
const permitDocuments = new PermitDocumentService(permits, untouchable, untouchable, {
  publicUrl: 'https://permits.example',
  language: 'en',
});
const importedLine = {
  country: 'US',
  documentNumber: '24US98765I',
  scientificName: 'Alligator mississippiensis',
  term: 'LPS',
};
const findings = new NonDetrimentFindingService('KE', untouchable, untouchable);
const procedures = new ProcedureService('KE', untouchable, untouchable, untouchable);
const someDefinition = {
  formId: 'export-permit',
  currency: 'KES',
  defaultDeadlineDays: 10,
  steps: [],
  tables: [],
  testCases: [],
};
const applicationDrafts = new ApplicationDraftService(untouchable, untouchable);
const uploads = new EvidenceUploadService(untouchable, untouchable);
const someDraft = { documentType: 'export' as const, data: {} };
const someDraftId = '0123456789abcdef01234567';
const annualReports = new AnnualReportService('KE', untouchable, untouchable);
const seizures = new SeizureService('KE', untouchable, untouchable);
const someSeizure = {
  date: '2025-03-01',
  scientificName: 'Smutsia temminckii',
  term: 'SCA',
  quantity: 12.5,
  unit: 'KIL',
  location: 'Nairobi JKIA',
  detectedBy: 'Kenya Revenue Authority',
};
const someSeizureId = '00000000-0000-4000-8000-000000000000';

const serviceCalls: Array<[string, Role[], (caller: Caller) => Promise<unknown>]> = [
  ['users.list', ['admin', 'auditor'], (caller) => users.list(caller)],
  [
    'users.create',
    ['admin'],
    (caller) =>
      users.create(caller, {
        email: 'a@b.org',
        name: 'A',
        roles: ['applicant'],
        password: 'long enough pass',
      }),
  ],
  ['users.get', ['admin', 'auditor'], (caller) => users.get(caller, 'id')],
  ['users.update', ['admin'], (caller) => users.update(caller, 'id', { name: 'B' })],
  ['audit.list', ['auditor', 'admin'], (caller) => audit.list(caller, { limit: 10 })],
  ['audit.verify', ['auditor', 'admin'], (caller) => audit.verify(caller)],
  [
    'tradeMeasures.applicable',
    ['ma_officer', 'sa_officer', 'customs_officer', 'auditor'],
    (caller) =>
      tradeMeasures.applicable(caller, {
        taxonId: '4521',
        exportingCountry: 'KE',
        importingCountry: 'JP',
        date: '2026-01-01',
      }),
  ],
  [
    'forms.saveDraft',
    ['form_designer'],
    (caller) => forms.saveDraft(caller, 'export-permit', { schema: {}, uiSchema: {}, translations: {} }),
  ],
  ['forms.publish', ['form_publisher'], (caller) => forms.publish(caller, 'export-permit')],
  ['forms.republish', ['form_publisher'], (caller) => forms.republish(caller, 'export-permit', 1)],
  [
    'forms.diff',
    ['form_designer', 'form_publisher', 'auditor'],
    (caller) => forms.diff(caller, 'export-permit', 1, 2),
  ],
  [
    'applications.submit',
    ['applicant'],
    (caller) => applications.submit(caller, { documentType: 'export', data: {} }),
  ],
  ['applications.amend', ['applicant'], (caller) => applications.amend(caller, 'KE-2026-000000000000', {})],
  ['applications.withdraw', ['applicant'], (caller) => applications.withdraw(caller, 'KE-2026-000000000000')],
  [
    'applications.list',
    ['applicant', 'ma_officer', 'sa_officer', 'customs_officer', 'auditor'],
    (caller) => applications.list(caller, { limit: 10 }),
  ],
  [
    'findings.sign',
    ['sa_officer'],
    (caller) =>
      findings.sign(caller, {
        decision: 'positive',
        scope: { scientificName: 'Python regius' },
        validFrom: '2026-01-01',
        validUntil: '2026-12-31',
      }),
  ],
  ['findings.list', ['sa_officer', 'ma_officer', 'auditor'], (caller) => findings.list(caller)],
  [
    'permits.endorse',
    ['customs_officer'],
    (caller) =>
      permits.endorse(caller, 'KE-2026-000000000000', { quantities: [1], port: 'NBO', date: '2026-11-30' }),
  ],
  ['permits.cancel', ['ma_officer'], (caller) => permits.cancel(caller, 'KE-2026-000000000000', 'r')],
  [
    'reExportBalances.registerImport',
    ['ma_officer'],
    (caller) => reExportBalances.registerImport(caller, { ...importedLine, quantity: 40 }),
  ],
  ['reExportBalances.get', ['ma_officer'], (caller) => reExportBalances.get(caller, importedLine)],
  [
    'permits.replace',
    ['ma_officer'],
    (caller) => permits.replace(caller, 'KE-2026-000000000000', { reason: 'lost' }),
  ],
  // Whoever is signed in may ask; seeing the permit (its holder, the Party's officers) is checked next.
  ['permitDocuments.pdf', [...ROLES], (caller) => permitDocuments.pdf(caller, 'KE-2026-000000000000')],
  ['permitDocuments.signed', [...ROLES], (caller) => permitDocuments.signed(caller, 'KE-2026-000000000000')],
  [
    'dashboards.applicationsOverTime',
    readers,
    (caller) => dashboards.applicationsOverTime(caller, { ...lastYear, interval: 'month' }),
  ],
  ['dashboards.processingTimes', readers, (caller) => dashboards.processingTimes(caller, lastYear)],
  ['dashboards.permitsIssued', readers, (caller) => dashboards.permitsIssued(caller, 2025)],
  ['dashboards.quotaMonitoring', readers, (caller) => dashboards.quotaMonitoring(caller, 2025)],
  ['exportQuotas.list', ['ma_officer', 'sa_officer', 'auditor'], (caller) => exportQuotas.list(caller, 2026)],
  [
    'exportQuotas.save',
    ['ma_officer'],
    (caller) =>
      exportQuotas.save(caller, {
        year: 2026,
        scientificName: 'Python regius',
        quantity: 1,
        basedOnNonDetrimentFinding: false,
      }),
  ],
  [
    'exportQuotas.importSpeciesPlus',
    ['ma_officer'],
    (caller) =>
      exportQuotas.importSpeciesPlus(caller, {
        scientificName: 'Loxodonta africana',
        legislation: {
          cites_quotas: [
            { id: 1, quota: 5, publication_date: '2026-01-01', geo_entity: { iso_code2: 'KE' } },
          ],
        },
      }),
  ],
  ['exchangePeers.list', ['admin'], (caller) => exchangePeers.list(caller)],
  [
    'exchangePeers.save',
    ['admin'],
    (caller) =>
      exchangePeers.save(caller, {
        party: 'DE',
        baseUrl: 'https://de.example',
        jwksUrl: 'https://de.example/j',
      }),
  ],
  ['exchangePeers.remove', ['admin'], (caller) => exchangePeers.remove(caller, 'DE')],
  ['incomingPermits.list', ['ma_officer', 'customs_officer'], (caller) => incomingPermits.list(caller)],
  [
    'incomingPermits.confirm',
    ['customs_officer'],
    (caller) => incomingPermits.confirm(caller, 'DE:DE26000001-E', { blocks: [], date: '2026-12-01' }),
  ],
  [
    'permits.confirmImport',
    ['ma_officer'],
    (caller) => permits.confirmImport(caller, 'KE-2026-000000000000', [1]),
  ],
  ['tasks.list', ['ma_officer', 'sa_officer', 'customs_officer'], (caller) => tasks.list(caller)],
  [
    'tasks.claim',
    ['ma_officer', 'sa_officer', 'customs_officer'],
    (caller) => tasks.claim(caller, 'KE-2026-000000000000:completeness-check'),
  ],
  [
    'tasks.assign',
    ['ma_officer', 'sa_officer', 'customs_officer'],
    (caller) => tasks.assign(caller, 'KE-2026-000000000000:completeness-check', 'ma@demo.test'),
  ],
  [
    'tasks.release',
    ['ma_officer', 'sa_officer', 'customs_officer'],
    (caller) => tasks.release(caller, 'KE-2026-000000000000:completeness-check'),
  ],
  [
    'tasks.decide',
    ['ma_officer', 'sa_officer', 'customs_officer'],
    (caller) => tasks.decide(caller, 'KE-2026-000000000000:completeness-check', { outcome: 'approve' }),
  ],
  [
    'procedures.saveDraft',
    ['form_designer'],
    (caller) => procedures.saveDraft(caller, 'export-procedure', { definition: someDefinition }),
  ],
  [
    'procedures.evaluate',
    ['form_designer', 'form_publisher'],
    (caller) => procedures.evaluate(caller, 'export-procedure', { data: {} }),
  ],
  [
    'procedures.check',
    ['form_designer', 'form_publisher'],
    (caller) => procedures.check(caller, 'export-procedure', {}),
  ],
  ['procedures.publish', ['form_publisher'], (caller) => procedures.publish(caller, 'export-procedure')],
  ['applicationDrafts.list', ['applicant'], (caller) => applicationDrafts.list(caller)],
  ['applicationDrafts.get', ['applicant'], (caller) => applicationDrafts.get(caller, someDraftId)],
  ['applicationDrafts.create', ['applicant'], (caller) => applicationDrafts.create(caller, someDraft)],
  [
    'applicationDrafts.update',
    ['applicant'],
    (caller) => applicationDrafts.update(caller, someDraftId, someDraft),
  ],
  ['applicationDrafts.delete', ['applicant'], (caller) => applicationDrafts.delete(caller, someDraftId)],
  [
    'uploads.upload',
    ['applicant', 'ma_officer', 'sa_officer', 'customs_officer'],
    (caller) =>
      uploads.upload(caller, { name: 'permit.pdf', mime: 'application/pdf', bytes: Buffer.from('%PDF-1.7') }),
  ],
  [
    'annualReports.csv',
    ['ma_officer', 'sa_officer', 'auditor'],
    (caller) => annualReports.csv(caller, { year: 2025, layout: 'exporter' }),
  ],
  [
    'annualReports.check',
    ['ma_officer', 'sa_officer', 'auditor'],
    (caller) => annualReports.check(caller, { year: 2025, layout: 'importer', basis: 'issued' }),
  ],
  ['seizures.record', ['ma_officer', 'customs_officer'], (caller) => seizures.record(caller, someSeizure)],
  [
    'seizures.followUp',
    ['ma_officer', 'customs_officer'],
    (caller) => seizures.followUp(caller, someSeizureId, { disposal: 'rescue centre' }),
  ],
  [
    'seizures.list',
    ['ma_officer', 'customs_officer', 'auditor'],
    (caller) => seizures.list(caller, { year: 2025 }),
  ],
  ['seizures.report', ['ma_officer', 'sa_officer', 'auditor'], (caller) => seizures.report(caller, 2025)],
  ['systemChecks.run', ['admin'], (caller) => systemChecks.run(caller)],
  [
    'systemChecks.find',
    ['admin'],
    (caller) => systemChecks.find(caller, '00000000-0000-4000-8000-000000000000'),
  ],
];

describe('services check the permission on their first line', () => {
  it.each(serviceCalls)(
    '%s refuses every role but %j, and anonymous callers',
    async (_name, allowed, call) => {
      await expect(call({ actor: { kind: 'anonymous' }, requestId: 'r' })).rejects.toMatchObject({
        kind: 'not-signed-in',
      });
      for (const role of ROLES.filter((candidate) => !allowed.includes(candidate))) {
        const refusal = await call(callerWith([role])).catch((error: unknown) => error);
        expect(refusal).toBeInstanceOf(PangolinError);
        expect({ role, kind: (refusal as PangolinError).kind }).toEqual({ role, kind: 'not-allowed' });
      }
      for (const role of allowed) {
        // Allowed roles get past the check and reach the (exploding) store.
        await expect(call(callerWith([role]))).rejects.toThrow(
          /before the permission check|is not a function|Cannot read/,
        );
      }
    },
  );
});
