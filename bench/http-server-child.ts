import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../src/config.js';
import { silentLogger } from '../src/logger.js';
import { startService } from '../src/service/serve.js';

/**
 * The service under load, alone in its process (bench/http-load.ts forks it): its memory and its
 * event-loop delay are its own. Started with the database given, on 127.0.0.1 and a free port.
 */
const [db, now] = process.argv.slice(2) as [string, string];
const loaded = loadConfig({ NIANBAO_DB: db, NIANBAO_HTTP_PORT: '0', LOG_LEVEL: 'silent' });
if (!loaded.ok) throw new Error(loaded.message);
const fixed = new Date(now);
const service = await startService({ config: loaded.config, log: silentLogger, console: null, now: () => fixed, scheduler: true });

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const loop = monitorEventLoopDelay({ resolution: 5 });

process.on('message', (m: { type: string }) => {
  if (m.type === 'start') {
    loop.reset();
    loop.enable();
    peakRss = process.memoryUsage().rss;
    process.send!({ type: 'started', rssMb: peakRss / 2 ** 20 });
  }
  if (m.type === 'stats') {
    loop.disable();
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    process.send!({
      type: 'stats',
      peakRssMb: Math.round(peakRss / 2 ** 20),
      rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
      heapMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
      loopDelay: { p50_ms: ms(loop.percentile(50)), p99_ms: ms(loop.percentile(99)), max_ms: ms(loop.max) },
    });
  }
  if (m.type === 'stop') {
    clearInterval(sampler);
    void service.stop().then(() => process.exit(0));
  }
});
process.send!({ type: 'ready', port: service.http!.port });
