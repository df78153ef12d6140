/**
 * Checked by `tsc --noEmit` (never run): the proof that the compiler, not the page, catches a
 * document that no longer fits the schema. Each `@ts-expect-error` must meet an error, or tsc fails
 * with "Unused '@ts-expect-error' directive" — so if documents stopped being typed, this file would
 * fail the type check.
 */
import type { IntroductionCard } from './fragments.ts';
import { graphql, type ResultOf, type VariablesOf } from './graphql.ts';

const accountNames = graphql(`
  query TypeTestAccountNames { me { name } }
`);
type Me = NonNullable<ResultOf<typeof accountNames>['me']>;
export const named = (me: Me): string => me.name;
// @ts-expect-error: a field the document does not select is not there
export const unselected = (me: Me): string => me.email;

// A field renamed in the schema (Account has `name`, no `fullName`): the document still parses,
// but its value is `unknown`, so no page can show it as text or pass it on as a string.
const renamedField = graphql(`
  query TypeTestRenamedField { me { fullName } }
`);
type Renamed = NonNullable<ResultOf<typeof renamedField>['me']>;
// @ts-expect-error: unknown is not a string
export const renamed = (me: Renamed): string => me.fullName;

// Enums are their values' union: a stage the schema does not have is refused.
// @ts-expect-error: 'won' is not an IntroductionStage
export const badStage: IntroductionCard['stage'] = 'won';

// Variables are typed too: a missing required variable, or a wrong type, is refused.
const byId = graphql(`
  query TypeTestById($id: ID!) { node(id: $id) { id } }
`);
// @ts-expect-error: `id` is required
export const noId: VariablesOf<typeof byId> = {};
// @ts-expect-error: `id` is a string
export const numberId: VariablesOf<typeof byId> = { id: 7 };
