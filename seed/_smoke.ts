import { generateGraph } from './generate.ts';

const n = Number(process.argv[2] ?? 3000);
const t = performance.now();
const counts = new Map<string, number>();
let batches = 0;
for (const b of generateGraph({ people: n })) {
  batches++;
  const k = b.kind === 'node' ? b.label : `${b.type}(${b.from}->${b.to})`;
  counts.set(k, (counts.get(k) ?? 0) + b.rows.length);
}
console.log(
  'ms',
  Math.round(performance.now() - t),
  'batches',
  batches,
  'heapMB',
  Math.round(process.memoryUsage().heapUsed / 1e6),
);
console.log([...counts].map(([k, v]) => `${k}: ${v}`).join('\n'));
