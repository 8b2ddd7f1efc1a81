import type { FieldProps } from '@rjsf/utils';
import { useState, type ChangeEvent } from 'react';
import { ApiError } from '../api/client';
import type { EvidenceRef, Language } from '../api/types';
import { EVIDENCE_MAX_BYTES, EVIDENCE_TYPES } from '../api/uploads';
import { fileSize } from '../forms/file-size';
import { useI18n } from '../i18n';
import { format, messages, type MessageKey } from '../messages';
import { useSession } from '../session';

/** What a form tells its fields: in a designer's preview nothing is really uploaded. */
export interface SchemaFormContext {
  preview?: boolean;
  /** The form's language, which a designer's preview may set apart from the app's. */
  language?: Language;
}

type Upload =
  { kind: 'idle' } | { kind: 'sending'; percent: number; name: string } | { kind: 'failed'; message: string };

interface KindOption {
  value: string;
  label: string;
}

/** The choices for `kind`, from `enum` or from `oneOf: [{const, title}]`. */
function kindOptions(schema: Record<string, unknown> | undefined): KindOption[] | null {
  if (!schema) return null;
  if (Array.isArray(schema.oneOf)) {
    return (schema.oneOf as Array<{ const?: unknown; title?: unknown }>)
      .filter((option) => typeof option.const === 'string')
      .map((option) => ({
        value: option.const as string,
        label: typeof option.title === 'string' ? option.title : (option.const as string),
      }));
  }
  if (Array.isArray(schema.enum)) {
    return schema.enum
      .filter((value): value is string => typeof value === 'string')
      .map((value) => ({ value, label: value }));
  }
  return null;
}

/**
 * One item of an evidence list: what kind of document it is and the file itself. The file goes to
 * `/api/uploads` as it is, with a progress bar; the form keeps only its reference
 * `{kind, fileId, name, mime, size, sha256}`, never its bytes.
 */
export function EvidenceField(props: FieldProps<Partial<EvidenceRef>>) {
  const {
    schema,
    formData,
    onChange,
    fieldPathId,
    disabled,
    readonly,
    rawErrors,
    errorSchema,
    registry,
    name,
  } = props;
  const { api } = useSession();
  const [upload, setUpload] = useState<Upload>({ kind: 'idle' });
  const context = (registry.formContext ?? {}) as SchemaFormContext;
  const preview = Boolean(context.preview);
  const app = useI18n();
  const language = context.language ?? app.language;
  const t: Translate = (key, values) => format(messages[language][key], values);
  const id = fieldPathId.$id;
  const value = formData ?? {};
  const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const kindSchema = properties.kind;
  const options = kindOptions(kindSchema);
  const title = typeof schema.title === 'string' ? schema.title : t('evidenceDocument');
  const kindLabel = typeof kindSchema?.title === 'string' ? kindSchema.title : t('evidenceKind');
  const locked = disabled || readonly;
  const errors = rawErrors ?? [];
  const childErrors = (errorSchema ?? {}) as Record<string, { __errors?: string[] } | undefined>;
  const kindErrors = childErrors.kind?.__errors ?? [];
  // A missing or wrong file shows as problems with its reference's parts; they are one thing here.
  const fileErrors = [
    ...new Set(
      ['fileId', 'name', 'mime', 'size', 'sha256'].flatMap((key) => childErrors[key]?.__errors ?? []),
    ),
  ];

  const change = (next: Partial<EvidenceRef>) => onChange(next, fieldPathId.path);

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (!(EVIDENCE_TYPES as readonly string[]).includes(file.type)) {
      setUpload({ kind: 'failed', message: t('evidenceWrongType') });
      return;
    }
    if (file.size > EVIDENCE_MAX_BYTES) {
      setUpload({ kind: 'failed', message: t('evidenceTooLarge') });
      return;
    }
    if (preview) {
      setUpload({ kind: 'failed', message: t('evidencePreviewOnly') });
      return;
    }
    setUpload({ kind: 'sending', percent: 0, name: file.name });
    try {
      const stored = await api.uploadEvidence(file, (sent, total) =>
        setUpload({ kind: 'sending', percent: Math.round((sent / total) * 100), name: file.name }),
      );
      setUpload({ kind: 'idle' });
      change({ ...value, ...stored });
    } catch (error) {
      setUpload({ kind: 'failed', message: uploadProblem(error, t) });
    }
  };

  const hasFile = typeof value.fileId === 'string' && value.fileId !== '';
  const kindText = options?.find((option) => option.value === value.kind)?.label ?? value.kind;

  return (
    <fieldset className="evidence-item" id={id} aria-describedby={errors.length ? `${id}__error` : undefined}>
      <legend>{title}</legend>
      <FieldErrors id={`${id}__error`} errors={errors} />
      {kindSchema &&
        (readonly ? (
          <p>
            <span className="control-label">{kindLabel}: </span>
            {kindText ?? '—'}
          </p>
        ) : (
          <div className={kindErrors.length ? 'form-group has-error' : 'form-group'}>
            <label className="control-label" htmlFor={`${id}_kind`}>
              {kindLabel}
            </label>
            <FieldErrors id={`${id}_kind__error`} errors={kindErrors} />
            {options ? (
              <select
                id={`${id}_kind`}
                className="form-control"
                value={value.kind ?? ''}
                aria-invalid={kindErrors.length ? true : undefined}
                aria-describedby={kindErrors.length ? `${id}_kind__error` : undefined}
                disabled={locked}
                onChange={(event) => change({ ...value, kind: event.target.value || undefined })}
              >
                <option value="" />
                {options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={`${id}_kind`}
                className="form-control"
                value={value.kind ?? ''}
                disabled={locked}
                onChange={(event) => change({ ...value, kind: event.target.value || undefined })}
              />
            )}
          </div>
        ))}
      {hasFile && (
        <p className="evidence-file" data-testid={`${name}-file`}>
          {preview ? (
            <span>{value.name}</span>
          ) : (
            <a href={`/api/uploads/${encodeURIComponent(value.fileId!)}`} target="_blank" rel="noopener">
              {value.name} <span className="visually-hidden">{t('opensInNewTab')}</span>
            </a>
          )}{' '}
          <span className="hint">
            ({fileSize(value.size ?? 0, language)}, SHA-256 <code>{(value.sha256 ?? '').slice(0, 12)}…</code>)
          </span>
        </p>
      )}
      {!readonly && (
        <div className={fileErrors.length ? 'form-group has-error' : 'form-group'}>
          <label className="control-label" htmlFor={`${id}_fileId`}>
            {hasFile ? t('evidenceReplaceFile') : t('evidenceChooseFile')}
          </label>
          <p className="hint" id={`${id}_fileId-hint`}>
            {t('evidenceFileHint')}
          </p>
          <FieldErrors id={`${id}_fileId__error`} errors={fileErrors} />
          <input
            id={`${id}_fileId`}
            type="file"
            accept={EVIDENCE_TYPES.join(',')}
            disabled={locked || upload.kind === 'sending'}
            aria-invalid={fileErrors.length ? true : undefined}
            aria-describedby={`${id}_fileId-hint${fileErrors.length ? ` ${id}_fileId__error` : ''}`}
            onChange={(event) => void pick(event)}
          />
        </div>
      )}
      {upload.kind === 'sending' && (
        <div className="upload-progress" role="status">
          <progress
            max={100}
            value={upload.percent}
            aria-label={t('evidenceUploading', { name: upload.name })}
          />
          <span>{t('evidenceUploadingPercent', { name: upload.name, percent: upload.percent })}</span>
        </div>
      )}
      {upload.kind === 'failed' && (
        <p className="field-error" role="alert">
          {upload.message}
        </p>
      )}
    </fieldset>
  );
}

function FieldErrors({ id, errors }: { id: string; errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <ul className="error-detail" id={id}>
      {errors.map((message) => (
        <li key={message} className="text-danger">
          {message}
        </li>
      ))}
    </ul>
  );
}

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

function uploadProblem(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('errorGeneric');
  if (error.unreachable) return t('errorUnreachable');
  if (error.status === 413) return t('evidenceTooLarge');
  if (error.status === 415) return t('evidenceWrongType');
  if (error.status === 422) return t('evidenceNotWhatItSays');
  return error.detail ?? t('errorGeneric');
}
