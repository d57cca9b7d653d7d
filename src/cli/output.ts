/** Writing to the terminal from commands: JSON documents on stdout, messages on stderr. */

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLine(text = ''): void {
  process.stdout.write(`${text}\n`);
}

/** One line, no stack trace: errors a user can act on. */
export function printError(text: string): void {
  process.stderr.write(`错误：${text}\n`);
}

/** Thrown by a command to end with a message and an exit status (caught once in main). */
export class CliExit extends Error {
  constructor(
    message: string,
    readonly status = 1,
  ) {
    super(message);
  }
}
