// Crash recovery: unsaved edits are backed up (atomically) to the user-data folder a moment after each change,
// one file per session; a session that ends normally deletes its own. At the next start, the files of other
// sessions are the work a crash (or a kill) left behind, offered for restore; so is this session's own file
// when the renderer restarts after it crashed (its edits lived only in the renderer).
import { unlinkSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecoveryOffer } from '../../../core/desktop/api';
import { writeFileAtomic } from './atomic-write';

const FORMAT = 'hostfit-recovery';
const ID = /^[0-9a-f]{32}$/;

export interface BackupEntry {
  /** Display name of the file or example the edits belong to. */
  readonly name: string;
  /** File the edits belong to, or null for an untitled scenario. */
  readonly path: string | null;
  /** Hash of the file's bytes the edits started from (to detect a teammate's change before saving). */
  readonly baseHash: string | null;
  readonly text: string;
}

export interface StoredBackup extends BackupEntry {
  readonly savedAt: string;
}

function parseBackup(raw: string): StoredBackup | null {
  try {
    const v = JSON.parse(raw) as Record<string, unknown>;
    if (v.format !== FORMAT || v.version !== 1) return null;
    if (typeof v.name !== 'string' || typeof v.text !== 'string' || typeof v.savedAt !== 'string') return null;
    const path = typeof v.path === 'string' ? v.path : null;
    const baseHash = typeof v.baseHash === 'string' && /^[0-9a-f]{64}$/.test(v.baseHash) ? v.baseHash : null;
    return { name: v.name, path, baseHash, text: v.text, savedAt: v.savedAt };
  } catch {
    return null;
  }
}

export class RecoveryStore {
  private queue: Promise<unknown> = Promise.resolve();
  private ended = false;

  /** `session` is this process's random 32-hex-digit id. */
  constructor(private readonly dir: string, readonly session: string, private readonly clock: () => Date = () => new Date()) {
    if (!ID.test(session)) throw new Error('session id must be 32 hex digits');
  }

  private slot(id: string): string {
    return join(this.dir, `${id}.json`);
  }

  /** Runs file operations one at a time, in call order (a backup never lands after the discard that followed it). */
  private serial<T>(op: () => Promise<T>): Promise<T> {
    const next = this.queue.then(op, op);
    this.queue = next.catch(() => undefined);
    return next;
  }

  write(entry: BackupEntry): Promise<void> {
    return this.serial(async () => {
      if (this.ended) return;
      await mkdir(this.dir, { recursive: true });
      const doc = { format: FORMAT, version: 1, savedAt: this.clock().toISOString(), ...entry };
      await writeFileAtomic(this.slot(this.session), JSON.stringify(doc));
    });
  }

  /** Deletes this session's backup (saved, reverted, or discarded by the user). */
  clear(): Promise<void> {
    return this.serial(() => unlink(this.slot(this.session)).catch(() => undefined));
  }

  /** Backups left behind (by other sessions, or this one's crashed renderer), newest first. Unreadable ones are skipped (and kept). */
  pending(): Promise<RecoveryOffer[]> {
    return this.serial(async () => {
      let names: string[];
      try {
        names = await readdir(this.dir);
      } catch {
        return [];
      }
      const offers: RecoveryOffer[] = [];
      for (const file of names) {
        const id = file.endsWith('.json') ? file.slice(0, -5) : '';
        if (!ID.test(id)) continue;
        try {
          const path = this.slot(id);
          if (!(await stat(path)).isFile()) continue;
          const backup = parseBackup(await readFile(path, 'utf8'));
          if (backup) offers.push({ id, name: backup.name, savedAt: backup.savedAt });
        } catch {
          // vanished or unreadable: not offered
        }
      }
      return offers.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
    });
  }

  /**
   * Takes over a backup: another session's is moved (atomically) into this session's slot, so a crash right
   * after restoring still leaves it on disk. Null if it is gone or unreadable.
   */
  take(id: string): Promise<StoredBackup | null> {
    return this.serial(async () => {
      if (!ID.test(id)) return null;
      try {
        const backup = parseBackup(await readFile(this.slot(id), 'utf8'));
        if (!backup) return null;
        if (id !== this.session) await rename(this.slot(id), this.slot(this.session));
        return backup;
      } catch {
        return null;
      }
    });
  }

  /** Deletes a backup the user chose not to restore. */
  discard(id: string): Promise<void> {
    return this.serial(async () => {
      if (ID.test(id)) await unlink(this.slot(id)).catch(() => undefined);
    });
  }

  /**
   * Synchronous end of a clean session (the window is closing and the process may exit before a promise
   * settles): deletes this session's backup and refuses later writes.
   */
  endSync(): void {
    this.ended = true;
    try {
      unlinkSync(this.slot(this.session));
    } catch {
      // nothing to delete
    }
  }
}
