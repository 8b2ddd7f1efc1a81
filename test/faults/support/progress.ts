/** The steps counted as the applications travel. */
export type Step = 'submitted' | 'decided' | 'issued' | 'settled';

/**
 * How far the applications have got, for faults that must strike while they are in flight, and
 * whether anything still moves: a deployment that came through its faults keeps moving, however
 * slowly the machine runs; one that is stuck stops.
 */
export class Progress {
  submitted = 0;
  /** Officers' decisions answered. */
  decided = 0;
  issued = 0;
  settled = 0;
  private lastMoveAt = Date.now();

  count(step: Step): void {
    this[step]++;
    this.lastMoveAt = Date.now();
  }

  /** Milliseconds since any application last took a step. */
  stillFor(): number {
    return Date.now() - this.lastMoveAt;
  }

  toJSON(): Record<Step, number> {
    return { submitted: this.submitted, decided: this.decided, issued: this.issued, settled: this.settled };
  }
}
