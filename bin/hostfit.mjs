#!/usr/bin/env node
// `npx hostfit …` in a checkout: runs the TypeScript command line through tsx (no separate build step).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
