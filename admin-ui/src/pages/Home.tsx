import { Link } from '../components/Link';
import { useI18n } from '../i18n';
import { menuFor, roleTexts } from '../navigation';
import { useSession } from '../session';

export function HomePage() {
  const { t } = useI18n();
  const { user } = useSession();
  const entries = menuFor(user.roles).filter((entry) => entry.page !== 'home');
  return (
    <>
      <p className="lead">{t('welcome', { name: user.name || user.email })}</p>
      <section aria-labelledby="roles-heading" className="card">
        <h2 id="roles-heading">{t('yourRoles')}</h2>
        {user.roles.length === 0 ? (
          <p>{t('noRoles')}</p>
        ) : (
          <dl className="roles">
            {user.roles.map((role) => (
              <div key={role}>
                <dt>{t(roleTexts[role].name)}</dt>
                <dd>{t(roleTexts[role].duty)}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      <section aria-labelledby="tasks-heading" className="card">
        <h2 id="tasks-heading">{t('whatYouCanDo')}</h2>
        <ul className="link-list">
          {entries.map((entry) => (
            <li key={entry.page}>
              <Link to={entry.path}>{t(entry.label)}</Link>
              <span>{t(entry.description)}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
