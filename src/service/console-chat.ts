import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Incoming, MessageContext, Pipeline } from '../bot/types.js';

export interface ConsoleDeps {
  pipeline: Pipeline;
  input: Readable;
  output: Writable;
  /** Prompt only for a person at a terminal; piped questions get bare answers. */
  interactive: boolean;
  /** Aborted when the service stops (Ctrl-C): the console stops reading, so no question meets a closed database. */
  signal?: AbortSignal;
}

/**
 * The console is one private chat, "console", whose one member is the operator who started the
 * service: it gets the bots' commands and limits, and the operator administers it, so /subscribe here
 * binds the console (notices are then printed in it).
 */
const CONSOLE: Omit<Incoming, 'text' | 'receivedAt'> = {
  transport: 'console',
  chatId: 'console',
  senderId: 'operator',
  senderName: '控制台',
  isGroup: false,
  addressedToBot: true,
  fromBot: false,
};
const OPERATOR: MessageContext = { isChatAdmin: async () => true };

/**
 * The console chat: one message a line, the reply printed below it (nothing when the pipeline stays
 * silent, as a chat would). Resolves when the input ends (end of a piped script, or Ctrl-D). Lines are
 * handled in order, one at a time.
 */
export function runConsoleChat(deps: ConsoleDeps): Promise<void> {
  const rl = createInterface({ input: deps.input, terminal: false });
  const prompt = () => {
    if (deps.interactive) deps.output.write('问> ');
  };
  let queue = Promise.resolve();
  prompt();
  rl.on('line', (line) => {
    queue = queue.then(async () => {
      const text = line.trim();
      if (text === '') return prompt();
      const reply = await deps.pipeline.handle({ ...CONSOLE, text, receivedAt: new Date() }, OPERATOR);
      if (reply) deps.output.write(`${reply.text}\n\n`);
      prompt();
    });
  });
  const stop = () => rl.close();
  if (deps.signal?.aborted) stop();
  else deps.signal?.addEventListener('abort', stop, { once: true });
  return new Promise((resolve) =>
    rl.on('close', () => {
      deps.signal?.removeEventListener('abort', stop);
      void queue.then(resolve);
    }),
  );
}
