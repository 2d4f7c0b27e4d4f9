// Helpers of the import tests: run an import and expect success or a located failure.
import { expect } from 'vitest';
import { importEstate, ImportError, type ImportFile, type ImportOptions, type ImportResult, type ImportSource } from '../../../core/import/index';

export const json = (name: string, value: unknown): ImportFile => ({ name, bytes: new TextEncoder().encode(JSON.stringify(value)) });
export const text = (name: string, value: string): ImportFile => ({ name, bytes: new TextEncoder().encode(value) });

export function importOk(source: ImportSource, files: ImportFile[], options?: ImportOptions): Promise<ImportResult> {
  return importEstate(source, files, options);
}

/** The import fails with an ImportError at exactly `file` and a `where` matching `where`. */
export async function importFails(source: ImportSource, files: ImportFile[], file: string, where: RegExp | string, message?: RegExp, options?: ImportOptions): Promise<ImportError> {
  try {
    await importEstate(source, files, options);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    const err = e as ImportError;
    expect(err.at.file).toBe(file);
    if (typeof where === 'string') expect(err.at.where).toBe(where); else expect(err.at.where).toMatch(where);
    if (message) expect(err.message).toMatch(message);
    return err;
  }
  throw new Error('expected the import to fail');
}
