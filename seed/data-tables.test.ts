import { describe, expect, it } from 'vitest';
import { BatchBuffer } from './batch-buffer.ts';
import { buildCatalog } from './catalog.ts';
import { Choosers } from './choosers.ts';
import { SeedContext } from './context.ts';
import { HOMETOWN_WEIGHTS, RESIDENCE_WEIGHTS } from './demographics.ts';
import { FIELDS } from './fields.ts';
import { INSTITUTIONS } from './institutions.ts';
import { SURNAMES } from './names.ts';
import { PLACES } from './places.ts';

const PARENT_KINDS: Record<string, string[]> = {
  country: [],
  province: ['country'],
  city: ['province', 'country'],
  district: ['city'],
};

describe('seed/places.ts', () => {
  const byKey = new Map(PLACES.map((p) => [p.key, p]));

  it('has unique keys and a proper country > province > city > district hierarchy', () => {
    expect(byKey.size).toBe(PLACES.length);
    PLACES.forEach((p, i) => {
      const parent = p.parent ? byKey.get(p.parent) : undefined;
      if (p.kind === 'country') expect(p.parent).toBeUndefined();
      else {
        expect(parent, p.key).toBeDefined();
        expect(PARENT_KINDS[p.kind], p.key).toContain(parent?.kind);
        expect(PLACES.indexOf(parent as (typeof PLACES)[number]), p.key).toBeLessThan(i);
      }
    });
  });

  it('includes the places of the articles', () => {
    const names = new Set(PLACES.map((p) => p.name));
    for (const name of [
      '洪山区',
      '江夏区',
      '武昌区',
      '东湖新技术开发区',
      '宜昌市',
      '襄阳市',
      '雄安新区',
      '石家庄市',
      '保定市',
      '运城市',
      '盐湖区',
      '永济市',
      '河津市',
      '太原市',
      '海淀区',
      '浦东新区',
      '南山区',
      '福田区',
      '新加坡',
    ]) {
      expect(names, name).toContain(name);
    }
  });
});

describe('seed/fields.ts', () => {
  it('is a taxonomy of at least three levels with unique keys', () => {
    const byKey = new Map(FIELDS.map((f) => [f.key, f]));
    expect(byKey.size).toBe(FIELDS.length);
    const depth = (key: string): number => {
      const parent = byKey.get(key)?.parent;
      return parent ? 1 + depth(parent) : 1;
    };
    for (const f of FIELDS) if (f.parent) expect(byKey.has(f.parent), f.key).toBe(true);
    expect(depth('fiber-laser')).toBe(3);
    expect(depth('functional-protein')).toBe(3);
    expect(depth('multimodal')).toBe(3);
    expect(depth('sodium-ion')).toBe(3);
    expect(Math.max(...FIELDS.map((f) => depth(f.key)))).toBeGreaterThanOrEqual(3);
    for (const f of FIELDS) expect(f.latinName, f.key).toMatch(/[A-Za-z]/);
  });
});

describe('seed/institutions.ts', () => {
  it('locates every organisation in a known place and field', () => {
    const places = new Set(PLACES.map((p) => p.key));
    const fields = new Set(FIELDS.map((f) => f.key));
    const keys = new Set(INSTITUTIONS.map((o) => o.key));
    expect(keys.size).toBe(INSTITUTIONS.length);
    for (const o of INSTITUTIONS) {
      expect(places.has(o.place), `${o.key} in ${o.place}`).toBe(true);
      for (const f of o.fields ?? []) expect(fields.has(f), `${o.key} field ${f}`).toBe(true);
      if (o.alumniOf)
        expect(INSTITUTIONS.find((u) => u.key === o.alumniOf)?.type).toBe('university');
    }
  });

  it('includes the organisations of the articles', () => {
    const names = INSTITUTIONS.flatMap((o) => [o.name, ...(o.aliases ?? [])]);
    for (const name of [
      '华中科技大学',
      '武汉大学',
      '武汉理工大学',
      '中国地质大学（武汉）',
      '华中农业大学',
      '湖北大学',
      '武汉新能源研究院',
      '以岭药业',
      '运城学院',
      '长江存储',
      '烽火通信',
      '长飞光纤',
      '华工科技',
      '光谷上海人才服务站',
      '华中科技大学北京校友会',
      '麻省理工学院',
      '苏黎世联邦理工学院',
    ]) {
      expect(names, name).toContain(name);
    }
  });
});

describe('seed/names.ts and seed/demographics.ts', () => {
  it('has unique surnames with romanisations', () => {
    expect(new Set(SURNAMES.map((s) => s[0])).size).toBe(SURNAMES.length);
    for (const [, latin, weight] of SURNAMES) {
      expect(latin).toMatch(/^[A-Z][a-z]+$/);
      expect(weight).toBeGreaterThan(0);
    }
  });

  it('only uses known places, and every residence city has employers', () => {
    const catalog = buildCatalog(new SeedContext(1, new BatchBuffer(1000)));
    const choosers = new Choosers(catalog);
    for (const key of Object.keys(HOMETOWN_WEIGHTS)) {
      expect(['city', 'district'], key).toContain(catalog.place(key).def.kind);
    }
    for (const key of Object.keys(RESIDENCE_WEIGHTS)) {
      expect(catalog.place(key).def.kind, key).toBe('city');
      expect(choosers.hasEmployers(catalog.place(key).index), key).toBe(true);
    }
  });
});
