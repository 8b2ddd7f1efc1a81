import { useCallback, useEffect, useMemo, useState } from 'react';
import { createApiClient } from './api/client';
import type { About, User } from './api/types';
import { lazyPage } from './components/lazyPage';
import { Shell, type PageComponent } from './components/Shell';
import { Loading } from './components/Status';
import { I18nProvider, useI18n } from './i18n';
import { navigate } from './location';
import type { PageId } from './navigation';
import { AccountPage } from './pages/Account';
import { ApplicationsPage } from './pages/Applications';
import { ApplyPage } from './pages/Apply';
import { AuditTrailPage } from './pages/AuditTrail';
import { ForbiddenPage, NotFoundPage } from './pages/Errors';
import { FormsPage } from './pages/Forms';
import { HomePage } from './pages/Home';
import { ProceduresPage } from './pages/Procedures';
import { SignInPage, type SignInNotice } from './pages/SignIn';
import { SystemStatusPage } from './pages/SystemStatus';
import { TasksPage } from './pages/Tasks';
import { UserCreatePage, UserEditPage, UsersPage } from './pages/Users';
import { SessionContext, type Session } from './session';

// The editors (CodeMirror), the forms (react-jsonschema-form, ajv), the border check, expected
// consignments and peer Parties (the CITES code lists) and the dashboard (recharts) are fetched only
// when opened.
const pageComponents: Record<PageId, PageComponent> = {
  home: HomePage,
  account: AccountPage,
  apply: ApplyPage,
  applyForm: lazyPage(() => import('./pages/ApplyForm').then((module) => module.ApplyFormPage)),
  borderCheck: lazyPage(() => import('./pages/BorderCheck').then((module) => module.BorderCheckPage)),
  consignments: lazyPage(() => import('./pages/Consignments').then((module) => module.ConsignmentsPage)),
  tasks: TasksPage,
  applications: ApplicationsPage,
  application: lazyPage(() => import('./pages/Application').then((module) => module.ApplicationPage)),
  dashboard: lazyPage(() => import('./pages/Dashboard').then((module) => module.DashboardPage)),
  forms: FormsPage,
  formEditor: lazyPage(() => import('./pages/FormEditor').then((module) => module.FormEditorPage)),
  procedures: ProceduresPage,
  procedureEditor: lazyPage(() =>
    import('./pages/ProcedureEditor').then((module) => module.ProcedureEditorPage),
  ),
  users: UsersPage,
  userCreate: UserCreatePage,
  userEdit: UserEditPage,
  peers: lazyPage(() => import('./pages/Peers').then((module) => module.PeersPage)),
  systemStatus: SystemStatusPage,
  auditTrail: AuditTrailPage,
  notFound: NotFoundPage,
};

type SessionState =
  | { kind: 'checking' }
  | { kind: 'unreachable' }
  | { kind: 'signedOut'; notice?: SignInNotice }
  | { kind: 'signedIn'; user: User; viaSignIn: boolean };

export function App() {
  return (
    <I18nProvider>
      <Root />
    </I18nProvider>
  );
}

function Root() {
  const { t } = useI18n();
  const [state, setState] = useState<SessionState>({ kind: 'checking' });
  const [about, setAbout] = useState<About | null>(null);
  const [notice, setNotice] = useState<{ path: string; message: string } | null>(null);
  const api = useMemo(
    () => createApiClient({ onSessionEnded: () => setState({ kind: 'signedOut', notice: 'expired' }) }),
    [],
  );

  const checkSession = useCallback(async () => {
    setState({ kind: 'checking' });
    try {
      const user = await api.me();
      setState(user ? { kind: 'signedIn', user, viaSignIn: false } : { kind: 'signedOut' });
    } catch {
      setState({ kind: 'unreachable' });
    }
  }, [api]);

  useEffect(() => {
    api.about().then(setAbout, () => setAbout(null));
    void checkSession();
  }, [api, checkSession]);

  const session = useMemo<Session | null>(() => {
    if (state.kind !== 'signedIn') return null;
    return {
      user: state.user,
      about,
      api,
      refreshUser: async () => {
        const user = await api.me();
        setState(user ? { ...state, user } : { kind: 'signedOut', notice: 'expired' });
      },
      signOut: async () => {
        // Leaving must work even if the server is gone; the cookie then simply expires.
        await api.logout().catch(() => undefined);
        setNotice(null);
        navigate('/', { replace: true });
        setState({ kind: 'signedOut', notice: 'signedOut' });
      },
      announce: (path, message) => setNotice({ path, message }),
    };
  }, [state, about, api]);

  if (state.kind === 'checking') {
    return (
      <div className="centered" aria-busy="true">
        <Loading label={t('checkingSession')} />
      </div>
    );
  }
  if (state.kind === 'unreachable') {
    return (
      <main className="centered" id="main">
        <h1>Pangolin</h1>
        <p role="alert">{t('errorUnreachable')}</p>
        <button type="button" onClick={() => void checkSession()}>
          {t('retry')}
        </button>
      </main>
    );
  }
  if (state.kind === 'signedOut' || !session) {
    return (
      <SignInPage
        api={api}
        about={about}
        notice={state.kind === 'signedOut' ? state.notice : undefined}
        onSignedIn={(user) => setState({ kind: 'signedIn', user, viaSignIn: true })}
      />
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <Shell
        pageComponents={pageComponents}
        forbidden={ForbiddenPage}
        focusHeadingFirst={state.viaSignIn}
        notice={notice}
      />
    </SessionContext.Provider>
  );
}
