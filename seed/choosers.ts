/**
 * Weighted choices over the catalog, prepared once per run: hometowns, residences, employers per city
 * (leaning towards organisations in the person's industry), universities per province and abroad,
 * alumni and overseas associations, recruitment bureaus and the local organisations they recruit for.
 */
import type { Catalog, OrgInfo } from './catalog.ts';
import {
  BUREAU_PROVINCES,
  HOME_PROVINCE_STUDY_SHARE,
  HOMETOWN_WEIGHTS,
  HUBEI_STUDY_SHARE,
  RESIDENCE_WEIGHTS,
} from './demographics.ts';
import type { OrganizationType } from './model.ts';
import { type Random, Weighted } from './random.ts';

/** How often each kind of organisation employs people, unless the table sets `staff`. */
const DEFAULT_STAFF: Readonly<Record<OrganizationType, number>> = {
  university: 3,
  research_institute: 2,
  rnd_institute: 1,
  key_lab: 1,
  enterprise: 2,
  incubator: 0.3,
  industrial_park: 0.3,
  hospital: 2,
  government: 0.3,
  alumni_association: 0,
  overseas_association: 0,
  headhunter: 0.5,
  talent_station: 0.1,
  alliance: 0,
  investor: 0.3,
};

/** Organisation types a recruitment bureau introduces talents to. */
const LANDING_TYPES: ReadonlySet<OrganizationType> = new Set([
  'university',
  'research_institute',
  'rnd_institute',
  'key_lab',
  'enterprise',
  'incubator',
  'industrial_park',
  'hospital',
]);

/** Weighted picks over the catalog, built once per run. */
export class Choosers {
  readonly hometown: Weighted<number>;
  readonly residence: Weighted<number>;
  /** Cities abroad only, for earlier jobs of people who worked abroad. */
  readonly abroadResidence: Weighted<number>;
  /** Catalog index of China. */
  readonly china: number;
  readonly bureauProvinces: ReadonlySet<number>;
  /** Government bodies in the bureau provinces: the recruitment bureaus. */
  readonly bureaus: readonly OrgInfo[];
  /** Organisations in the bureau provinces that talents are introduced to. */
  readonly landingOrgs: readonly OrgInfo[];
  private readonly staff: readonly number[];
  private readonly employersByCity = new Map<number, OrgInfo[]>();
  private readonly employerTables = new Map<string, Weighted<number>>();
  private readonly domesticUniversities: Weighted<number>;
  private readonly hubeiUniversities: Weighted<number>;
  private readonly abroadUniversities: Weighted<number>;
  private readonly universitiesByProvince = new Map<number, Weighted<number>>();
  private readonly alumniAssociations = new Map<string, OrgInfo[]>();
  private readonly overseasAssociations = new Map<number, OrgInfo[]>();

  constructor(private readonly catalog: Catalog) {
    const { orgs } = catalog;
    this.china = catalog.china;
    this.hometown = new Weighted(
      Object.entries(HOMETOWN_WEIGHTS).map(([key, w]) => [catalog.place(key).index, w] as const),
    );
    this.bureauProvinces = new Set(BUREAU_PROVINCES.map((key) => catalog.place(key).index));
    this.staff = orgs.map((o) => o.def.staff ?? DEFAULT_STAFF[o.type]);
    for (const org of orgs) {
      if ((this.staff[org.index] ?? 0) <= 0 || org.city < 0) continue;
      const list = this.employersByCity.get(org.city) ?? [];
      list.push(org);
      this.employersByCity.set(org.city, list);
    }
    // Only cities with an employer can be a residence: people live where they work.
    this.residence = new Weighted(
      Object.entries(RESIDENCE_WEIGHTS)
        .map(([key, w]) => [catalog.place(key).index, w] as const)
        .filter(([city]) => this.employersByCity.has(city)),
    );
    this.abroadResidence = new Weighted(
      Object.entries(RESIDENCE_WEIGHTS)
        .map(([key, w]) => [catalog.place(key), w] as const)
        .filter(
          ([place]) => place.country !== catalog.china && this.employersByCity.has(place.index),
        )
        .map(([place, w]) => [place.index, w] as const),
    );

    const universities = orgs.filter((o) => o.type === 'university');
    const weighted = (list: readonly OrgInfo[]) =>
      new Weighted(list.map((o) => [o.index, this.staff[o.index] ?? 1] as const));
    const domestic = universities.filter((o) => o.country === catalog.china);
    this.domesticUniversities = weighted(domestic);
    this.abroadUniversities = weighted(universities.filter((o) => o.country !== catalog.china));
    this.hubeiUniversities = weighted(
      domestic.filter((o) => o.province === catalog.place('hubei').index),
    );
    for (const province of new Set(domestic.map((o) => o.province))) {
      this.universitiesByProvince.set(
        province,
        weighted(domestic.filter((o) => o.province === province)),
      );
    }

    for (const org of orgs) {
      if (org.type === 'alumni_association' && org.def.alumniOf) {
        const key = `${catalog.org(org.def.alumniOf).index}:${org.city}`;
        this.alumniAssociations.set(key, [...(this.alumniAssociations.get(key) ?? []), org]);
      }
      if (org.type === 'overseas_association') {
        this.overseasAssociations.set(org.country, [
          ...(this.overseasAssociations.get(org.country) ?? []),
          org,
        ]);
      }
    }
    this.bureaus = orgs.filter(
      (o) => o.type === 'government' && this.bureauProvinces.has(o.province),
    );
    this.landingOrgs = orgs.filter(
      (o) => LANDING_TYPES.has(o.type) && this.bureauProvinces.has(o.province),
    );
  }

  /** An employer in `city`, three times likelier when it works in industry `top`. */
  employer(random: Random, city: number, top: number): OrgInfo {
    const key = `${city}:${top}`;
    let table = this.employerTables.get(key);
    if (!table) {
      const list = this.employersByCity.get(city);
      if (!list) throw new Error(`no employer in city #${city}`);
      table = new Weighted(
        list.map(
          (o) => [o.index, (this.staff[o.index] ?? 1) * (o.tops.includes(top) ? 3 : 1)] as const,
        ),
      );
      this.employerTables.set(key, table);
    }
    return this.catalog.orgs[table.pick(random)] as OrgInfo;
  }

  /** A first-degree university for someone born in `province`. */
  firstUniversity(random: Random, province: number): OrgInfo {
    const provinceKey = this.catalog.places[province]?.def.key ?? '';
    const home = this.universitiesByProvince.get(province);
    const homeShare = HOME_PROVINCE_STUDY_SHARE[provinceKey] ?? 0.1;
    const x = random.next();
    let index: number;
    if (home && x < homeShare) index = home.pick(random);
    else if (x < homeShare + HUBEI_STUDY_SHARE) index = this.hubeiUniversities.pick(random);
    else index = this.domesticUniversities.pick(random);
    return this.catalog.orgs[index] as OrgInfo;
  }

  /** A university for a later degree, at home or abroad. */
  laterUniversity(random: Random, abroad: boolean): OrgInfo {
    const table = abroad ? this.abroadUniversities : this.domesticUniversities;
    return this.catalog.orgs[table.pick(random)] as OrgInfo;
  }

  /** The alumni associations of `university` in `city` (often none). */
  alumniAssociationsOf(university: number, city: number): readonly OrgInfo[] {
    return this.alumniAssociations.get(`${university}:${city}`) ?? [];
  }

  /** Overseas Chinese associations in `country`. */
  overseasAssociationsIn(country: number): readonly OrgInfo[] {
    return this.overseasAssociations.get(country) ?? [];
  }

  /** True when the city has at least one employer (test helper for the residence table). */
  hasEmployers(city: number): boolean {
    return this.employersByCity.has(city);
  }
}
