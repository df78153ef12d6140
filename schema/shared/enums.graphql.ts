import { builder } from '../builder.ts';
import {
  consentStatuses,
  contactKinds,
  genders,
  languages,
  organizationTypes,
  personCategories,
  placeKinds,
  projectKinds,
  projectStatuses,
  talentLevels,
} from './entity-kinds.ts';

// GraphQL enums for the value lists in entity-kinds.ts: an input outside the list is refused by GraphQL
// itself, before any resolver runs.
export const PersonCategoryEnum = builder.enumType('PersonCategory', { values: personCategories });
export const TalentLevelEnum = builder.enumType('TalentLevel', { values: talentLevels });
export const GenderEnum = builder.enumType('Gender', { values: genders });
export const ConsentStatusEnum = builder.enumType('ConsentStatus', { values: consentStatuses });
export const OrganizationTypeEnum = builder.enumType('OrganizationType', {
  values: organizationTypes,
});
export const PlaceKindEnum = builder.enumType('PlaceKind', { values: placeKinds });
export const ProjectKindEnum = builder.enumType('ProjectKind', { values: projectKinds });
export const ProjectStatusEnum = builder.enumType('ProjectStatus', { values: projectStatuses });
export const LanguageEnum = builder.enumType('Language', { values: languages });
export const ContactKindEnum = builder.enumType('ContactKind', { values: contactKinds });
