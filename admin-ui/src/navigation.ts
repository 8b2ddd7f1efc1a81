import type { Role } from './api/types';
import type { MessageKey } from './messages';
import { resolveRoute, type RouteMatch } from './router';

/**
 * Every page of the web app and who may open it. This table is the one place a feature adds its
 * pages: the router, the menu, the home page and the access checks are all derived from it.
 */
export type PageId =
  | 'home'
  | 'account'
  | 'apply'
  | 'applyForm'
  | 'borderCheck'
  | 'consignments'
  | 'tasks'
  | 'applications'
  | 'application'
  | 'dashboard'
  | 'forms'
  | 'formEditor'
  | 'procedures'
  | 'procedureEditor'
  | 'users'
  | 'userCreate'
  | 'userEdit'
  | 'peers'
  | 'systemStatus'
  | 'auditTrail'
  | 'notFound';

export interface PageDefinition {
  id: PageId;
  path: string;
  /** Heading and document title. */
  title: MessageKey;
  /** The roles that may open it; `everyone` means any signed-in user. */
  access: 'everyone' | readonly Role[];
  /** Present when the page has its own menu entry. */
  menu?: { label: MessageKey; description: MessageKey };
  /** For pages under another one (a user's edit page under Users): the entry marked current. */
  section?: PageId;
  /** Reachable while a required second factor is not set up yet. */
  openBeforeSecondFactor?: boolean;
}

const applicants: readonly Role[] = ['applicant'];
/** The officers who decide steps of applications; each task names the one role that decides it. */
const deciders: readonly Role[] = ['ma_officer', 'sa_officer', 'customs_officer'];
/**
 * Applicants see their own applications; officers and auditors see the Party's (customs officers
 * too: the steps in their inbox link to the applications).
 */
const applicationReaders: readonly Role[] = [
  'applicant',
  'ma_officer',
  'sa_officer',
  'customs_officer',
  'auditor',
];
/** Those who follow how the Party's permitting goes: its two Authorities and its auditors. */
const dashboardReaders: readonly Role[] = ['ma_officer', 'sa_officer', 'auditor'];
/** Designers edit, publishers publish, auditors read: all of them see drafts. */
const formReaders: readonly Role[] = ['form_designer', 'form_publisher', 'auditor'];

export const pages: readonly PageDefinition[] = [
  {
    id: 'home',
    path: '/',
    title: 'homeTitle',
    access: 'everyone',
    menu: { label: 'navHome', description: 'navHomeDescription' },
  },
  {
    id: 'account',
    path: '/account',
    title: 'accountTitle',
    access: 'everyone',
    menu: { label: 'navAccount', description: 'navAccountDescription' },
    openBeforeSecondFactor: true,
  },
  {
    id: 'apply',
    path: '/apply',
    title: 'applyTitle',
    access: applicants,
    menu: { label: 'navApply', description: 'navApplyDescription' },
  },
  { id: 'applyForm', path: '/apply/:formId', title: 'applyFormTitle', access: applicants, section: 'apply' },
  {
    // The permit's verification page links customs officers here with `?token=`.
    id: 'borderCheck',
    path: '/customs',
    title: 'borderCheckTitle',
    access: ['customs_officer'],
    menu: { label: 'navBorderCheck', description: 'navBorderCheckDescription' },
  },
  {
    // Permits other Parties sent here: the MA follows them, customs confirm what arrived.
    id: 'consignments',
    path: '/consignments',
    title: 'consignmentsTitle',
    access: ['ma_officer', 'customs_officer'],
    menu: { label: 'navConsignments', description: 'navConsignmentsDescription' },
  },
  {
    id: 'tasks',
    path: '/tasks',
    title: 'tasksTitle',
    access: deciders,
    menu: { label: 'navTasks', description: 'navTasksDescription' },
  },
  {
    id: 'applications',
    path: '/applications',
    title: 'applicationsTitle',
    access: applicationReaders,
    menu: { label: 'navApplications', description: 'navApplicationsDescription' },
  },
  {
    id: 'application',
    path: '/applications/:id',
    title: 'applicationTitle',
    access: applicationReaders,
    section: 'applications',
  },
  {
    id: 'dashboard',
    path: '/dashboard',
    title: 'dashboardTitle',
    access: dashboardReaders,
    menu: { label: 'navDashboard', description: 'navDashboardDescription' },
  },
  {
    id: 'forms',
    path: '/forms',
    title: 'formsTitle',
    access: formReaders,
    menu: { label: 'navForms', description: 'navFormsDescription' },
  },
  {
    id: 'formEditor',
    path: '/forms/:formId',
    title: 'formEditorTitle',
    access: formReaders,
    section: 'forms',
  },
  {
    id: 'procedures',
    path: '/procedures',
    title: 'proceduresTitle',
    access: formReaders,
    menu: { label: 'navProcedures', description: 'navProceduresDescription' },
  },
  {
    id: 'procedureEditor',
    path: '/procedures/:id',
    title: 'procedureEditorTitle',
    access: formReaders,
    section: 'procedures',
  },
  {
    id: 'users',
    path: '/users',
    title: 'usersTitle',
    access: ['admin'],
    menu: { label: 'navUsers', description: 'navUsersDescription' },
  },
  { id: 'userCreate', path: '/users/new', title: 'userCreateTitle', access: ['admin'], section: 'users' },
  { id: 'userEdit', path: '/users/:id', title: 'userEditTitle', access: ['admin'], section: 'users' },
  {
    id: 'peers',
    path: '/peers',
    title: 'peersTitle',
    access: ['admin'],
    menu: { label: 'navPeers', description: 'navPeersDescription' },
  },
  {
    id: 'auditTrail',
    path: '/audit',
    title: 'auditTitle',
    access: ['auditor', 'admin'],
    menu: { label: 'navAudit', description: 'navAuditDescription' },
  },
  {
    id: 'systemStatus',
    path: '/system',
    title: 'systemStatus',
    access: ['admin'],
    menu: { label: 'navSystemStatus', description: 'navSystemStatusDescription' },
  },
];

/** What the app shows for a path that is not in the table. */
export const notFoundPage: PageDefinition = {
  id: 'notFound',
  path: '*',
  title: 'notFoundTitle',
  access: 'everyone',
};

export function pageById(id: PageId): PageDefinition {
  return pages.find((page) => page.id === id) ?? notFoundPage;
}

export function canOpen(page: PageDefinition, userRoles: readonly Role[]): boolean {
  return page.access === 'everyone' || page.access.some((role) => userRoles.includes(role));
}

export interface MenuEntry {
  page: PageId;
  path: string;
  label: MessageKey;
  description: MessageKey;
}

/** The menu of a user with these roles, in table order, each entry once. */
export function menuFor(userRoles: readonly Role[]): MenuEntry[] {
  return pages
    .filter((page) => page.menu && canOpen(page, userRoles))
    .map((page) => ({ page: page.id, path: page.path, ...page.menu! }));
}

export function pageAt(pathname: string): RouteMatch<PageDefinition> {
  return resolveRoute(pages, pathname) ?? { route: notFoundPage, params: {} };
}

/** The menu entry to mark as the current page. */
export function menuSection(page: PageDefinition): PageId {
  return page.section ?? page.id;
}

/** What a page lets only some of its readers do; the server checks the same, this only hides buttons. */
export const actions = {
  /** Edit and save drafts of forms and procedures. */
  designForms: ['form_designer'],
  /** Publish a draft someone else saved, or an earlier version again. */
  publishForms: ['form_publisher'],
  /** Evaluate rules against sample data and run a procedure's test cases. */
  testRules: ['form_designer', 'form_publisher'],
  /** File applications and keep drafts of them. */
  submitApplications: ['applicant'],
  /** Approve or refuse the open steps of an application that one's role decides. */
  decideTasks: ['ma_officer', 'sa_officer', 'customs_officer'],
  /** Endorse an issued permit at the border with the quantities that actually leave. */
  endorsePermits: ['customs_officer'],
  /** Cancel an issued permit, or record the importing Party's confirmation of what arrived. */
  managePermits: ['ma_officer'],
  /** Confirm what arrived under a permit another Party sent here; the confirmation goes back to it. */
  confirmArrivals: ['customs_officer'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof actions;

export function mayDo(userRoles: readonly Role[], action: Action): boolean {
  const allowed: readonly Role[] = actions[action];
  return userRoles.some((role) => allowed.includes(role));
}

/** How each role is named, and what it does in Pangolin, on the home page and in user admin. */
export const roleTexts: Record<Role, { name: MessageKey; duty: MessageKey }> = {
  applicant: { name: 'roleApplicant', duty: 'roleApplicantDuty' },
  ma_officer: { name: 'roleMaOfficer', duty: 'roleMaOfficerDuty' },
  sa_officer: { name: 'roleSaOfficer', duty: 'roleSaOfficerDuty' },
  customs_officer: { name: 'roleCustomsOfficer', duty: 'roleCustomsOfficerDuty' },
  form_designer: { name: 'roleFormDesigner', duty: 'roleFormDesignerDuty' },
  form_publisher: { name: 'roleFormPublisher', duty: 'roleFormPublisherDuty' },
  admin: { name: 'roleAdmin', duty: 'roleAdminDuty' },
  auditor: { name: 'roleAuditor', duty: 'roleAuditorDuty' },
  peer_party: { name: 'rolePeerParty', duty: 'rolePeerPartyDuty' },
};
