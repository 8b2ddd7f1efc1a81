import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, type FieldProblem } from '../api/client';
import type { CountedBlocks, IncomingPermit } from '../api/types';
import { quantityProblemKeys, quantityText } from '../border-check';
import {
  arrivalFieldMessages,
  expectedQuantities,
  readArrival,
  type ArrivalProblems,
  type CountedBlock,
} from '../consignments';
import { useI18n, type I18n } from '../i18n';
import { newIdempotencyKey } from '../idempotency';
import { partyName } from '../parties';
import { localIsoDate } from '../permits';
import { useSession } from '../session';
import { TextField } from './forms';
import { SubmitProblem } from './SubmitProblem';

/** The messages shown at each field, whether the browser or the server found the problem. */
interface FieldMessages {
  quantities: Record<number, string>;
  date?: string;
}

function messagesOf(problems: ArrivalProblems, blocks: readonly CountedBlock[], t: I18n['t']): FieldMessages {
  const quantities: Record<number, string> = {};
  for (const [index, problem] of Object.entries(problems.quantities)) {
    quantities[Number(index)] = t(quantityProblemKeys[problem], {
      max: blocks[Number(index)]?.quantity ?? 0,
    });
  }
  return { quantities, ...(problems.date && { date: t('dateRequired') }) };
}

/**
 * Customs at import count what arrived under a permit another Party sent, per block (prefilled with
 * what its customs endorsed as having left, never above what the permit allows), and the date.
 * Checked here before sending; the server's 422 problems are shown at their fields. A retry of the
 * same confirmation carries the same idempotency key, so a lost answer is not taken for a refusal.
 */
export function ArrivalConfirmationForm({
  permit,
  blocks,
  onConfirmed,
  onRefused,
}: {
  permit: IncomingPermit;
  blocks: readonly CountedBlock[];
  onConfirmed(permit: IncomingPermit): void;
  /** A 409: it can no longer be confirmed; the page says why and reads the list again. */
  onRefused(error: ApiError): void;
}) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const { api } = useSession();
  const id = useId();
  const [quantities, setQuantities] = useState(() => expectedQuantities(blocks));
  const [date, setDate] = useState(() => localIsoDate());
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
    const first = index !== undefined ? fieldId(`quantity-${index}`) : messages.date ? fieldId('date') : null;
    if (first) window.setTimeout(() => document.getElementById(first)?.focus());
  };

  const send = async (body: CountedBlocks) => {
    const text = JSON.stringify(body);
    if (sent.current?.body !== text) sent.current = { body: text, key: newIdempotencyKey() };
    setBusy(true);
    setFailure(null);
    setElsewhere([]);
    try {
      onConfirmed(await api.confirmArrival(permit.id, body, sent.current.key));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        onRefused(error);
        return;
      }
      setFailure(error);
      if (error instanceof ApiError && error.status === 422) {
        const placed = arrivalFieldMessages(error.errors, error.detail, blocks.length);
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
    const read = readArrival({ quantities, date }, blocks);
    const messages = messagesOf(read.problems, blocks, t);
    setErrors(messages);
    setFailure(null);
    setElsewhere([]);
    if (!read.body) {
      focusFirstError(messages);
      return;
    }
    void send(read.body);
  };

  return (
    <form
      className="permit-action arrival-confirmation"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid="arrival-form"
    >
      <h3 id={`${id}-title`}>{t('arrivalTitle')}</h3>
      <p className="hint">{t('arrivalLead', { party: partyName(permit.fromParty, language) })}</p>
      <div ref={alertRef} tabIndex={-1} data-testid="arrival-problem">
        {failure !== null && (
          <SubmitProblem failure={failure} invalid={t('arrivalInvalid')} elsewhere={elsewhere} i18n={i18n} />
        )}
      </div>
      {blocks.map((block, index) => (
        <TextField
          key={block.block}
          id={fieldId(`quantity-${index}`)}
          data-testid={`arrival-quantity-${block.block}`}
          label={t('arrivalQuantity', { block: block.block, species: block.scientificName })}
          hint={[
            t('consignmentPermitted', {
              quantity: quantityText(block.quantity, block.unit ?? null, language),
            }),
            ...(block.exported !== undefined
              ? [
                  t('consignmentExported', {
                    quantity: quantityText(block.exported, block.unit ?? null, language),
                  }),
                ]
              : []),
          ].join(' · ')}
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
        id={fieldId('date')}
        data-testid="arrival-date"
        type="date"
        label={t('arrivalDate')}
        error={errors.date}
        value={date}
        disabled={busy}
        onChange={(event) => setDate(event.target.value)}
      />
      <div className="actions">
        <button type="submit" className="wide-button" disabled={busy} data-testid="arrival-submit">
          {busy && <span className="spinner" aria-hidden="true" />}
          {busy ? t('arrivalSending') : t('arrivalButton')}
        </button>
      </div>
    </form>
  );
}
