/**
 * Term codes whose specimens travel alive: the live-shipment and recipient findings of Arts. III–V apply
 * to them. LIV covers live animals and plants; EGL (eggs, live) and FIG (fingerlings, juvenile fish for
 * aquaria or release) are live by definition in the annual-report guidelines.
 */
export const LIVE_TERMS: readonly string[] = ['LIV', 'EGL', 'FIG'];

/** Whether specimens described by this term code are alive when shipped. */
export function isLiveTerm(term: string): boolean {
  return LIVE_TERMS.includes(term);
}
