import { ulidFactory } from './ids.ts';
import { Random } from './random.ts';
import { tieRow, iso } from './rows.ts';
const r = new Random(1);
const f = ulidFactory(new Random(2));
let t = performance.now();
let x = 0;
for (let i = 0; i < 1_000_000; i++) x += f(1700000000000 + i).length;
console.log('ulid 1M', performance.now() - t);
t = performance.now();
for (let i = 0; i < 1_000_000; i++) x += iso(1700000000000 + i * 1000).length;
console.log('iso 1M', performance.now() - t);
t = performance.now();
const arr = [];
for (let i = 0; i < 1_000_000; i++) { arr.push(tieRow('a', 'b', { id: 'x', sourceId: 's', recordedAt: 'r', verified: true, confidence: undefined }, { from: 1, to: undefined, current: true })); if (arr.length > 5000) arr.length = 0; }
console.log('tieRow 1M', performance.now() - t);
