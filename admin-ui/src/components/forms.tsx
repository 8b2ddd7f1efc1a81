import type {
  InputHTMLAttributes,
  MouseEvent,
  ReactNode,
  Ref,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import { ApiError } from '../api/client';
import type { I18n } from '../i18n';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

export function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const present = ids.filter(Boolean);
  return present.length > 0 ? present.join(' ') : undefined;
}

/** How a field's control is named and described: its label, hint and own message. */
interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  /** This field's own message, shown above the control. */
  error?: string;
  /** Marks the control invalid when the message about it is elsewhere, e.g. in a form alert. */
  invalid?: boolean;
  alsoDescribedBy?: string;
}

/** What ties a control to its label, hint and message. */
interface ControlNaming {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/**
 * One field: the label, hint and message around the control `render` draws, given the rest of the
 * props and the id and ARIA attributes that tie it to them.
 */
function field<P extends FieldProps>(
  { id, label, hint, error, invalid, alsoDescribedBy, ...rest }: P,
  render: (rest: Omit<P, keyof FieldProps>, naming: ControlNaming) => ReactNode,
) {
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {render(rest, {
        id,
        'aria-invalid': error || invalid ? true : undefined,
        'aria-describedby': describedBy(hint && `${id}-hint`, error && `${id}-error`, alsoDescribedBy),
      })}
    </div>
  );
}

export function TextField({ ref, ...props }: InputProps & FieldProps & { ref?: Ref<HTMLInputElement> }) {
  return field(props, (input, naming) => <input ref={ref} {...naming} {...input} />);
}

export function TextAreaField({
  ref,
  ...props
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> &
  FieldProps & { ref?: Ref<HTMLTextAreaElement> }) {
  return field(props, (textarea, naming) => <textarea ref={ref} {...naming} {...textarea} />);
}

export function SelectField({
  ref,
  ...props
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & FieldProps & { ref?: Ref<HTMLSelectElement> }) {
  return field(props, (select, naming) => <select ref={ref} {...naming} {...select} />);
}

export interface FieldMessage {
  /** The id of the control to move to from the summary. */
  id: string;
  label: string;
  message: string;
}

/**
 * One alert per failed submission: a general message and a link to each field in trouble, so a
 * keyboard or screen-reader user can go straight to it.
 */
export function ErrorSummary({
  id,
  title,
  message,
  fields = [],
}: {
  id: string;
  title: string;
  message?: ReactNode;
  fields?: FieldMessage[];
}) {
  const jump = (event: MouseEvent<HTMLAnchorElement>, target: string) => {
    event.preventDefault();
    document.getElementById(target)?.focus();
  };
  return (
    <div className="alert error-summary" role="alert" id={id}>
      <p className="alert-title">{title}</p>
      {message && <p>{message}</p>}
      {fields.length > 0 && (
        <ul>
          {fields.map((field) => (
            <li key={field.id}>
              <a href={`#${field.id}`} onClick={(event) => jump(event, field.id)}>
                {field.label}: {field.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A sentence in the user's language for a failed call; server details stay available beside it. */
export function problemMessage(error: unknown, i18n: I18n): string {
  const { t } = i18n;
  if (!(error instanceof ApiError)) return t('errorGeneric');
  if (error.unreachable) return t('errorUnreachable');
  switch (error.status) {
    case 401:
      return t('errorSessionEnded');
    case 403:
      return t('errorForbidden');
    case 404:
      return t('errorNotFound');
    case 409:
      return t('errorConflict');
    case 422:
    case 400:
      return t('errorInvalid');
    case 429:
      return error.retryAt
        ? t('errorTooManyAttemptsUntil', { time: i18n.time(error.retryAt) })
        : t('errorTooManyAttempts');
    default:
      return error.status >= 500 ? t('errorServer') : t('errorGeneric');
  }
}

/** What the server said beyond the status, when it said something specific. */
export function problemDetail(error: unknown): string | undefined {
  return error instanceof ApiError && !error.unreachable && error.status < 500 ? error.detail : undefined;
}

export function ProblemText({ error, i18n }: { error: unknown; i18n: I18n }) {
  const detail = problemDetail(error);
  return (
    <>
      {problemMessage(error, i18n)}
      {detail && <span className="problem-detail">{detail}</span>}
    </>
  );
}
