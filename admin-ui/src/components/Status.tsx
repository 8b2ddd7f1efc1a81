import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

/** Announced politely, with a spinner for sighted users; the region around it sets aria-busy. */
export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('loading')}
    </p>
  );
}

export function Alert({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <div className="alert" role="alert" id={id}>
      {children}
    </div>
  );
}

export function Success({ children }: { children: ReactNode }) {
  return (
    <p className="success" role="status">
      {children}
    </p>
  );
}
