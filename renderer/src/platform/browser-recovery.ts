// Crash recovery for the browser build: unsaved edits are kept in IndexedDB, one record per tab session. A tab
// holds a Web Lock named after its session for as long as it lives, so at start-up the records whose lock is
// free are exactly the work of tabs that closed, crashed or were reloaded without saving.
import type { RecoveryOffer } from '../../../core/desktop/api';

const DB = 'hostfit';
const STORE = 'recovery';
const LOCK_PREFIX = 'hostfit-session-';

interface Stored {
  readonly id: string;
  readonly name: string;
  readonly savedAt: string;
  readonly text: string;
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

export class BrowserRecovery {
  private db: Promise<IDBDatabase | null> | null = null;

  constructor(readonly session: string, private readonly idb: IDBFactory | undefined = globalThis.indexedDB,
    private readonly locks: LockManager | undefined = globalThis.navigator?.locks) {
    // Held until the tab goes away; never released by the page.
    void this.locks?.request(LOCK_PREFIX + session, () => new Promise<void>(() => undefined)).catch(() => undefined);
  }

  private open(): Promise<IDBDatabase | null> {
    this.db ??= new Promise((resolve) => {
      if (!this.idb) return resolve(null);
      try {
        const r = this.idb.open(DB, 1);
        r.onupgradeneeded = () => r.result.createObjectStore(STORE, { keyPath: 'id' });
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => resolve(null);
      } catch {
        resolve(null);
      }
    });
    return this.db;
  }

  private async store(mode: IDBTransactionMode): Promise<IDBObjectStore | null> {
    const db = await this.open();
    return db ? db.transaction(STORE, mode).objectStore(STORE) : null;
  }

  async write(name: string, text: string): Promise<void> {
    const s = await this.store('readwrite');
    if (s) await request(s.put({ id: this.session, name, savedAt: new Date().toISOString(), text } satisfies Stored));
  }

  async clear(): Promise<void> {
    const s = await this.store('readwrite');
    if (s) await request(s.delete(this.session));
  }

  /** Records of sessions that are no longer alive, newest first. */
  async pending(): Promise<RecoveryOffer[]> {
    const s = await this.store('readonly');
    if (!s) return [];
    const all = (await request(s.getAll())) as Stored[];
    const alive = new Set((await this.locks?.query().catch(() => null))?.held?.map((l) => l.name) ?? []);
    return all
      .filter((r) => r.id !== this.session && !alive.has(LOCK_PREFIX + r.id))
      .map((r) => ({ id: r.id, name: r.name, savedAt: r.savedAt }))
      .sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
  }

  /** Moves a dead session's record to this session (so it survives another crash) and returns it. */
  async take(id: string): Promise<{ name: string; text: string } | null> {
    const db = await this.open();
    if (!db) return null;
    const tx = db.transaction(STORE, 'readwrite');
    const s = tx.objectStore(STORE);
    const found = (await request(s.get(id))) as Stored | undefined;
    if (!found) return null;
    s.put({ ...found, id: this.session });
    s.delete(id);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    return { name: found.name, text: found.text };
  }

  async discard(id: string): Promise<void> {
    const s = await this.store('readwrite');
    if (s && id !== this.session) await request(s.delete(id));
  }
}
