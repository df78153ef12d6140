/// <reference types="vite/client" />
import { Kind } from '@0no-co/graphql.web';
import { queryText } from './graphql-client.ts';

/** One operation the web app sends: its name and the exact text the client posts. */
export interface WebOperation {
  name: string;
  query: string;
}

/**
 * Every operation of the web app: the documents that each feature's `queries.ts` exports (a test
 * keeps `graphql()` out of other files). Read by the build, for the persisted-operations manifest,
 * and by tests; the app itself never imports this list.
 */
const modules = import.meta.glob<Record<string, unknown>>('../**/queries.ts', { eager: true });

export const allOperations: WebOperation[] = Object.values(modules)
  .flatMap((exports) => Object.values(exports))
  .flatMap((value) => {
    const definitions = (value as { definitions?: { kind: string; name?: { value: string } }[] })
      ?.definitions;
    const operation = definitions?.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (!operation) return []; // a fragment, a type guard or a helper
    return [{ name: operation.name?.value ?? '', query: queryText(value as never) }];
  })
  .sort((a, b) => a.name.localeCompare(b.name));
