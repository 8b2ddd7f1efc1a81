import type { ProcedureCheck } from '../api/types';
import { showValue } from '../forms/changes';
import { useI18n } from '../i18n';

/** The result of running a procedure's test cases and the Convention guard. */
export function TestCaseResults({ check }: { check: ProcedureCheck }) {
  const { t } = useI18n();
  const failed = check.testCases.filter((testCase) => !testCase.passed).length;
  return (
    <div className="test-results" data-testid="test-results">
      <p className={check.publishable ? 'verdict intact' : 'verdict broken'} role="status">
        {check.publishable ? t('checkPublishable') : t('checkNotPublishable')}{' '}
        {t('checkSummary', { passed: check.testCases.length - failed, failed })}
      </p>
      {check.convention.length > 0 && (
        <div className="alert" data-testid="convention-guard">
          <p className="alert-title">{t('checkConvention')}</p>
          <ul>
            {check.convention.map((problem, index) => (
              <li key={index}>
                {problem.path && <code className="pointer">{problem.path}</code>}{' '}
                {problem.case && <code>{problem.case}</code>} {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {check.form && check.form.length > 0 && (
        <div className="alert">
          <p className="alert-title">{t('checkFormFields')}</p>
          <ul>
            {check.form.map((problem, index) => (
              <li key={index}>
                <code className="pointer">{problem.path}</code> {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {check.testCases.length === 0 ? (
        <p>{t('checkNoCases')}</p>
      ) : (
        <ul className="case-list">
          {check.testCases.map((testCase) => (
            <li key={testCase.id} className={testCase.passed ? 'case passed' : 'case failed'}>
              <p>
                <strong className={testCase.passed ? 'state-on' : 'state-off'}>
                  {testCase.passed ? t('casePassed') : t('caseFailed')}
                </strong>{' '}
                <code>{testCase.id}</code> {testCase.description}
              </p>
              {testCase.differences.length > 0 && (
                <div
                  className="table-scroll"
                  role="region"
                  aria-label={t('caseDifferences', { id: testCase.id })}
                  tabIndex={0}
                >
                  <table>
                    <caption>{t('caseDifferences', { id: testCase.id })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('changePath')}</th>
                        <th scope="col">{t('caseExpected')}</th>
                        <th scope="col">{t('caseActual')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {testCase.differences.map((difference, index) => (
                        <tr key={`${difference.path}-${index}`}>
                          <th scope="row">
                            <code className="pointer">{difference.path}</code>
                          </th>
                          <td>
                            <pre className="json-value">{showValue(difference.expected)}</pre>
                          </td>
                          <td>
                            <pre className="json-value">{showValue(difference.actual)}</pre>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
