/**
 * A key for one request as sent: the same body sent again with it (after a dropped connection) is
 * answered as the first, instead of being refused as done already. `crypto.randomUUID` exists only
 * in secure contexts (HTTPS, localhost), so a page served over plain HTTP makes a random key itself.
 */
export function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
