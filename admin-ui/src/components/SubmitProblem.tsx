import { ApiError, type FieldProblem } from '../api/client';
import type { I18n } from '../i18n';
import { ProblemText } from './forms';
import { Alert } from './Status';

/**
 * Why a border form was not taken: for a 422, the form's own sentence, the server's detail and the
 * problems no field shows (those at fields are shown there); anything else as the server put it.
 */
export function SubmitProblem(props: {
  failure: unknown;
  invalid: string;
  elsewhere: readonly FieldProblem[];
  i18n: I18n;
}) {
  const { failure, invalid, elsewhere, i18n } = props;
  return (
    <Alert>
      {failure instanceof ApiError && failure.status === 422 ? (
        <>
          {invalid}
          {failure.detail && <span className="problem-detail">{failure.detail}</span>}
          {elsewhere.length > 0 && (
            <ul>
              {elsewhere.map((problem, index) => (
                <li key={index}>
                  {problem.path && <code>{problem.path}</code>} {problem.message}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <ProblemText error={failure} i18n={i18n} />
      )}
    </Alert>
  );
}
