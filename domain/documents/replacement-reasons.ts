/**
 * Why the Management Authority replaces a permit that is still valid: the holder no longer has a
 * usable original. (A permit already cancelled or expired is not replaced through its lifecycle; the
 * trader applies again.)
 */
export const PERMIT_REPLACEMENT_REASONS = ['lost', 'stolen', 'destroyed', 'other'] as const;

export type PermitReplacementReason = (typeof PERMIT_REPLACEMENT_REASONS)[number];

/** True for a reason a valid permit may be replaced for. */
export function isPermitReplacementReason(value: unknown): value is PermitReplacementReason {
  return typeof value === 'string' && (PERMIT_REPLACEMENT_REASONS as readonly string[]).includes(value);
}
