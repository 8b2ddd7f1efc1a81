import { Link } from '../components/Link';
import { useI18n } from '../i18n';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <p>{t('notFoundText')}</p>
      <p>
        <Link to="/">{t('backHome')}</Link>
      </p>
    </>
  );
}

export function ForbiddenPage() {
  const { t } = useI18n();
  return (
    <>
      <p>{t('forbiddenText')}</p>
      <p>
        <Link to="/">{t('backHome')}</Link>
      </p>
    </>
  );
}
