import type { Role } from './api/types';
import type { MessageKey } from './messages';
import { resolveRoute, type RouteMatch } from './router';

/**
 * Every page of the web app and who may open it. This table is the one place a feature adds its
 * pages: the router, the menu, the home page and the access checks are all derived from it.
 */
export type PageId =
  'home' | 'account' | 'users' | 'userCreate' | 'userEdit' | 'systemStatus' | 'auditTrail' | 'notFound';

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
    id: 'users',
    path: '/users',
    title: 'usersTitle',
    access: ['admin'],
    menu: { label: 'navUsers', description: 'navUsersDescription' },
  },
  { id: 'userCreate', path: '/users/new', title: 'userCreateTitle', access: ['admin'], section: 'users' },
  { id: 'userEdit', path: '/users/:id', title: 'userEditTitle', access: ['admin'], section: 'users' },
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
