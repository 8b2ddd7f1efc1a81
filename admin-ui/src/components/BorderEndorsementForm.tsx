import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, type FieldProblem } from '../api/client';
import type { BlockEndorsementInput, Permit, VerifiedBlock } from '../api/types';
import {
  endorsementFieldMessages,
  endorsementTextMax,
  quantityProblemKeys,
  quantityText,
  readEndorsement,
  type EndorsementProblems,
} from '../border-check';
import { useI18n, type I18n } from '../i18n';
import { newIdempotencyKey } from '../idempotency';
import { localIsoDate } from '../permits';
import { useSession } from '../session';
import { TextField } from './forms';
import { SubmitProblem } from './SubmitProblem';

/** The messages shown at each field, whether the browser or the server found the problem. */
interface FieldMessages {
  quantities: Record<number, string>;
  port?: string;
  date?: string;
  billOfLading?: string;
}

function messagesOf(
  problems: EndorsementProblems,
  blocks: readonly VerifiedBlock[],
  t: I18n['t'],
): FieldMessages {
  const quantities: Record<number, string> = {};
  for (const [index, problem] of Object.entries(problems.quantities)) {
    quantities[Number(index)] = t(quantityProblemKeys[problem], {
      max: blocks[Number(index)]?.quantity ?? 0,
    });
  }
  return {
    quantities,
    ...(problems.port && {
      port: t(
        problems.port === 'required'
          ? 'portRequired'
          : problems.port === 'tooShort'
            ? 'borderPortTooShort'
            : 'borderTextTooLong',
        { max: endorsementTextMax },
      ),
    }),
    ...(problems.date && { date: t('dateRequired') }),
    ...(problems.billOfLading && { billOfLading: t('borderTextTooLong', { max: endorsementTextMax }) }),
  };
}

/**
 * Boxes 14 and 15 at the border: the quantity that actually leaves per block (prefilled with what
 * is authorised, never above it), the port, the date and the bill of lading or air waybill. Checked
 * here before sending; the server's 422 problems are shown at their fields. A retry of the same
 * endorsement (after a connection dropped) carries the same idempotency key, so the server answers
 * it as the first instead of refusing it as endorsed already.
 */
export function BorderEndorsementForm({
  permitId,
  blocks,
  onEndorsed,
  onRefused,
}: {
  permitId: string;
  blocks: readonly VerifiedBlock[];
  onEndorsed(permit: Permit): void;
  /** A 409: the permit cannot be endorsed (any more); the page says why and reads it again. */
  onRefused(error: ApiError): void;
}) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const { api } = useSession();
  const id = useId();
  const [quantities, setQuantities] = useState(() => blocks.map((block) => String(block.quantity)));
  const [port, setPort] = useState('');
  const [date, setDate] = useState(() => localIsoDate());
  const [billOfLading, setBillOfLading] = useState('');
  const [errors, setErrors] = useState<FieldMessages>({ quantities: {} });
  // The server's problems that name no field of the form, listed with its message.
  const [elsewhere, setElsewhere] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const sent = useRef<{ body: string; key: string } | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  const fieldId = (name: string) => `${id}-${name}`;
  const focusFirstError = (messages: FieldMessages) => {
    const index = Object.keys(messages.quantities)
      .map(Number)
      .sort((a, b) => a - b)[0];
    const first =
      index !== undefined
        ? fieldId(`quantity-${index}`)
        : messages.port
          ? fieldId('port')
          : messages.date
            ? fieldId('date')
            : messages.billOfLading
              ? fieldId('bill')
              : undefined;
    if (first) window.setTimeout(() => document.getElementById(first)?.focus());
  };

  const send = async (body: BlockEndorsementInput) => {
    const text = JSON.stringify(body);
    if (sent.current?.body !== text) sent.current = { body: text, key: newIdempotencyKey() };
    setBusy(true);
    setFailure(null);
    try {
      const permit = await api.endorsePermit(permitId, body, sent.current.key);
      onEndorsed(permit);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        onRefused(error);
        return;
      }
      setFailure(error);
      if (error instanceof ApiError && error.status === 422) {
        const placed = endorsementFieldMessages(error.errors, error.detail, blocks.length);
        setErrors(placed);
        setElsewhere(placed.elsewhere);
        focusFirstError(placed);
      }
      window.setTimeout(() => alertRef.current?.scrollIntoView({ block: 'nearest' }));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const read = readEndorsement({ quantities, port, date, billOfLading }, blocks);
    const messages = messagesOf(read.problems, blocks, t);
    setErrors(messages);
    setFailure(null);
    if (!read.body) {
      focusFirstError(messages);
      return;
    }
    void send(read.body);
  };

  return (
    <form
      className="permit-action border-endorsement"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid="border-endorse-form"
    >
      <h3 id={`${id}-title`}>{t('endorseTitle')}</h3>
      <p className="hint">{t('borderEndorseLead')}</p>
      <div ref={alertRef} tabIndex={-1} data-testid="border-endorse-problem">
        {failure !== null && (
          <SubmitProblem
            failure={failure}
            invalid={t('borderEndorseInvalid')}
            elsewhere={elsewhere}
            i18n={i18n}
          />
        )}
      </div>
      {blocks.map((block, index) => (
        <TextField
          key={block.block}
          id={fieldId(`quantity-${index}`)}
          data-testid={`border-quantity-${block.block}`}
          label={t('borderQuantity', { block: block.block, species: block.scientificName })}
          hint={t('borderQuantityHint', { quantity: quantityText(block.quantity, block.unit, language) })}
          error={errors.quantities[index]}
          inputMode="decimal"
          autoComplete="off"
          className="quantity-input"
          value={quantities[index] ?? ''}
          disabled={busy}
          onChange={(event) =>
            setQuantities(quantities.map((value, at) => (at === index ? event.target.value : value)))
          }
        />
      ))}
      <TextField
        id={fieldId('port')}
        data-testid="border-port"
        label={t('endorsePort')}
        error={errors.port}
        value={port}
        maxLength={endorsementTextMax}
        autoComplete="off"
        disabled={busy}
        onChange={(event) => setPort(event.target.value)}
      />
      <TextField
        id={fieldId('date')}
        data-testid="border-date"
        type="date"
        label={t('endorseDate')}
        error={errors.date}
        value={date}
        disabled={busy}
        onChange={(event) => setDate(event.target.value)}
      />
      <TextField
        id={fieldId('bill')}
        data-testid="border-bill"
        label={t('endorseBillOfLading')}
        error={errors.billOfLading}
        value={billOfLading}
        maxLength={endorsementTextMax}
        autoComplete="off"
        autoCapitalize="characters"
        disabled={busy}
        onChange={(event) => setBillOfLading(event.target.value)}
      />
      <div className="actions">
        <button type="submit" className="wide-button" disabled={busy} data-testid="border-endorse-submit">
          {busy && <span className="spinner" aria-hidden="true" />}
          {busy ? t('endorseSending') : t('endorseButton')}
        </button>
      </div>
    </form>
  );
}
