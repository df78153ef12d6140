/**
 * The Cypher the loader runs for one batch. Labels and types are interpolated into the statement (Cypher
 * cannot take them as parameters), so they come only from the allow-list in seed/model.ts and are
 * checked here; every value travels as a parameter.
 */
import {
  DATETIME_PROPERTIES,
  INTEGER_PROPERTIES,
  isAllowedTie,
  isNodeLabel,
  isTieType,
  type NodeLabel,
  type TieType,
} from './model.ts';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Throws unless `label` is a node label of the model. */
function assertNodeLabel(label: string): asserts label is NodeLabel {
  if (!isNodeLabel(label))
    throw new Error(`not a node label of the model: ${JSON.stringify(label)}`);
}

/** Throws unless `type` joins `from` to `to` in the model. */
function assertTie(type: string, from: string, to: string): asserts type is TieType {
  if (!isTieType(type)) throw new Error(`not a tie type of the model: ${JSON.stringify(type)}`);
  assertNodeLabel(from);
  assertNodeLabel(to);
  if (!isAllowedTie(type, from, to))
    throw new Error(`the model has no ${type} tie from ${from} to ${to}`);
}

/** `SET` items converting the ISO strings and numbers of `row` to datetimes and integers. */
function conversions(variable: string, source: string, key: NodeLabel | TieType): string {
  const items = [
    ...DATETIME_PROPERTIES[key].map((p) => `${variable}.${p} = datetime(${source}.${p})`),
    ...INTEGER_PROPERTIES[key].map((p) => `${variable}.${p} = toInteger(${source}.${p})`),
  ];
  for (const p of [...DATETIME_PROPERTIES[key], ...INTEGER_PROPERTIES[key]]) {
    if (!IDENTIFIER.test(p)) throw new Error(`bad property name ${p}`);
  }
  return items.map((i) => `, ${i}`).join('');
}

/** Creates one node per row of `$rows`. */
export function createNodesCypher(label: string): string {
  assertNodeLabel(label);
  return [
    'UNWIND $rows AS row',
    `CREATE (n:${label})`,
    `SET n = row${conversions('n', 'row', label)}`,
  ].join('\n');
}

/**
 * Creates one tie per row of `$rows` ({from, to, props}) between existing nodes found by id. A row whose
 * ends are missing creates nothing; the loader compares the count.
 */
export function createTiesCypher(type: string, from: string, to: string): string {
  assertTie(type, from, to);
  return [
    'UNWIND $rows AS row',
    `MATCH (a:${from} {id: row.from})`,
    `MATCH (b:${to} {id: row.to})`,
    `CREATE (a)-[r:${type}]->(b)`,
    `SET r = row.props${conversions('r', 'row.props', type)}`,
  ].join('\n');
}
