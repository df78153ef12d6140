/**
 * Words for the coded values the API stores and returns (enum values, degrees, audit actions), in
 * Chinese and English: `[zh, en]`. One table for both ends: the web app joins them into its message
 * catalogue (keys `<kind>.<value>`, e.g. `stage.signed`), and the server writes them into exports in
 * the requester's language (schema/shared/words/words.ts). Pure data, no imports: the web bundle
 * loads it.
 *
 * `words.test.ts` checks every value of each GraphQL enum named in `enumKinds` has its words.
 */
type Table = Record<string, readonly [zh: string, en: string]>;

export const enumWords = {
  category: {
    academician: ['院士', 'Academician'],
    strategic_scientist: ['战略科学家', 'Strategic scientist'],
    leading_talent: ['领军人才', 'Leading talent'],
    young_talent: ['青年人才', 'Young talent'],
    returnee: ['海归', 'Returnee'],
    alumnus: ['校友', 'Alumnus'],
    native_elsewhere: ['在外乡贤', 'Native working elsewhere'],
    local_expert: ['本地专家', 'Local expert'],
    entrepreneur: ['创业者', 'Entrepreneur'],
  },
  level: {
    national: ['国家级', 'National'],
    provincial: ['省级', 'Provincial'],
    city: ['市级', 'City'],
  },
  gender: { male: ['男', 'Male'], female: ['女', 'Female'], unknown: ['未知', 'Unknown'] },
  consent: {
    unknown: ['未知', 'Unknown'],
    granted: ['已同意', 'Granted'],
    refused: ['已拒绝', 'Refused'],
    withdrawn: ['已撤回', 'Withdrawn'],
  },
  consentChannel: {
    email: ['邮件', 'E-mail'],
    form: ['表单', 'Form'],
    in_person: ['当面', 'In person'],
    phone: ['电话', 'Phone'],
    wechat: ['微信', 'WeChat'],
    other: ['其他', 'Other'],
  },
  orgType: {
    university: ['高校', 'University'],
    research_institute: ['科研院所', 'Research institute'],
    rnd_institute: ['新型研发机构', 'New-type R&D institute'],
    key_lab: ['重点实验室', 'Key laboratory'],
    enterprise: ['企业', 'Enterprise'],
    incubator: ['孵化器', 'Incubator'],
    industrial_park: ['产业园区', 'Industrial park'],
    hospital: ['医院', 'Hospital'],
    government: ['政府机构', 'Government body'],
    alumni_association: ['校友会', 'Alumni association'],
    overseas_association: ['海外社团', 'Overseas association'],
    headhunter: ['猎头', 'Headhunter'],
    talent_station: ['人才工作站', 'Talent station'],
    alliance: ['联盟', 'Alliance'],
    investor: ['投资机构', 'Investor'],
  },
  placeKind: {
    country: ['国家', 'Country'],
    province: ['省', 'Province'],
    city: ['市', 'City'],
    district: ['区县', 'District'],
  },
  projectKind: {
    academician_project: ['院士项目', 'Academician project'],
    institute: ['研究院', 'Institute'],
    tech_transfer: ['成果转化', 'Technology transfer'],
    startup: ['创业项目', 'Start-up'],
    challenge: ['揭榜挂帅', 'Open challenge'],
  },
  projectStatus: {
    idea: ['设想', 'Idea'],
    negotiating: ['洽谈中', 'Negotiating'],
    signed: ['已签约', 'Signed'],
    landed: ['已落地', 'Landed'],
    stopped: ['已终止', 'Stopped'],
  },
  needStatus: {
    open: ['开放', 'Open'],
    filled: ['已满足', 'Filled'],
    closed: ['已关闭', 'Closed'],
  },
  contactKind: {
    phone: ['电话', 'Phone'],
    email: ['电子邮件', 'E-mail'],
    wechat: ['微信', 'WeChat'],
    id_number: ['证件号', 'ID number'],
  },
  knowsKind: {
    classmate: ['同学', 'Classmate'],
    colleague: ['同事', 'Colleague'],
    mentor: ['师生', 'Mentor'],
    coauthor: ['合著', 'Co-author'],
    friend: ['朋友', 'Friend'],
    family: ['亲属', 'Family'],
  },
  /** Kinds of derived ties (DERIVED_TIE.kind): what the two people shared. */
  derivedKind: {
    association: ['同会', 'Same association'],
    classmate: ['同学', 'Classmates'],
    colleague: ['同事', 'Colleagues'],
    project: ['同项目', 'Same project'],
  },
  /** STUDIED_AT.degree (schema/tie/tie-kinds.ts), a coded string rather than a GraphQL enum. */
  degree: {
    bachelor: ['学士', 'Bachelor’s'],
    master: ['硕士', 'Master’s'],
    phd: ['博士', 'PhD'],
    postdoc: ['博士后', 'Postdoc'],
    other: ['其他', 'Other'],
  },
  sourceKind: {
    roster: ['名册', 'Roster'],
    import: ['导入', 'Import'],
    article: ['报道', 'Article'],
    user: ['人工录入', 'Entered by hand'],
    seed: ['演示数据', 'Demo data'],
  },
  stage: {
    proposed: ['提议', 'Proposed'],
    contacted: ['已联系', 'Contacted'],
    interested: ['有意向', 'Interested'],
    visited: ['已考察', 'Visited'],
    negotiating: ['洽谈中', 'Negotiating'],
    signed: ['已签约', 'Signed'],
    landed: ['已落地', 'Landed'],
    declined: ['已拒绝', 'Declined'],
    dormant: ['搁置', 'Dormant'],
  },
  eventKind: {
    special_session: ['专场', 'Special session'],
    forum: ['论坛', 'Forum'],
    fair: ['招聘会', 'Fair'],
    visit: ['走访', 'Visit'],
    online: ['线上', 'Online'],
  },
  eventStatus: {
    planned: ['筹备中', 'Planned'],
    open: ['报名中', 'Open'],
    held: ['已举办', 'Held'],
    cancelled: ['已取消', 'Cancelled'],
  },
  invitation: {
    invited: ['已邀请', 'Invited'],
    waitlisted: ['候补', 'Waitlisted'],
    accepted: ['已接受', 'Accepted'],
    declined: ['已谢绝', 'Declined'],
    attended: ['已出席', 'Attended'],
    no_show: ['未出席', 'No-show'],
    cancelled: ['已取消', 'Cancelled'],
  },
  channel: {
    wechat: ['微信', 'WeChat'],
    call: ['电话', 'Call'],
    visit: ['走访', 'Visit'],
    meeting: ['会面', 'Meeting'],
    email: ['邮件', 'E-mail'],
    event: ['活动', 'Event'],
  },
  delivery: {
    queued: ['排队中', 'Queued'],
    sending: ['发送中', 'Sending'],
    sent: ['已发送', 'Sent'],
    failed: ['发送失败', 'Failed'],
    skipped: ['已跳过', 'Skipped'],
  },
  role: {
    admin: ['管理员', 'Admin'],
    staff: ['工作人员', 'Staff'],
    consultant: ['招才顾问', 'Consultant'],
    viewer: ['访客', 'Viewer'],
  },
  teamKind: {
    bureau: ['招才局', 'Bureau'],
    district: ['区县', 'District'],
    station: ['人才服务站', 'Service station'],
    consultancy: ['顾问团', 'Consultancy'],
    other: ['其他', 'Other'],
  },
  visibility: {
    team: ['仅本团队', 'This team only'],
    deployment: ['全部团队可读', 'All teams (read)'],
  },
  /** What an audit log entry records (Change.op, AuditEntry.action). */
  auditAction: {
    create: ['新建', 'Created'],
    update: ['修改', 'Changed'],
    delete: ['删除', 'Deleted'],
    restore: ['恢复', 'Restored'],
    tie_add: ['添加关系', 'Tie added'],
    tie_update: ['修改关系', 'Tie changed'],
    tie_end: ['结束关系', 'Tie ended'],
    tie_remove: ['删除关系', 'Tie removed'],
    merge: ['合并', 'Merged'],
    undo_merge: ['撤销合并', 'Merge undone'],
    judge: ['判定重复', 'Duplicate judged'],
    read_personal_data: ['查看个人信息', 'Personal data read'],
    download_export: ['下载导出文件', 'Export downloaded'],
    erase: ['删除个人信息', 'Personal data erased'],
  },
  entityKind: {
    Person: ['人物', 'Person'],
    Organization: ['机构', 'Organisation'],
    Place: ['地点', 'Place'],
    Field: ['领域', 'Field'],
    Project: ['项目', 'Project'],
  },
} as const satisfies Record<string, Table>;

export type EnumKind = keyof typeof enumWords;

/**
 * The GraphQL enums whose values the API returns to be shown, and the words for each. An error's
 * parameter names its enum (ErrorParam.enum), so a client can put the value in words.
 */
export const enumKinds: Record<string, EnumKind> = {
  PersonCategory: 'category',
  TalentLevel: 'level',
  Gender: 'gender',
  ConsentStatus: 'consent',
  ConsentChannel: 'consentChannel',
  OrganizationType: 'orgType',
  PlaceKind: 'placeKind',
  ProjectKind: 'projectKind',
  ProjectStatus: 'projectStatus',
  NeedStatus: 'needStatus',
  ContactKind: 'contactKind',
  KnowsKind: 'knowsKind',
  DerivedKind: 'derivedKind',
  SourceKind: 'sourceKind',
  IntroductionStage: 'stage',
  EventKind: 'eventKind',
  EventStatus: 'eventStatus',
  InvitationStatus: 'invitation',
  OutreachChannel: 'channel',
  DeliveryStatus: 'delivery',
  Role: 'role',
  TeamKind: 'teamKind',
  OutreachVisibility: 'visibility',
  EntityKind: 'entityKind',
};
