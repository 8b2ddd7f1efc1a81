import { useI18n } from '../i18n';
import type { PointedProblem } from './JsonEditor';

/** The problems the server found in one document, each with the place it is about. */
export function ProblemList({ id, problems }: { id?: string; problems: readonly PointedProblem[] }) {
  const { t } = useI18n();
  if (problems.length === 0) return null;
  return (
    <div className="alert problem-list" id={id} role="alert">
      <p className="alert-title">{t('problemsFound', { count: problems.length })}</p>
      <ul>
        {problems.map((problem, index) => (
          <li key={`${problem.path}-${index}`}>
            <code className="pointer">{problem.path || '/'}</code> {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
