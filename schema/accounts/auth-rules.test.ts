import { describe, expect, it } from 'vitest';
import { schema } from '../index.ts';

/** The scope rule a root field declares (Pothos keeps a field's options in its extensions). */
function ruleOf(field: { extensions?: Record<string, unknown> }): unknown {
  const options = field.extensions?.pothosOptions as { authScopes?: unknown } | undefined;
  return options?.authScopes;
}

describe('every operation declares who may use it', () => {
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    it(`each ${root?.name} field has an authScopes rule`, () => {
      const fields = Object.values(root?.getFields() ?? {});
      expect(fields.length).toBeGreaterThan(10);
      const missing = fields.filter((f) => !ruleOf(f)).map((f) => f.name);
      expect(missing).toEqual([]);
    });
  }

  it('only sign-in and "who am I" are open to anonymous callers', () => {
    const open = [schema.getQueryType(), schema.getMutationType()].flatMap((root) =>
      Object.values(root?.getFields() ?? {})
        .filter((f) => (ruleOf(f) as { anyone?: boolean } | undefined)?.anyone)
        .map((f) => `${root?.name}.${f.name}`),
    );
    expect(open.sort()).toEqual(['Mutation.login', 'Query.me']);
  });

  it('types holding personal data or accounts carry their own rule', () => {
    for (const name of ['Contact', 'AuditEntry', 'Team']) {
      const type = schema.getType(name);
      expect(type, name).toBeDefined();
      const options = type?.extensions?.pothosOptions as { authScopes?: unknown } | undefined;
      expect(options?.authScopes, name).toBeDefined();
    }
  });
});
