// Opaque file handles: the renderer gets a random token per file the user picked in a native dialog and can
// never name a path itself.
import { randomBytes } from 'node:crypto';
import type { FileHandle } from '../../../core/desktop/api';

export class FileHandles {
  private readonly paths = new Map<string, string>();

  issue(path: string): FileHandle {
    for (const [id, known] of this.paths) if (known === path) return { id };
    const id = randomBytes(16).toString('hex');
    this.paths.set(id, path);
    return { id };
  }

  resolve(handle: FileHandle): string | undefined {
    return this.paths.get(handle.id);
  }
}
