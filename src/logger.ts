import { pino, type Logger } from 'pino';

export type { Logger };

/** Logs go to stderr as JSON lines, so stdout stays for answers and --json documents. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'nianbao' } }, pino.destination(2));
}

/** A logger that drops everything, for tests and one-shot commands. */
export const silentLogger: Logger = pino({ level: 'silent' });
