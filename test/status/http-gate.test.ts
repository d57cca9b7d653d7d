import { afterEach, describe, expect, it } from 'vitest';
import type { Incoming, Pipeline, Reply } from '../../src/bot/types.js';
import { silentLogger } from '../../src/logger.js';
import { createGate } from '../../src/service/http-gate.js';
import { closeServer, createHttpServer, listen } from '../../src/service/http-server.js';

/** A pipeline whose answers wait until the test lets them go: heavy questions, held in flight. */
function heldPipeline() {
  const held: Array<() => void> = [];
  const pipeline: Pipeline = {
    handle: (incoming: Incoming) =>
      new Promise<Reply>((resolve) => held.push(() => resolve({ kind: 'metric', text: `答：${incoming.text}`, rows: [] } as unknown as Reply))),
  };
  return { pipeline, held };
}

const until = async (cond: () => boolean) => {
  while (!cond()) await new Promise((r) => setTimeout(r, 5));
};

describe('the HTTP entry under more work than it takes at once', () => {
  const servers: Array<ReturnType<typeof createHttpServer>> = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await closeServer(s);
  });

  const serve = async (waitMs: number) => {
    const { pipeline, held } = heldPipeline();
    const server = createHttpServer({ pipeline, health: () => ({}), log: silentLogger, limits: { max: 1, queue: 1, waitMs } });
    servers.push(server);
    const { port } = await listen(server, '127.0.0.1', 0);
    const ask = (q: string) => fetch(`http://127.0.0.1:${port}/ask`, { method: 'POST', body: JSON.stringify({ question: q }) });
    const health = async () => (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { ok: boolean; busy: number; waiting: number };
    return { ask, health, held };
  };

  it('runs max at once, queues the next, refuses the rest with 429 in Chinese, and keeps /healthz answering', async () => {
    const { ask, health, held } = await serve(60_000);
    const first = ask('一');
    await until(() => held.length === 1);
    const second = ask('二');
    let h = await health();
    while (h.waiting < 1) h = await health();
    expect(h).toMatchObject({ ok: true, busy: 1, waiting: 1 });
    const third = await ask('三');
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('5');
    expect(((await third.json()) as { error: string }).error).toBe('服务繁忙，请稍后再试');
    held[0]!();
    expect(((await (await first).json()) as { text: string }).text).toBe('答：一');
    await until(() => held.length === 2);
    held[1]!();
    const answered = await second;
    expect(answered.status).toBe(200);
    expect(((await answered.json()) as { text: string }).text).toBe('答：二');
  });

  it('answers 503 in Chinese to a request that waited in the queue longer than allowed', async () => {
    const { ask, held } = await serve(50);
    const first = ask('一');
    await until(() => held.length === 1);
    const late = await ask('二');
    expect(late.status).toBe(503);
    expect(((await late.json()) as { error: string }).error).toContain('排队超时');
    held[0]!();
    expect((await first).status).toBe(200);
  });

  it('hands a freed place to the one waiting longest, and never runs more than max', async () => {
    const gate = createGate({ max: 2, queue: 10, waitMs: 60_000 });
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const releases: Array<() => void> = [];
    const job = (i: number) =>
      gate.run(
        () =>
          new Promise<number>((resolve) => {
            running++;
            most = Math.max(most, running);
            order.push(i);
            releases.push(() => {
              running--;
              resolve(i);
            });
          }),
      );
    const all = [1, 2, 3, 4, 5].map(job);
    await until(() => releases.length === 2);
    expect(gate.waiting).toBe(3);
    for (let k = 0; k < 5; k++) {
      await until(() => releases.length > k);
      releases[k]!();
    }
    expect((await Promise.all(all)).map((r) => r.ok)).toEqual([true, true, true, true, true]);
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
  });
});
