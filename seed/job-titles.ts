/**
 * Job titles by kind of employer and seniority (0 junior .. 3 most senior). Organisations abroad get
 * English titles, as they appear on rosters of overseas talent.
 *
 * Every title is one many people hold at once: the organisations are real, so an invented person must
 * never get a one-of-a-kind post (CTO, bureau chief, association president) that names a real holder.
 */
import type { OrganizationType } from './model.ts';

type Ladder = readonly [string, string, string, string];

const DOMESTIC: Readonly<Record<string, Ladder>> = {
  university: ['讲师', '副教授', '教授', '教授、博士生导师'],
  research: ['助理研究员', '副研究员', '研究员', '研究员、博士生导师'],
  enterprise: ['工程师', '高级工程师', '技术专家', '首席专家'],
  hospital: ['住院医师', '主治医师', '副主任医师', '主任医师'],
  government: ['科员', '主任科员', '副处长', '处长'],
  investor: ['投资经理', '高级投资经理', '投资总监', '合伙人'],
  service: ['专员', '项目经理', '部门经理', '高级经理'],
};

const ABROAD: Readonly<Record<string, Ladder>> = {
  university: ['Postdoctoral Fellow', 'Assistant Professor', 'Associate Professor', 'Professor'],
  research: [
    'Research Scientist',
    'Senior Research Scientist',
    'Principal Investigator',
    'Distinguished Scientist',
  ],
  enterprise: ['Engineer', 'Senior Engineer', 'Staff Engineer', 'Principal Scientist'],
  hospital: ['Resident', 'Research Fellow', 'Attending Physician', 'Professor of Medicine'],
  government: ['Officer', 'Senior Officer', 'Program Manager', 'Senior Program Manager'],
  investor: ['Associate', 'Vice President', 'Principal', 'Partner'],
  service: ['Associate', 'Manager', 'Senior Manager', 'Principal'],
};

const GROUP: Readonly<Record<OrganizationType, string>> = {
  university: 'university',
  research_institute: 'research',
  rnd_institute: 'research',
  key_lab: 'research',
  enterprise: 'enterprise',
  hospital: 'hospital',
  government: 'government',
  investor: 'investor',
  incubator: 'service',
  industrial_park: 'service',
  headhunter: 'service',
  talent_station: 'service',
  alliance: 'service',
  alumni_association: 'service',
  overseas_association: 'service',
};

/** The title for `seniority` (clamped to 0..3) at an organisation of `type`. */
export function jobTitle(type: OrganizationType, seniority: number, abroad: boolean): string {
  const ladder = (abroad ? ABROAD : DOMESTIC)[GROUP[type]] as Ladder;
  return ladder[Math.max(0, Math.min(3, seniority))] as string;
}

/** True for titles that supervise graduate students (used to pick mentors). */
export function isSeniorAcademic(type: OrganizationType, seniority: number): boolean {
  return (GROUP[type] === 'university' || GROUP[type] === 'research') && seniority >= 2;
}

/** True for employers where people publish (used to pick co-authors). */
export function isResearchEmployer(type: OrganizationType): boolean {
  return GROUP[type] === 'university' || GROUP[type] === 'research' || type === 'hospital';
}
