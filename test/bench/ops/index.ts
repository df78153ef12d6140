import { alumniMapOperation } from './alumni-map.ts';
import { emptyRequestOperation } from './empty-request.ts';
import { introductionPathsOperation } from './introduction-paths.ts';
import { libraryCountOperation, libraryNestedPageOperation } from './library-baselines.ts';
import { matchesOperation } from './matches.ts';
import { neighborhoodOperation } from './neighborhood.ts';
import type { Operation } from './operation.ts';
import { peopleFilteredPageOperation } from './people-filtered-page.ts';
import { peoplePageWithRelationsOperation } from './people-page-with-relations.ts';
import { searchOperation } from './search.ts';

/** Every benchmarked operation, in the order they run and appear in the table. */
export const operations: readonly Operation[] = [
  searchOperation,
  peopleFilteredPageOperation,
  peoplePageWithRelationsOperation,
  libraryNestedPageOperation,
  libraryCountOperation,
  introductionPathsOperation,
  neighborhoodOperation,
  alumniMapOperation,
  matchesOperation,
  emptyRequestOperation,
];
