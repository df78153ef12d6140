/**
 * What an expected failure says, by its code, `[zh, en]`, with `{name}` placeholders for its params.
 * Validation issues, conflicts and rejected import rows carry a code and params (schema/shared/errors.ts,
 * schema/import/parse-row.ts); the web app shows them in the user's language (as `issue.<code>`), and the
 * server writes them into files (rejected rows as CSV). The field a problem is about is said before it
 * (field-words.ts), so a template does not name it.
 */
export const issueWords = {
  // Any input (from the zod rules, schema/shared/validate.ts)
  invalid: ['值无效', 'is not valid'],
  required: ['必填', 'is required'],
  empty: ['不能为空', 'must not be empty'],
  too_long: ['最多 {max} 个字符', 'must be at most {max} characters'],
  too_short: ['至少 {min} 个字符', 'must be at least {min} characters'],
  too_many: ['最多 {max} 项', 'must have at most {max} items'],
  too_few: ['至少 {min} 项', 'must have at least {min} items'],
  too_big: ['不能大于 {max}', 'must be at most {max}'],
  too_small: ['不能小于 {min}', 'must be at least {min}'],
  out_of_range: ['应在 {min} 到 {max} 之间', 'must be between {min} and {max}'],
  count_range: ['应选 {min} 到 {max} 项', 'must name {min} to {max}'],
  not_integer: ['应为整数', 'must be a whole number'],
  not_allowed: ['不是可选的值', 'is not one of the allowed values'],
  bad_format: ['格式不对', 'has the wrong format'],
  not_email: ['不是有效的邮箱地址', 'must be an e-mail address'],
  not_url: ['不是有效的网址', 'must be a URL'],
  not_http: ['网址应以 http:// 或 https:// 开头', 'must be an http(s) URL'],
  not_datetime: ['不是有效的时间', 'must be a date and time'],
  not_date: ['应为日期（年-月-日）', 'must be a date (YYYY-MM-DD)'],
  not_json: ['不是有效的 JSON', 'is not JSON'],
  not_time_zone: ['不是有效的时区', 'must be a time zone'],
  control_characters: ['不能含控制字符', 'must not contain control characters'],
  bad_unicode: ['含无效字符', 'must be valid Unicode'],
  year_too_late: ['不能晚于今后十年', 'must not be more than 10 years ahead'],
  in_future: ['不能是将来的年份', 'must not be in the future'],
  before_start: ['不能早于开始', 'must not be before the start'],
  not_phone: ['不是有效的电话号码', 'must be a phone number'],
  not_wechat: [
    '不是有效的微信号（6–20 位字母、数字、- 或 _）',
    'must be a WeChat id (6-20 letters, digits, - or _)',
  ],
  not_id_number: ['不是有效的身份证或护照号', 'must be an identity or passport number'],
  wrong_id: ['编号无效或类型不对', 'is not an id of the right kind'],
  not_tie_id: ['不是关系的编号', 'must be the id of a tie'],
  bad_cursor: ['分页位置无效，请重新加载', 'is not a cursor returned by this API'],
  backward_paging: ['不支持向前翻页', 'backward paging is not supported'],
  not_found: ['找不到（可能已被删除）', 'was not found (it may have been deleted)'],
  duplicate_key: ['已有相同的记录', 'a record with the same key already exists'],
  // Ties
  same_as_subject: ['不能与对象相同', 'must differ from the subject'],
  current_ended: ['当前关系不能已在过去结束', 'a current tie cannot have ended in the past'],
  no_valid_time: [
    '「{kind}」关系没有起止时间，请直接删除',
    '{kind} ties have no valid time; remove the tie instead',
  ],
  tie_single: [
    '已有一条「{kind}」关系，请先修改或删除它',
    'there is a {kind} tie already; change or remove it first',
  ],
  tie_exists: ['这条「{kind}」关系已经存在', 'this {kind} tie exists already'],
  not_tie_kind: ['不是关系类型', 'must be a tie kind'],
  inside_itself: ['不能位于自身之内', 'cannot be inside itself'],
  already_deleted: ['已被删除', 'is already deleted'],
  not_deleted: ['并未删除', 'is not deleted'],
  // Personal data
  role_hides_contacts: ['您的角色不能查看联系方式', 'your role may not see contact details'],
  consent_hides_contacts: ['本人未同意提供联系方式', 'the person has not consented'],
  outside_scope: ['此人不在本团队的地域范围内', 'the person is outside your team’s place scope'],
  // Outreach
  one_source: ['请在人群、名单和人员中只选一项', 'give exactly one of segment, list or people'],
  one_export_source: [
    '请在名单、人群和活动中只选一项',
    'give exactly one of list, segment or event',
  ],
  people_or_pipeline: ['请选择导出人员或引荐，只选一项', 'give exactly one of people or pipeline'],
  filter_or_segment: ['筛选条件和人群只能选一项', 'give a people filter or a segment, not both'],
  role_no_contacts: [
    '「{role}」角色不能导出联系方式',
    'the {role} role may not export contact details',
  ],
  same_as_introducer: ['不能与引荐人相同', 'must differ from the introducer'],
  path_start: ['应从引荐人开始', 'must start with the introducer'],
  path_end: ['应以人才结束', 'must end with the talent'],
  path_repeats: ['同一个人不能出现两次', 'must not name a person twice'],
  stage_move: [
    '不能从「{from}」直接移到「{to}」',
    'an introduction cannot move from {from} to {to}',
  ],
  stage_needs_signed: [
    '只有「已签约」之后才能落地（现在是「{from}」）；如确需例外，请写明理由',
    'an introduction lands only after it is signed (it is {from}); record an exception with a note',
  ],
  needs_note: ['例外须写明理由', 'an exception needs a note saying why'],
  landing_not_allowed: [
    '只有落地到项目的引荐才能填写落地信息',
    'only a move to landed of an introduction to a project takes a landing',
  ],
  event_move: ['活动不能从「{from}」改为「{to}」', 'an event cannot move from {from} to {to}'],
  event_closed: ['活动{status}', 'the event is {status}'],
  invitation_gone: ['该邀请已不存在', 'the invitation is gone'],
  invitation_move: [
    '邀请不能从「{from}」改为「{to}」',
    'an invitation cannot move from {from} to {to}',
  ],
  no_colleagues: ['该活动不接受携带同事', 'this event does not take colleagues'],
  resend_needs_list: ['重发时请指明要重发的邀请', 'a resend names the invitations to send again'],
  mail_off: [
    '未配置邮件发送：请导出名单自行发送，再标记为已发送',
    'e-mail is off: export the list and mark the invitations sent by hand',
  ],
  claimed: ['已由「{team}」自 {since} 起接洽', 'already approached by {team} since {since}'],
  claimed_other: [
    '已由其他团队自 {since} 起接洽',
    'already approached by another team since {since}',
  ],
  period_order: ['结束日期不能早于开始日期', 'must not be before the start date'],
  // Accounts
  own_account: ['不能停用或降级自己的账号', 'you may not disable or demote your own account'],
  account_exists: ['该邮箱已有账号', 'an account with this e-mail exists'],
  bad_credentials: [
    '邮箱或密码不对，或账号已停用',
    'wrong e-mail or password, or the account is disabled',
  ],
  wrong_password: ['当前密码不对', 'the current password is wrong'],
  // Duplicates and merges
  merge_self: ['不能把记录合并到它自己', 'cannot merge a record into itself'],
  merge_tie_type: ['含无法合并的关系类型 {types}', 'has ties of types that cannot move: {types}'],
  merge_undone: ['这次合并已经撤销过了', 'this merge was already undone'],
  merge_kept_changed: [
    '保留的记录其后又被合并或删除，请先撤销那次操作',
    'the kept record was merged or deleted since; undo that first',
  ],
  merge_merged_changed: ['被合并的记录其后有改动', 'the merged record was changed since'],
  // Saved views
  repeated_node: ['有重复的节点', 'must not repeat a node'],
  not_view_node: ['不是视图中的节点', 'must be a node of the view'],
  edge_not_in_view: ['连线两端必须都在视图中', 'must join two nodes of the view'],
  member_held_twice: [
    '分组成员只能出现一次，且不能同时单独显示',
    'must be held once, and not also drawn',
  ],
  tie_not_to_hub: ['关系必须连接该成员与中心节点', 'must join the member and the hub'],
  // Import: the upload and the job
  file_too_big: ['文件不能超过 {max}', 'must be at most {max}'],
  file_type: ['应为 .csv 或 .xlsx 文件', 'must be a .csv or .xlsx file'],
  job_ended: ['该导入已结束（{status}）', 'the job is {status}'],
  unknown_field: ['不是可导入的字段', 'is not an import field'],
  column_unknown_field: [
    '“{column}”列：“{field}”不是可导入的字段',
    'column "{column}": unknown field "{field}"',
  ],
  columns_same_field: [
    '“{first}”和“{second}”两列都对应“{field}”',
    'columns "{first}" and "{second}" both map to {field}',
  ],
  missing_column: ['缺少“{field}”列', 'no column for {field}'],
  empty_file: ['文件为空', 'the file is empty'],
  mapping_both: [
    '请选择已有映射或上传映射文件，只选一项',
    'give a committed mapping or upload one (not both)',
  ],
  unknown_mapping: ['没有这个映射；可选：{names}', 'unknown mapping; one of: {names}'],
  mapping_clash: ['映射中有多个同名文件：{names}', 'reads several files named {names}'],
  path_outside: ['文件路径越出了数据集：{path}', 'path outside the dataset: {path}'],
  files_missing: ['还缺这些文件：{names}', 'missing: {names}'],
  // Import: one row
  formula: ['公式单元格（={formula}），请粘贴为数值', 'formula (={formula}): paste values instead'],
  sheet_error: ['表格错误 {error}', 'spreadsheet error {error}'],
  cell_too_long: ['内容过长（{length} 字，最多 {max} 字）', '{length} characters (at most {max})'],
  bad_encoding: [
    '有无法识别的字符：编码不对？请另存为 UTF-8 或 GB18030',
    'undecodable characters: wrong encoding? save as UTF-8 or GB18030',
  ],
  looks_like_formula: ['以“{char}”开头，疑似公式', 'starts with "{char}", looks like a formula'],
  merged_cells: [
    '含合并单元格 {range}，请取消合并并逐行填写',
    'merged cells {range}: unmerge and fill every row',
  ],
  not_gender: ['“{value}”不是 男/女', '"{value}" is not male/female (男/女)'],
  not_year: ['“{value}”不是年份', '"{value}" is not a year'],
  graduated_before_enrolled: ['毕业早于入学', 'graduation before enrolment'],
  unknown_category: ['未知的人才类别“{value}”', 'unknown category "{value}"'],
  item_too_long: ['有一项超过 {max} 字', 'an item is over {max} characters'],
  title_without_employer: ['有职务但无单位', 'given without an employer'],
  missing: ['缺少', 'missing'],
  unknown_place: ['未知地点“{name}”', 'unknown place "{name}"'],
  ambiguous_place: [
    '“{name}”可能是 {candidates}，请补充城市或省份',
    '"{name}" could be {candidates}; add the city or province',
  ],
  duplicate_row: ['与第 {line} 行重复（同一人）', 'duplicate of line {line} (same person)'],
  // Dataset import: one row
  no_column: ['文件中没有“{column}”列', 'no column "{column}"'],
  not_in_lookup: ['“{value}”不在映射的取值表中', '"{value}" is not one of the mapped values'],
  not_a_date: ['“{value}”不是日期', '"{value}" is not a date'],
  id_repeats: ['编号“{id}”与第 {line} 行重复', 'id "{id}" repeats line {line}'],
  end_not_in_dataset: ['数据集中没有{label}“{id}”', 'no {label} "{id}" in the dataset'],
  end_not_in_graph: ['关系的一端不在图中', 'an end is not in the graph'],
  same_name_orgs: [
    '有 {count} 个机构都叫“{name}”，请补充所在地或外部编号',
    '{count} organisations are named "{name}"; give the place (or an external id)',
  ],
} as const satisfies Record<string, readonly [zh: string, en: string]>;

export type IssueCode = keyof typeof issueWords;
