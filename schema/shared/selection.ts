import { collectSubFields, type FieldsAndPatches } from '@graphql-tools/utils';
import {
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  getNamedType,
  isAbstractType,
  isObjectType,
} from 'graphql';

const fieldNodesOf = ({ fields, patches }: FieldsAndPatches): FieldNode[] =>
  [fields, ...patches.map((p) => p.fields)].flatMap((map) => [...map.values()].flat());

/**
 * The names of the fields the query selects under `field` of this resolver's (object) result, over
 * every object type the field may return: fragments and type conditions followed, `@skip` and
 * `@include` applied. A resolver reads only what these need (the graph view's nodes, for one).
 */
export function selectedSubfields(info: GraphQLResolveInfo, field: string): Set<string> {
  const { schema, fragments, variableValues } = info;
  const parent = getNamedType(info.returnType);
  if (!isObjectType(parent)) throw new Error(`${parent.name} is not an object type`);
  const under = fieldNodesOf(
    collectSubFields(schema, fragments, variableValues, parent, [...info.fieldNodes]),
  ).filter((node) => node.name.value === field);
  const type = getNamedType(parent.getFields()[field]?.type);
  if (!type) throw new Error(`${parent.name} has no field ${field}`);
  const types: readonly GraphQLObjectType[] = isAbstractType(type)
    ? schema.getPossibleTypes(type)
    : isObjectType(type)
      ? [type]
      : [];
  const names = new Set<string>();
  for (const runtime of types) {
    for (const node of fieldNodesOf(
      collectSubFields(schema, fragments, variableValues, runtime, under),
    ))
      names.add(node.name.value);
  }
  return names;
}
