import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { canonicalJson } from '../../domain/canonical-json';
import { CLAIM_LEASE_MS, type IdempotencyRepository } from '../../store/idempotency';
import { PangolinError } from '../errors';
import { callerOf } from './route-table';

/** How often an answer that could not be stored (the database restarting) is tried again. */
const KEEP_RETRY_EVERY_MS = 2_000;

/**
 * Tries again to store a request's answer, or free its key, until it goes in or the claim lapses:
 * the answer has left already, and without this a retry would be told "still running" for the
 * whole lease because the database was away for a moment.
 */
async function storeUntilLapsed(store: () => Promise<void>, claimedAt: Date, everyMs: number): Promise<void> {
  while (Date.now() + everyMs < claimedAt.getTime() + CLAIM_LEASE_MS) {
    await new Promise((resolve) => setTimeout(resolve, everyMs).unref());
    try {
      await store();
      return;
    } catch {
      // The database is still away: once more after the next pause.
    }
  }
}

/**
 * `Idempotency-Key` on a POST: the first request runs and its answer is kept; a retry with the
 * same key gets that answer again and creates nothing. The same key with a different body is a
 * client mistake (422); a retry while the first is still running is told to wait (409), until
 * the first is answered or its claim lapses because the process running it died.
 */
export function idempotency(keys: IdempotencyRepository, retryEveryMs = KEEP_RETRY_EVERY_MS): RequestHandler {
  return async (req, res, next) => {
    const key = req.get('idempotency-key');
    if (key === undefined) return next();
    if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
      throw new PangolinError('invalid', 'Idempotency-Key must be 1-255 visible ASCII characters.', [
        { path: 'header:Idempotency-Key', message: 'is not valid' },
      ]);
    }
    const { actor } = callerOf(req);
    const scope = `${actor.kind === 'user' ? actor.userId : 'anonymous'}|${req.method} ${req.baseUrl}${req.path}|${key}`;
    const digest = createHash('sha256')
      .update(canonicalJson(req.body ?? null))
      .digest('hex');
    const claimedAt = new Date();
    const claim = await keys.claim(scope, digest, claimedAt);
    if (!claim.claimed) {
      const { existing } = claim;
      if (existing.requestDigest !== digest) {
        throw new PangolinError('invalid', 'This Idempotency-Key was used for a different request.', [
          { path: 'header:Idempotency-Key', message: 'was already used with another body' },
        ]);
      }
      if (existing.state !== 'done')
        throw new PangolinError(
          'conflict',
          'The first request with this Idempotency-Key is still running; retry shortly.',
        );
      res
        .status(existing.status!)
        .type(existing.contentType!)
        .set('Idempotent-Replayed', 'true')
        .send(existing.body);
      return;
    }
    // Store the answer before it leaves, so a retry can never see the key still in progress
    // after the client got its answer; 5xx failures free the key for a retry instead.
    const keep = (body: string): Promise<void> => {
      const store =
        res.statusCode >= 500
          ? () => keys.release(scope, claimedAt)
          : () =>
              keys.complete(scope, claimedAt, {
                status: res.statusCode,
                contentType: String(res.get('content-type') ?? 'application/json'),
                body,
              });
      return store().catch((error: unknown) => {
        req.log?.error(
          { err: error },
          'could not store the idempotent answer; trying again in the background',
        );
        void storeUntilLapsed(store, claimedAt, retryEveryMs);
      });
    };
    const send = res.send.bind(res);
    let sent = false;
    res.send = (body?: unknown) => {
      sent = true;
      const text =
        typeof body === 'string'
          ? body
          : Buffer.isBuffer(body)
            ? body.toString('utf8')
            : JSON.stringify(body);
      void keep(text).finally(() => send(body));
      return res;
    };
    // Answers without a body (a 204) leave through res.end alone; they are kept all the same.
    res.on('finish', () => {
      if (!sent) void keep('');
    });
    // A client that gives up (a timeout, a closed tab) does not stop the request: the key stays
    // claimed until its answer is stored, or the claim lapses because the process died.
    next();
  };
}
