// Loads every domain for its side effects (types, queries, mutations), then builds the schema.
import './shared/errors.graphql.ts';
import './entity/entity.graphql.ts';
import './entity/entity.mutations.ts';
import './person/person.graphql.ts';
import './person/people.graphql.ts';
import './person/person.mutations.ts';
import './organization/organization.graphql.ts';
import './place/place.graphql.ts';
import './field/field.graphql.ts';
import './project/project.graphql.ts';
import './tie/tie.mutations.ts';
import './search/search.graphql.ts';
import './personal-data/personal-data.graphql.ts';
import './personal-data/erasure.graphql.ts';
import './accounts/accounts.graphql.ts';
import './audit/audit.graphql.ts';
import './connections/paths.graphql.ts';
import './connections/neighborhood.graphql.ts';
import './connections/common.graphql.ts';
import './connections/maps.graphql.ts';
import './connections/needs.graphql.ts';
import './connections/connectors.graphql.ts';
import './import/import.graphql.ts';
import './outreach/index.ts';
import './duplicates/duplicates.graphql.ts';
import { builder } from './builder.ts';

export const schema = builder.toSchema({ sortSchema: true });
