import { generateGraph } from './generate.ts';
const n = Number(process.argv[2] ?? 200000);
const gc = (globalThis as { gc?: () => void }).gc;
let people = 0;
let next = 50000;
const t = performance.now();
for (const b of generateGraph({ people: n })) {
  if (b.kind === 'node' && b.label === 'Person') people += b.rows.length;
  if (people >= next) {
    gc?.();
    console.log(
      people,
      'heapMB after gc',
      Math.round(process.memoryUsage().heapUsed / 1e6),
      'rssMB',
      Math.round(process.memoryUsage().rss / 1e6),
      's',
      ((performance.now() - t) / 1000).toFixed(1),
    );
    next += 50000;
  }
}
