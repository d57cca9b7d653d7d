import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Answer } from '../bot/types.js';

export interface ConsoleDeps {
  ask(question: string): Promise<Answer>;
  input: Readable;
  output: Writable;
  /** Prompt only for a person at a terminal; piped questions get bare answers. */
  interactive: boolean;
}

/**
 * The console chat: one question a line, the answer printed below it. Resolves when the input
 * ends (end of a piped script, or Ctrl-D). Questions are answered in order, one at a time.
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
      const question = line.trim();
      if (question === '') return prompt();
      const answer = await deps.ask(question);
      deps.output.write(`${answer.text}\n\n`);
      prompt();
    });
  });
  return new Promise((resolve) => rl.on('close', () => queue.then(resolve)));
}
