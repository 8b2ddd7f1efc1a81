import { BoundedMap } from '../../../server/services/bounded-map';
import { SharedFreshReads } from '../../../server/services/shared-fresh-reads';

/** A read the test finishes by hand, remembering what was stored when it began. */
function controlledStore(initial: string) {
  let stored = initial;
  const reads: { seen: string; finish: () => void; fail: (error: Error) => void }[] = [];
  const load = () =>
    new Promise<string>((resolve, reject) => {
      const seen = stored;
      reads.push({ seen, finish: () => resolve(seen), fail: reject });
    });
  return { load, reads, write: (value: string) => (stored = value) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('reads shared by callers but never older than the call', () => {
  it('lets callers that arrive during a read share the next one, which starts when it ends', async () => {
    const reads = new SharedFreshReads<string>();
    const store = controlledStore('valid');
    const first = reads.read('permit', store.load);
    const second = reads.read('permit', store.load);
    const third = reads.read('permit', store.load);
    expect(store.reads).toHaveLength(1);
    store.reads[0]!.finish();
    expect(await first).toBe('valid');
    await settle();
    expect(store.reads).toHaveLength(2);
    store.reads[1]!.finish();
    expect(await Promise.all([second, third])).toEqual(['valid', 'valid']);
  });

  it('answers a caller with what was stored when it asked, even while an older read is running', async () => {
    const reads = new SharedFreshReads<string>();
    const store = controlledStore('valid');
    const before = reads.read('permit', store.load);
    store.write('cancelled');
    const after = reads.read('permit', store.load);
    store.reads[0]!.finish();
    await settle();
    store.reads[1]!.finish();
    expect(await before).toBe('valid');
    expect(await after).toBe('cancelled');
  });

  it('keeps nothing: a call after the reads ended reads again', async () => {
    const reads = new SharedFreshReads<string>();
    const store = controlledStore('valid');
    const first = reads.read('permit', store.load);
    store.reads[0]!.finish();
    await first;
    store.write('endorsed');
    const later = reads.read('permit', store.load);
    store.reads[1]!.finish();
    expect(await later).toBe('endorsed');
  });

  it('fails only the callers of a failed read; the next read goes ahead', async () => {
    const reads = new SharedFreshReads<string>();
    const store = controlledStore('valid');
    const failing = reads.read('permit', store.load);
    const next = reads.read('permit', store.load);
    store.reads[0]!.fail(new Error('database unreachable'));
    await expect(failing).rejects.toThrow('database unreachable');
    await settle();
    store.reads[1]!.finish();
    expect(await next).toBe('valid');
  });

  it('reads different keys independently', async () => {
    const reads = new SharedFreshReads<string>();
    const store = controlledStore('valid');
    void reads.read('one', store.load);
    void reads.read('two', store.load);
    expect(store.reads).toHaveLength(2);
    store.reads.forEach((read) => read.finish());
  });
});

describe('a bounded map', () => {
  it('forgets the least recently used entry past its capacity', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1);
    map.set('c', 3);
    expect(map.get('b')).toBeUndefined();
    expect(map.get('a')).toBe(1);
    expect(map.get('c')).toBe(3);
  });
});
