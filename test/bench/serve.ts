/**
 * Starts the bench database of one size and keeps it running until Ctrl-C, so that `npm run bench`
 * (and ad-hoc queries) attach to it instead of starting Neo4j for every run:
 * `npm run bench:serve -- 100000`.
 */
import { openBenchDatabase } from './bench-database.ts';

const people = Number(process.argv[2] ?? 100_000);
const bench = await openBenchDatabase(people, console.log);
console.log(`bench database of ${people.toLocaleString('en')} people at ${bench.neo4j.uri}`);
const stop = () => void bench.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
