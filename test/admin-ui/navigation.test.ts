import { roles, type Role } from '../../admin-ui/src/api/types';
import { ROLES } from '../../domain/roles';
import { messages } from '../../admin-ui/src/messages';
import {
  canOpen,
  menuFor,
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
    ['applicant', ['home', 'account']],
    ['ma_officer', ['home', 'account']],
    ['sa_officer', ['home', 'account']],
    ['customs_officer', ['home', 'account']],
    ['form_designer', ['home', 'account']],
    ['form_publisher', ['home', 'account']],
    ['peer_party', ['home', 'account']],
    ['auditor', ['home', 'account', 'auditTrail']],
    ['admin', ['home', 'account', 'users', 'auditTrail', 'systemStatus']],
  ])('gives %s the menu %j', (role, expected) => {
    expect(menuPages([role])).toEqual(expected);
  });

  it('merges the menus of several roles, each entry once, in table order', () => {
    expect(menuPages(['auditor', 'applicant', 'admin'])).toEqual(menuPages(['admin']));
    expect(menuPages(['applicant', 'auditor'])).toEqual(['home', 'account', 'auditTrail']);
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
  });

  it('marks the section entry current on pages below it', () => {
    expect(menuSection(pageAt('/users/abc').route)).toBe('users');
    expect(menuSection(pageAt('/users/new').route)).toBe('users');
    expect(menuSection(pageAt('/audit').route)).toBe('auditTrail');
  });

  it('lets only My account open before a required second factor is set up', () => {
    expect(pages.filter((page) => page.openBeforeSecondFactor).map((page) => page.id)).toEqual(['account']);
  });
});
