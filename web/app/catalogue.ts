import { catalogue } from '../../schema/shared/words/words.ts';
import * as admin from '../features/admin/messages.ts';
import * as consultants from '../features/consultants/messages.ts';
import * as details from '../features/details/messages.ts';
import * as duplicates from '../features/duplicates/messages.ts';
import * as events from '../features/events/messages.ts';
import * as explorer from '../features/explorer/messages.ts';
import * as followUps from '../features/follow-ups/messages.ts';
import * as importRoster from '../features/import/messages.ts';
import * as maps from '../features/maps/messages.ts';
import * as outreach from '../features/outreach/messages.ts';
import * as paths from '../features/paths/messages.ts';
import * as people from '../features/people/messages.ts';
import * as pipeline from '../features/pipeline/messages.ts';
import * as report from '../features/report/messages.ts';
import * as search from '../features/search/messages.ts';
import * as segments from '../features/segments/messages.ts';
import * as signIn from '../features/sign-in/messages.ts';
import * as views from '../features/views/messages.ts';
import type { Message } from './i18n.ts';
import * as shell from './messages.ts';

/**
 * Every feature's messages, in the order the keys are looked up. Keys are global (`people.total`),
 * so two features must not define the same one: `i18n.test.ts` checks that none is lost here.
 */
/** Words shared with the server: coded values, field names, problems (schema/shared/words/). */
const shared = { zh: catalogue('zh'), en: catalogue('en') };

export const catalogues = [
  shared,
  shell,
  signIn,
  search,
  explorer,
  views,
  details,
  paths,
  maps,
  outreach,
  people,
  segments,
  events,
  pipeline,
  followUps,
  report,
  importRoster,
  duplicates,
  admin,
  consultants,
];

const zh = {
  ...shared.zh,
  ...shell.zh,
  ...signIn.zh,
  ...search.zh,
  ...explorer.zh,
  ...views.zh,
  ...details.zh,
  ...paths.zh,
  ...maps.zh,
  ...outreach.zh,
  ...people.zh,
  ...segments.zh,
  ...events.zh,
  ...pipeline.zh,
  ...followUps.zh,
  ...report.zh,
  ...importRoster.zh,
  ...duplicates.zh,
  ...admin.zh,
  ...consultants.zh,
};

const en: Record<keyof typeof zh, Message> = {
  ...shared.en,
  ...shell.en,
  ...signIn.en,
  ...search.en,
  ...explorer.en,
  ...views.en,
  ...details.en,
  ...paths.en,
  ...maps.en,
  ...outreach.en,
  ...people.en,
  ...segments.en,
  ...events.en,
  ...pipeline.en,
  ...followUps.en,
  ...report.en,
  ...importRoster.en,
  ...duplicates.en,
  ...admin.en,
  ...consultants.en,
};

export const messages = { zh, en };
