// Scenario files named on the command line: by the user, by a file association (Windows and Linux pass the
// path as an argument), or by a second launch forwarded to the running instance. Flags, the app's own path
// (unpackaged runs: `electron .`) and anything that is not a .json file are ignored.
import { isAbsolute, resolve } from 'node:path';

/** Absolute paths of the .json files in `argv` (which starts with the executable). */
export function scenarioPathsFromArgv(argv: readonly string[], workingDirectory: string, packaged: boolean): string[] {
  // Packaged: argv = [exe, ...args]. Unpackaged: argv = [electron, appPath, ...args].
  const args = argv.slice(packaged ? 1 : 2);
  const paths: string[] = [];
  let afterDoubleDash = false;
  for (const arg of args) {
    if (!afterDoubleDash && arg === '--') { afterDoubleDash = true; continue; }
    if (!afterDoubleDash && arg.startsWith('-')) continue;
    if (arg.includes('\0') || !arg.toLowerCase().endsWith('.json')) continue;
    paths.push(isAbsolute(arg) ? arg : resolve(workingDirectory, arg));
  }
  return paths;
}
