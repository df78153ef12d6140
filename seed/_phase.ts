import { generateGraph } from './generate.ts';
import { PeopleGenerator } from './people.ts';

const acc = new Map<string, number>();
const proto = PeopleGenerator.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
for (const name of ['draft', 'emitPerson', 'emitContacts', 'emitTies', 'aliases', 'bio']) {
  const orig = proto[name]!;
  proto[name] = function (this: unknown, ...a: unknown[]) {
    const t = performance.now();
    try {
      return orig.apply(this, a);
    } finally {
      acc.set(name, (acc.get(name) ?? 0) + performance.now() - t);
    }
  };
}
const t = performance.now();
let n = 0;
for (const b of generateGraph({ people: 30000 })) n += b.rows.length;
console.log('total', performance.now() - t, n);
console.log([...acc].map(([k, v]) => `${k} ${v.toFixed(0)}`).join('\n'));
