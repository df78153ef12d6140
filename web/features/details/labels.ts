import { enumLabel, lang } from '../../app/i18n.ts';
import { edgeKindOf } from '../../graph/stylesheet.ts';

/** Chinese names of the enum values the details panel shows (English: the value, readable). */
export const categoryLabels: Record<string, string> = {
  academician: '院士',
  alumnus: '校友',
  entrepreneur: '创业者',
  leading_talent: '领军人才',
  local_expert: '本地专家',
  native_elsewhere: '在外乡贤',
  returnee: '海归',
  strategic_scientist: '战略科学家',
  young_talent: '青年人才',
};

export const organizationTypeLabels: Record<string, string> = {
  alliance: '联盟',
  alumni_association: '校友会',
  enterprise: '企业',
  government: '政府机构',
  headhunter: '猎头',
  hospital: '医院',
  incubator: '孵化器',
  industrial_park: '产业园区',
  investor: '投资机构',
  key_lab: '重点实验室',
  overseas_association: '海外社团',
  research_institute: '科研院所',
  rnd_institute: '新型研发机构',
  talent_station: '人才工作站',
  university: '高校',
};

export const placeKindLabels: Record<string, string> = {
  country: '国家',
  province: '省',
  city: '市',
  district: '区县',
};

export const projectKindLabels: Record<string, string> = {
  academician_project: '院士项目',
  challenge: '揭榜挂帅',
  institute: '研究院',
  startup: '创业项目',
  tech_transfer: '成果转化',
};

export const projectStatusLabels: Record<string, string> = {
  idea: '设想',
  negotiating: '洽谈中',
  signed: '已签约',
  landed: '已落地',
  stopped: '已终止',
};

export const levelLabels: Record<string, string> = {
  national: '国家级',
  provincial: '省级',
  city: '市级',
};

export const contactKindLabels: Record<string, string> = {
  email: '电子邮件',
  phone: '电话',
  wechat: '微信',
  id_number: '证件号',
};

export const knowsKindLabels: Record<string, string> = {
  classmate: '同学',
  coauthor: '合著',
  colleague: '同事',
  family: '亲属',
  friend: '朋友',
  mentor: '师生',
};

/** Kinds of derived ties (DERIVED_TIE.kind): what the two people shared. */
export const derivedKindLabels: Record<string, string> = {
  association: '同会',
  classmate: '同学',
  colleague: '同事',
  project: '同项目',
};

export function label(table: Record<string, string>, value: string): string {
  return enumLabel(table, value);
}

/** A tie kind (WORKED_AT, KNOWS, DERIVED_TIE …) in words, from the graph's legend. */
export function tieKindText(kind: string): string {
  const style = edgeKindOf(kind);
  return style ? (lang.value === 'zh' ? style.label : style.english) : kind;
}
