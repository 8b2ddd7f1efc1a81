import { useEffect, useId, useRef, useState, type ComponentType, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n';
import { navigate, usePathname } from '../location';
import { canOpen, menuFor, menuSection, pageAt, pageById, type PageId } from '../navigation';
import type { Params } from '../router';
import { useSession } from '../session';
import { DemoBanner, Footer, LanguageSelect, SkipLink } from './Chrome';
import { Link } from './Link';
import { Success } from './Status';

export type PageComponent = ComponentType<{ params: Params }>;

/**
 * The frame of every signed-in page: header with menu, the page for the current path, and the
 * rules that decide which page may be shown at all.
 */
export function Shell({
  pageComponents,
  forbidden: Forbidden,
  focusHeadingFirst,
  notice,
}: {
  pageComponents: Record<PageId, PageComponent>;
  forbidden: ComponentType;
  /** Move focus to the heading when the shell appears, as after signing in. */
  focusHeadingFirst: boolean;
  notice: { path: string; message: string } | null;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { user, about, signOut } = useSession();
  const pathname = usePathname();
  const match = pageAt(pathname);
  const mustEnroll = user.mustEnrollSecondFactor && !match.route.openBeforeSecondFactor;
  const page = mustEnroll ? pageById('account') : match.route;
  const allowed = canOpen(page, user.roles);
  const Page = pageComponents[page.id];
  const menu = menuFor(user.roles);
  const current = menuSection(page);

  const [menuOpen, setMenuOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const menuId = useId();
  const menuButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    if (mustEnroll) navigate(page.path, { replace: true });
  }, [mustEnroll, page.path]);

  useEffect(() => {
    document.title = `${t(allowed ? page.title : 'forbiddenTitle')} — Pangolin`;
  }, [t, page.title, allowed]);

  useEffect(() => {
    setMenuOpen(false);
    const initial = firstRender.current;
    firstRender.current = false;
    if (initial && !focusHeadingFirst) return;
    // After a route change the old focus target is gone; the heading tells where the user is now.
    heading.current?.focus();
    if (!initial) window.scrollTo(0, 0);
  }, [pathname, focusHeadingFirst]);

  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && menuOpen) {
      setMenuOpen(false);
      menuButton.current?.focus();
    }
  };

  const leave = async () => {
    setSigningOut(true);
    await signOut();
  };

  return (
    <div className="app">
      <SkipLink />
      <DemoBanner about={about} />
      <header className="site-header" onKeyDown={closeOnEscape}>
        <div className="header-bar">
          <div className="brand">
            <Link to="/" className="brand-name">
              Pangolin
            </Link>
            <span className="party">
              <span className="visually-hidden">{t('party')} </span>
              {user.party || about?.party}
            </span>
          </div>
          <button
            ref={menuButton}
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls={menuId}
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span className="menu-icon" aria-hidden="true" />
            {t('menu')}
          </button>
        </div>
        <div className="site-menu" id={menuId} data-open={menuOpen}>
          <nav aria-label={t('mainNavigation')}>
            <ul>
              {menu.map((entry) => (
                <li key={entry.page}>
                  <Link
                    to={entry.path}
                    aria-current={entry.page === current ? 'page' : undefined}
                    onClick={() => setMenuOpen(false)}
                  >
                    {t(entry.label)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="account-tools">
            <span className="user-email">
              <span className="visually-hidden">{t('signedInAs')} </span>
              {user.email}
            </span>
            <LanguageSelect id="language-signed-in" />
            <button type="button" className="secondary" onClick={() => void leave()} disabled={signingOut}>
              {signingOut ? t('signingOut') : t('signOut')}
            </button>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {notice && notice.path === pathname && <Success>{notice.message}</Success>}
        <h1 ref={heading} tabIndex={-1} id="page-heading">
          {t(allowed ? page.title : 'forbiddenTitle')}
        </h1>
        {allowed ? <Page key={pathname} params={mustEnroll ? {} : match.params} /> : <Forbidden />}
      </main>
      <Footer about={about} />
    </div>
  );
}
