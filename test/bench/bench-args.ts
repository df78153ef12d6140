/** What `npm run bench -- …` asked for. */
export interface BenchArgs {
  /** Data sizes in people, run in this order. */
  sizes: number[];
  /** Operation names to run; empty means all. */
  ops: string[];
  /** Timed iterations per operation (fewer for slow operations, see `budgetSeconds`). */
  iterations: number;
  /** Warm-up iterations per operation (not timed). */
  warmup: number;
  /** Time one operation may take (GraphQL and baseline together) before its iterations are cut. */
  budgetSeconds: number;
  /** Fewest timed iterations an operation gets, whatever its budget. */
  minIterations: number;
  /** Inputs on which GraphQL and baseline answers are compared before timing. */
  compareInputs: number;
}

export const benchUsage =
  'usage: tsx test/bench/run.ts [--sizes 100000,1000000] [--ops a,b] [--iterations N] [--warmup N] [--budget-seconds S] [--min-iterations N] [--compare-inputs N]';

const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function wholeNumber(flag: string, value: string, min: number): number {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < min)
    throw new Error(`${flag} needs a whole number >= ${min}, got ${value}`);
  return n;
}

/** Parses the command line; throws with a message naming the bad flag. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = {
    sizes: [100_000],
    ops: [],
    iterations: 100,
    warmup: 10,
    budgetSeconds: 150,
    minIterations: 20,
    compareInputs: 10,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    i++;
    switch (flag) {
      case '--sizes':
        args.sizes = list(value).map((v) => wholeNumber('--sizes', v, 1));
        break;
      case '--ops':
        args.ops = list(value);
        break;
      case '--iterations':
        args.iterations = wholeNumber(flag, value, 1);
        break;
      case '--warmup':
        args.warmup = wholeNumber(flag, value, 0);
        break;
      case '--budget-seconds':
        args.budgetSeconds = wholeNumber(flag, value, 1);
        break;
      case '--min-iterations':
        args.minIterations = wholeNumber(flag, value, 1);
        break;
      case '--compare-inputs':
        args.compareInputs = wholeNumber(flag, value, 0);
        break;
      default:
        throw new Error(`unknown flag ${flag}`);
    }
  }
  return args;
}
