/**
 * Who sees what: the one table the authorization test (authorization-matrix.int.test.ts) checks the
 * schema against. Every root field has a rule (who may call it) and every field of every object type
 * has a rule (what it shows to whom); a field or type missing here fails the test, so a new field
 * cannot ship without someone deciding who may read it.
 */
export type Role = 'admin' | 'staff' | 'consultant' | 'viewer';
export const roles: Role[] = ['admin', 'staff', 'consultant', 'viewer'];
export type Team = 'A' | 'B';

/** Who may call a root field (Query or Mutation). */
export type RootRule = 'anyone' | 'signedIn' | 'outreach' | 'editor' | 'personalData' | 'admin';
export const rootRoles: Record<RootRule, Role[]> = {
  anyone: roles,
  signedIn: roles,
  outreach: ['admin', 'staff', 'consultant'],
  editor: ['admin', 'staff'],
  personalData: ['admin', 'staff'],
  admin: ['admin'],
};

export const queryRules: Record<string, RootRule> = {
  accounts: 'admin',
  alumniMap: 'signedIn',
  auditLog: 'admin',
  auditLogCsv: 'admin',
  commonConnections: 'signedIn',
  consultant: 'outreach',
  consultants: 'outreach',
  datasetMappings: 'editor',
  duplicateCandidates: 'editor',
  entityByExternalId: 'signedIn',
  events: 'signedIn',
  exportJob: 'editor',
  exportPeople: 'outreach',
  exportPipeline: 'outreach',
  field: 'signedIn',
  fields: 'signedIn',
  importJob: 'editor',
  introduction: 'signedIn',
  introductionOwners: 'signedIn',
  introductionPaths: 'signedIn',
  introductions: 'signedIn',
  invitationChannels: 'outreach',
  invitationPreview: 'editor',
  job: 'editor',
  keyConnectors: 'signedIn',
  me: 'anyone',
  myFollowUps: 'outreach',
  myNotifications: 'signedIn',
  myTeam: 'signedIn',
  myWatches: 'signedIn',
  nativesMap: 'signedIn',
  neighborhood: 'signedIn',
  node: 'signedIn',
  nodes: 'signedIn',
  organization: 'signedIn',
  organizations: 'signedIn',
  outcomeReport: 'outreach',
  people: 'signedIn',
  peopleFacets: 'signedIn',
  person: 'signedIn',
  personList: 'signedIn',
  personLists: 'outreach',
  place: 'signedIn',
  places: 'signedIn',
  project: 'signedIn',
  projects: 'signedIn',
  savedView: 'signedIn',
  savedViews: 'signedIn',
  search: 'signedIn',
  segment: 'signedIn',
  segments: 'outreach',
  talentStation: 'outreach',
  talentStations: 'outreach',
  teams: 'signedIn',
};

export const mutationRules: Record<string, RootRule> = {
  addNote: 'outreach',
  addTie: 'editor',
  changePassword: 'signedIn',
  claimPerson: 'outreach',
  completeFollowUp: 'outreach',
  createAccount: 'admin',
  createEvent: 'editor',
  createExportLink: 'outreach',
  createField: 'editor',
  createFollowUp: 'outreach',
  createIntroduction: 'outreach',
  createNeed: 'editor',
  createOrganization: 'editor',
  createPerson: 'editor',
  createPersonList: 'outreach',
  createPlace: 'editor',
  createProject: 'editor',
  createSegment: 'outreach',
  createTeam: 'admin',
  deleteEntity: 'editor',
  deleteSavedView: 'signedIn',
  editPersonList: 'outreach',
  endTie: 'editor',
  erasePersonalData: 'personalData',
  findDuplicates: 'editor',
  freezeSegment: 'outreach',
  inviteToEvent: 'editor',
  judgeDuplicate: 'editor',
  logInteraction: 'outreach',
  login: 'anyone',
  logout: 'signedIn',
  markInvitationsSent: 'editor',
  markNotificationsRead: 'signedIn',
  notifyEventChange: 'editor',
  mergeOrganizations: 'editor',
  mergePeople: 'editor',
  moveIntroduction: 'outreach',
  recordConsent: 'personalData',
  releaseClaim: 'outreach',
  removeContact: 'personalData',
  removeTie: 'editor',
  restoreEntity: 'editor',
  resumeImport: 'editor',
  revokeSessions: 'admin',
  saveView: 'signedIn',
  sendInvitations: 'editor',
  setContact: 'personalData',
  setEventStatus: 'editor',
  setInvitationStatus: 'editor',
  setInvitationStatuses: 'editor',
  setNeedStatus: 'editor',
  shareSavedView: 'signedIn',
  startDatasetImport: 'editor',
  startExport: 'editor',
  startImport: 'editor',
  undoMerge: 'editor',
  unshareSavedView: 'signedIn',
  unwatch: 'signedIn',
  updateAccount: 'admin',
  updateField: 'editor',
  updateOrganization: 'editor',
  updateEvent: 'editor',
  updatePerson: 'editor',
  updatePlace: 'editor',
  updateProject: 'editor',
  updateSavedView: 'signedIn',
  updateTie: 'editor',
  watch: 'signedIn',
};

/**
 * What an object field shows.
 * - graph: the graph (people, organisations, ties, sources): every signed-in role.
 * - meta: structure around an answer (errors, pages, report numbers): as the field that returned it.
 * - count: a number drawn from outreach records of every team, never their content: every role.
 * - personal: contact details: admin, and staff within their team's place scope; consent permitting.
 * - outreach: an outreach record of team A (not shared with the deployment): admins, team A's
 *   staff and consultants; never viewers.
 * - outreachOwn: the same, but consultants only see the ones they made or own (introductions).
 * - outreachText: free text of an outreach record: as its record, with contacts redacted for
 *   consultants (schema/outreach/outreach-text.ts).
 * - history: an entity's history: graph entries for everyone; outreach entries as outreachText.
 * - own: the caller's own (account, watches, notifications, saved views, jobs): their owner.
 * - editor: import, duplicates and export work: admin and staff.
 * - admin: accounts and the audit log.
 */
export type FieldRule =
  | 'graph'
  | 'meta'
  | 'count'
  | 'personal'
  | 'outreach'
  | 'outreachOwn'
  | 'outreachText'
  | 'history'
  | 'own'
  | 'editor'
  | 'admin';

/** What a signed-in account of each role and team gets from a field of team A's records. */
export type Answer = 'full' | 'redacted' | 'hidden';
const asOutreach = (consultantA: Answer) =>
  ({
    'admin.A': 'full',
    'admin.B': 'full',
    'staff.A': 'full',
    'staff.B': 'hidden',
    'consultant.A': consultantA,
    'consultant.B': 'hidden',
    'viewer.A': 'hidden',
    'viewer.B': 'hidden',
  }) as const;

/** The answers the test checks by reading a fixture of team A as each role in teams A and B. */
export const answers: Partial<Record<FieldRule, Record<`${Role}.${Team}`, Answer>>> = {
  personal: {
    'admin.A': 'full',
    'admin.B': 'full',
    'staff.A': 'full',
    'staff.B': 'hidden', // team B's place scope does not cover the person
    'consultant.A': 'hidden',
    'consultant.B': 'hidden',
    'viewer.A': 'hidden',
    'viewer.B': 'hidden',
  },
  outreach: asOutreach('full'),
  outreachOwn: asOutreach('hidden'), // made by another account of team A
  outreachText: asOutreach('redacted'),
  count: Object.fromEntries(
    roles.flatMap((r) => [`${r}.A`, `${r}.B`]).map((k) => [k, 'full']),
  ) as Record<`${Role}.${Team}`, Answer>,
};

/** [rule of the type's fields, those fields, fields with a rule of their own]. */
type TypeRules = [FieldRule, string, Record<string, FieldRule>?];

const entity = 'aliases createdAt generatedAliases id latinName name provenance ties updatedAt';

export const typeRules: Record<string, TypeRules> = {
  Account: ['own', 'createdAt disabled email id name role teamId'],
  Attribution: ['meta', 'key landed name signed'],
  AuditEntry: [
    'admin',
    'action actor actorName at changes fields id requestId subjectId subjectName tieId',
  ],
  AuthenticationError: ['meta', 'code message params'],
  BaseError: ['meta', 'code message params'],
  Change: ['history', 'actor at changes op tieId'],
  CityCount: ['meta', 'city lives reachable total works'],
  Claim: [
    'outreach',
    'active createdAt createdBy id since teamName',
    { claimant: 'outreachText', note: 'outreachText' },
  ],
  CommonTie: ['graph', 'endYear kind label of startYear'],
  ConflictError: ['meta', 'code message params path'],
  Consultant: ['meta', 'id introductions name person projectsLanded reach report roles'],
  ConsultantRank: ['meta', 'consultant conversion introductions landed signed'],
  Contact: ['personal', 'id kind value'],
  DeletedEntity: ['meta', 'id kind'],
  DuplicatePair: [
    'editor',
    'a b decidedAt decidedBy id kind mergeId note proposedAt reasons score status',
  ],
  DatasetMapping: ['editor', 'dataset description files name'],
  DuplicateQueue: ['editor', 'pairs totalCount'],
  DuplicateReason: ['editor', 'code detail weight'],
  DuplicateRecord: ['editor', 'aliases birthYear id latinName name'],
  DuplicateScan: ['editor', 'autoMerged compared kind ms proposed records'],
  Erasure: ['meta', 'auditEntryId erased'],
  ErrorParam: ['meta', 'enum name value'],
  Event: [
    'outreach',
    'capacity changeNoticesOwed changedAt city colleaguesAllowed createdAt id invitations kind name organiser seatsTaken startsAt status timeZone venue',
  ],
  EventChangeNoticeResult: ['meta', 'inProgress job queued'],
  ExportFile: ['meta', 'base64 fileName mimeType rows'],
  ExportJob: [
    'own',
    'bytes contacts counts createdAt downloadUrl error finishedAt format id job labels people prefix status',
  ],
  ExportLink: ['own', 'expiresAt url'],
  FacetCount: ['graph', 'count label value'],
  Field: ['graph', `${entity} children parent`, { history: 'history' }],
  FieldChange: ['history', 'after before field'],
  // Per-field sources come from the entity's own properties: outreach entries name no property.
  FieldProvenance: ['graph', 'field recordedAt recordedBy source unsourced'],
  FilterCondition: ['meta', 'entities enum field missing values'],
  FollowUp: [
    'own',
    'createdAt createdBy done dueOn id overdue owner subject',
    { title: 'outreachText' },
  ],
  GraphEdge: ['graph', 'current derived endYear id kind label source startYear strength target'],
  ImportFileProblem: ['editor', 'code params reason'],
  ImportJob: [
    'editor',
    'created dataset doneRows dryRun error fileName id job keepGoodRows lastLine newFields newOrganizations preset preview problems ratePerSecond rejected rejectedCsv rejectedRows status totalRows unchanged updated',
  ],
  ImportPreviewRow: ['editor', 'action line links name problems reasons ties'],
  ImportPreviewTie: ['editor', 'isNew kind name under'],
  ImportRejectedRow: ['editor', 'code column line name params reason'],
  Interaction: ['outreach', 'at channel createdBy id', { note: 'outreachText' }],
  Introduction: [
    'outreachOwn',
    'channel createdAt createdBy eventId history id introducer owner ownerName path stage stageAt talent target targetId',
    { note: 'outreachText' },
  ],
  IntroductionPath: ['graph', 'consultants hops people score'],
  IntroductionOwner: ['meta', 'id introductions name'],
  Job: [
    'own',
    'attempts createdAt done error finishedAt id kind percent phase result startedAt status total',
  ],
  IntroductionPaths: ['graph', 'maxHops paths reason'],
  Invitation: [
    'outreach',
    'changeNotice delivery eventId history id invitedAt person status withColleague',
  ],
  InvitationChange: ['outreach', 'at by channel status', { note: 'outreachText' }],
  InvitationChannel: ['meta', 'channel enabled note'],
  InvitationDelivery: ['outreach', 'at channel error sendCount sentAt status'],
  InvitationPreview: ['editor', 'blockedBecause hasAddress html language rsvpUrl subject text'],
  InvitationStatusesResult: ['meta', 'changed unchanged waitlisted'],
  InviteResult: ['meta', 'alreadyInvited doNotContact invited noConsent'],
  KeyConnector: ['graph', 'bridges degree groups person'],
  KindCount: ['graph', 'count kind'],
  LandedProject: ['meta', 'landedAt project'],
  LoginPayload: ['own', 'account expiresAt token'],
  MapGroup: ['graph', 'code count key label latinName people'],
  Match: ['graph', 'fieldDistance parts person reachHops score'],
  MatchParts: ['graph', 'affinity fit level reach recency'],
  MergeResult: ['editor', 'aliasesAdded id kept merged movedTies setAsideTies'],
  Need: [
    'graph',
    'categories createdAt description fields id levels matches owner places status title',
  ],
  Neighborhood: ['graph', 'edges nodes omittedAtLeast omittedByKind omittedNodes truncated'],
  NotFoundError: ['meta', 'code entity id message params path'],
  Notification: [
    'own',
    'actor at detail id kind read subject subjectName',
    { changes: 'outreachText' },
  ],
  Organization: [
    'graph',
    `${entity} description fields needs place type`,
    { history: 'history', timeline: 'outreach' },
  ],
  OutcomeReport: [
    'meta',
    'attended byChannel byConsultant byEvent byIntroducer byStation invited reached stages total',
  ],
  PageInfo: ['meta', 'endCursor hasNextPage hasPreviousPage startCursor'],
  PathHop: [
    'graph',
    'derived endYear explanation from kind provenance since startYear strength to via',
  ],
  PathScore: [
    'graph',
    'hops recency score strength tieScore verification',
    { introducerLoad: 'count', outreachFactor: 'count', recentInteractions: 'count' },
  ],
  PeopleFacets: ['graph', 'almaMaters categories cities employers fields hometowns levels'],
  PeopleMap: ['graph', 'groups total'],
  Person: [
    'graph',
    `${entity} bio birthYear categories consentStatus degreeFrom doNotContact education expertise gender hometown honours knows level location positions preferredLanguage title`,
    {
      claims: 'outreach',
      history: 'history',
      interactions: 'outreach',
      introducerLoad: 'count',
      personalData: 'personal',
      timeline: 'outreach',
    },
  ],
  PersonList: [
    'outreach',
    'createdAt createdBy createdByName id memberCount members name segment segmentId',
  ],
  PersonalData: ['personal', 'contacts', { reason: 'meta', reasonCode: 'meta', visible: 'meta' }],
  Place: ['graph', `${entity} ancestors children kind parent`, { history: 'history' }],
  Project: [
    'graph',
    `${entity} description fields funding host kind leaders needs place status`,
    { history: 'history' },
  ],
  Provenance: ['graph', 'confidence fields recordedAt recordedBy source unsourced verified'],
  Reach: ['meta', 'byKind oneHop twoHops'],
  ReachCount: ['meta', 'count kind'],
  SavedView: [
    'own',
    'annotations createdAt entities graph id mine missingIds notes ownerName sharedWith sharedWithTeam title updatedAt',
  ],
  SavedViewAnnotation: ['own', 'nodeIds text viewport'],
  SavedViewReader: ['own', 'email name'],
  SavedViewport: ['own', 'x y zoom'],
  SearchHit: ['graph', 'entity matchedBy score'],
  Segment: [
    'outreach',
    'cities conditions createdAt createdBy createdByName filter id memberCount members name',
  ],
  SendInvitationsResult: ['meta', 'alreadySent closed inProgress job queued'],
  Source: ['graph', 'createdAt createdBy id kind title url'],
  StageMove: ['outreachOwn', 'at by byName from id override to', { note: 'outreachText' }],
  StageStat: ['meta', 'conversion current meanDays medianDays reached stage stays'],
  TalentStation: ['meta', 'id introductions name organization projectsLanded reach report'],
  Team: ['admin', 'id kind name outreachVisibility scopePlaceId'],
  Tie: [
    'graph',
    'current degree direction endYear id kind knowsKind landedYear level major other provenance role since startYear strength title',
  ],
  TimelineItem: ['outreach', 'at channel kind recordId status', { summary: 'outreachText' }],
  UndoMergeResult: ['editor', 'id kept missing movedBack restored'],
  ValidationError: ['meta', 'code issues message params'],
  ValidationIssue: ['meta', 'code message params path'],
  Watch: ['own', 'createdAt id target targetKind targetName'],
};

/** Result wrappers whose fields only carry what the field that returned them carries. */
export const isWrapper = (type: string) =>
  /^(Query|Mutation)$|^Mutation\w+Success$|Connection$|ConnectionEdge$/.test(type);

/** The rule of `Type.field` from the table, or undefined when it has none. */
export function ruleOf(type: string, field: string): FieldRule | undefined {
  const entry = typeRules[type];
  if (!entry) return undefined;
  const [rule, fields, own = {}] = entry;
  if (own[field]) return own[field];
  return fields.split(' ').includes(field) ? rule : undefined;
}
