// File-system errors in the planner's words, naming the file but never its folder: messages cross to the
// renderer, which must not learn paths.
import { FileTooLarge, NotAFile } from './read-file';

const BY_CODE: Record<string, string> = {
  ENOENT: 'the file or its folder no longer exists',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exhausted',
  EISDIR: 'it is a folder, not a file',
  EBUSY: 'the file is locked by another program',
  EMFILE: 'too many files are open',
  ENAMETOOLONG: 'the file name is too long',
  EIO: 'the disk reported an input/output error',
};

export function describeFsError(e: unknown, name: string): string {
  if (e instanceof FileTooLarge || e instanceof NotAFile) return `${name}: ${e.message}`;
  const code = (e as NodeJS.ErrnoException | null)?.code;
  const reason = (code && BY_CODE[code]) ?? 'the file could not be accessed';
  return `${name}: ${reason}${code && !BY_CODE[code] ? ` (${code})` : ''}`;
}
