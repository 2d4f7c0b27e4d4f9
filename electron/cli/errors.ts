// The two kinds of user error a command may throw (kept apart from command.ts, so that `hostfit --help` loads
// nothing but the command table).

/** Wrong arguments: exit code 2 and the usage text. */
export class UsageError extends Error {}
/** Bad input file or data: exit code 1 and the message (which names the file and the field). */
export class InputError extends Error {}
