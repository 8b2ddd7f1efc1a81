import { roles, type Role } from '../../admin-ui/src/api/types';
import { ROLES } from '../../domain/roles';
import { messages } from '../../admin-ui/src/messages';
import {
  canOpen,
  menuFor,
  mayDo,
  menuSection,
  notFoundPage,
  pageAt,
  pageById,
  pages,
  roleTexts,
} from '../../admin-ui/src/navigation';

const menuPages = (userRoles: Role[]) => menuFor(userRoles).map((entry) => entry.page);

describe('navigation by role', () => {
  it('knows exactly the roles the server knows', () => {
    expect([...roles]).toEqual([...ROLES]);
  });

  it.each<[Role, string[]]>([
    ['applicant', ['home', 'account', 'apply', 'applications']],
    ['ma_officer', ['home', 'account', 'consignments', 'tasks', 'applications', 'dashboard']],
    ['sa_officer', ['home', 'account', 'tasks', 'applications', 'dashboard']],
    ['customs_officer', ['home', 'account', 'borderCheck', 'consignments', 'tasks', 'applications']],
    ['form_designer', ['home', 'account', 'forms', 'procedures']],
    ['form_publisher', ['home', 'account', 'forms', 'procedures']],
    ['peer_party', ['home', 'account']],
    ['auditor', ['home', 'account', 'applications', 'dashboard', 'forms', 'procedures', 'auditTrail']],
    ['admin', ['home', 'account', 'users', 'peers', 'auditTrail', 'systemStatus']],
  ])('gives %s the menu %j', (role, expected) => {
    expect(menuPages([role])).toEqual(expected);
  });

  it('merges the menus of several roles, each entry once, in table order', () => {
    expect(menuPages(['auditor', 'applicant', 'admin'])).toEqual([
      'home',
      'account',
      'apply',
      'applications',
      'dashboard',
      'forms',
      'procedures',
      'users',
      'peers',
      'auditTrail',
      'systemStatus',
    ]);
    expect(menuPages(['applicant', 'auditor'])).toEqual([
      'home',
      'account',
      'apply',
      'applications',
      'dashboard',
      'forms',
      'procedures',
      'auditTrail',
    ]);
  });

  it('leaves someone without roles only the pages open to everyone', () => {
    expect(menuPages([])).toEqual(['home', 'account']);
    expect(canOpen(pageById('users'), [])).toBe(false);
  });

  it('keeps pages without their own entry closed to roles that cannot open their section', () => {
    for (const page of pages.filter((candidate) => candidate.section)) {
      const section = pageById(page.section!);
      for (const role of roles) expect(canOpen(page, [role])).toBe(canOpen(section, [role]));
    }
  });

  it('names every menu entry, page title and role in the messages', () => {
    const known = new Set(Object.keys(messages.en));
    for (const page of [...pages, notFoundPage]) {
      expect(known).toContain(page.title);
      if (page.menu) {
        expect(known).toContain(page.menu.label);
        expect(known).toContain(page.menu.description);
      }
    }
    for (const role of roles) {
      expect(known).toContain(roleTexts[role].name);
      expect(known).toContain(roleTexts[role].duty);
    }
  });

  it('gives every page its own path and id', () => {
    expect(new Set(pages.map((page) => page.path)).size).toBe(pages.length);
    expect(new Set(pages.map((page) => page.id)).size).toBe(pages.length);
  });

  it('finds the page for a path, literal segments before parameters', () => {
    expect(pageAt('/').route.id).toBe('home');
    expect(pageAt('/account/').route.id).toBe('account');
    expect(pageAt('/users/new').route.id).toBe('userCreate');
    expect(pageAt('/users/6650f0c2a1')).toEqual({
      route: pageById('userEdit'),
      params: { id: '6650f0c2a1' },
    });
    expect(pageAt('/no/such/page').route).toBe(notFoundPage);
    expect(pageAt('/forms/export-permit')).toEqual({
      route: pageById('formEditor'),
      params: { formId: 'export-permit' },
    });
    expect(pageAt('/procedures/export-procedure').params).toEqual({ id: 'export-procedure' });
    expect(pageAt('/apply/import-permit').route.id).toBe('applyForm');
    expect(pageAt('/apply/import-permit?draft=abc').params).toEqual({ formId: 'import-permit' });
    expect(pageAt('/applications/KE-2026-0123456789AB').route.id).toBe('application');
  });

  it('lets designers edit, publishers publish, both test rules and applicants apply', () => {
    expect(mayDo(['form_designer'], 'designForms')).toBe(true);
    expect(mayDo(['form_designer'], 'publishForms')).toBe(false);
    expect(mayDo(['form_publisher'], 'publishForms')).toBe(true);
    expect(mayDo(['form_publisher'], 'testRules')).toBe(true);
    expect(mayDo(['auditor'], 'testRules')).toBe(false);
    expect(mayDo(['auditor'], 'designForms')).toBe(false);
    expect(mayDo(['applicant'], 'submitApplications')).toBe(true);
    expect(mayDo(['ma_officer'], 'submitApplications')).toBe(false);
    expect(mayDo(['ma_officer'], 'decideTasks')).toBe(true);
    expect(mayDo(['customs_officer'], 'decideTasks')).toBe(true);
    expect(mayDo(['applicant'], 'decideTasks')).toBe(false);
    expect(mayDo(['auditor'], 'decideTasks')).toBe(false);
  });

  it('keeps the editors and forms with the roles the server lets read them', () => {
    for (const id of ['forms', 'formEditor', 'procedures', 'procedureEditor'] as const) {
      expect(pageById(id).access).toEqual(['form_designer', 'form_publisher', 'auditor']);
    }
    expect(canOpen(pageById('applyForm'), ['applicant'])).toBe(true);
    expect(canOpen(pageById('applyForm'), ['ma_officer'])).toBe(false);
    expect(canOpen(pageById('application'), ['sa_officer'])).toBe(true);
  });

  it('gives the inbox to the roles the server lets work tasks, and the applications it links to', () => {
    for (const role of ['ma_officer', 'sa_officer', 'customs_officer'] as const) {
      expect(canOpen(pageById('tasks'), [role])).toBe(true);
      expect(canOpen(pageById('application'), [role])).toBe(true);
    }
    for (const role of ['applicant', 'auditor', 'admin', 'form_designer'] as const) {
      expect(canOpen(pageById('tasks'), [role])).toBe(false);
    }
    expect(pageAt('/tasks').route.id).toBe('tasks');
  });

  it('gives the border check to customs officers only, whatever code its address carries', () => {
    expect(pageAt('/customs').route.id).toBe('borderCheck');
    expect(pageAt('/customs?token=AAAAAAAAAAAAAAAAAAAAAA').route.id).toBe('borderCheck');
    for (const role of roles) {
      expect(canOpen(pageById('borderCheck'), [role])).toBe(role === 'customs_officer');
    }
  });

  it('gives expected consignments to the MA and customs, the peer Parties to administrators', () => {
    expect(pageAt('/consignments').route.id).toBe('consignments');
    expect(pageAt('/peers').route.id).toBe('peers');
    for (const role of roles) {
      expect(canOpen(pageById('consignments'), [role])).toBe(
        role === 'ma_officer' || role === 'customs_officer',
      );
      expect(canOpen(pageById('peers'), [role])).toBe(role === 'admin');
    }
    expect(mayDo(['customs_officer'], 'confirmArrivals')).toBe(true);
    expect(mayDo(['ma_officer'], 'confirmArrivals')).toBe(false);
  });

  it('marks the section entry current on pages below it', () => {
    expect(menuSection(pageAt('/users/abc').route)).toBe('users');
    expect(menuSection(pageAt('/users/new').route)).toBe('users');
    expect(menuSection(pageAt('/audit').route)).toBe('auditTrail');
    expect(menuSection(pageAt('/forms/export-permit').route)).toBe('forms');
    expect(menuSection(pageAt('/apply/export-permit').route)).toBe('apply');
    expect(menuSection(pageAt('/applications/KE-2026-0123456789AB').route)).toBe('applications');
  });

  it('lets only My account open before a required second factor is set up', () => {
    expect(pages.filter((page) => page.openBeforeSecondFactor).map((page) => page.id)).toEqual(['account']);
  });
});
