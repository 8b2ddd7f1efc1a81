/**
 * Reads of the same key shared by callers asking at about the same time, yet never older than the
 * call: a caller joins a read that has not started yet, or else waits for the next one, which
 * starts when the running one ends. However many ask for a key at once, it costs at most one read
 * in flight, and every caller gets what was stored when it asked, or later — nothing is cached.
 */
export class SharedFreshReads<T> {
  private readonly running = new Map<string, Promise<T>>();
  private readonly queued = new Map<string, Promise<T>>();

  read(key: string, load: () => Promise<T>): Promise<T> {
    const queued = this.queued.get(key);
    if (queued) return queued;
    const running = this.running.get(key);
    if (!running) return this.start(key, load);
    // The running read may have begun before this caller asked: it gets the next one.
    const next = running.then(
      () => this.startQueued(key, load),
      () => this.startQueued(key, load),
    );
    this.queued.set(key, next);
    return next;
  }

  private startQueued(key: string, load: () => Promise<T>): Promise<T> {
    this.queued.delete(key);
    return this.start(key, load);
  }

  private start(key: string, load: () => Promise<T>): Promise<T> {
    const read = (async () => load())().finally(() => {
      if (this.running.get(key) === read) this.running.delete(key);
    });
    this.running.set(key, read);
    return read;
  }
}
