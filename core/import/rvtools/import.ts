// Work in progress: replaced by the real importer in the next commits.
import type { Importer } from '../context';
import { ImportError } from '../types';

export const importRvtools: Importer = async (files) => {
  throw new ImportError({ file: files[0].name, where: '' }, 'this importer is not available yet');
};
