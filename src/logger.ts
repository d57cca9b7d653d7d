import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Logs are JSON lines on stderr, so stdout stays for answers and --json documents; or in a file,
 * when a person is chatting in the terminal and log lines would get in the way.
 */
export function createLogger(level: string, file?: string): Logger {
  const destination = file ? pino.destination({ dest: file, mkdir: true, sync: false }) : pino.destination(2);
  return pino({ level, base: { app: 'nianbao' } }, destination);
}

/** A logger that drops everything, for tests and one-shot commands. */
export const silentLogger: Logger = pino({ level: 'silent' });
