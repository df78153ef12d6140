import type { ElementDefinition } from 'cytoscape';
import { enumText } from '../../app/i18n.ts';
import type { IntroductionPath } from './queries.ts';

/** Paths as one graph: every person once, every hop once; our side `path-start`, the target `focus`. */
export function pathElements(paths: IntroductionPath[], target: string): ElementDefinition[] {
  const nodes = new Map<string, ElementDefinition>();
  const edges = new Map<string, ElementDefinition>();
  paths.forEach((path, index) => {
    path.hops.forEach((hop, i) => {
      for (const person of [hop.from, hop.to]) {
        if (nodes.has(person.id)) continue;
        const classes =
          person.id === target
            ? ['focus']
            : i === 0 && person.id === hop.from.id
              ? ['path-start']
              : [];
        nodes.set(person.id, {
          group: 'nodes',
          data: { id: person.id, label: person.name, type: 'Person', latinName: person.latinName },
          classes,
        });
      }
      const [a, b] = [hop.from.id, hop.to.id].sort();
      const id = `hop:${a}:${b}`;
      const existing = edges.get(id);
      if (existing) {
        (existing.data.paths as number[]).push(index);
        return;
      }
      edges.set(id, {
        group: 'edges',
        data: {
          id,
          source: hop.from.id,
          target: hop.to.id,
          kind: hop.derived ? 'DERIVED_TIE' : 'KNOWS',
          label: hop.via ?? enumText(hop.derived ? 'derivedKind' : 'knowsKind', hop.kind),
          derived: hop.derived,
          paths: [index],
        },
      });
    });
  });
  return [...nodes.values(), ...edges.values()];
}
