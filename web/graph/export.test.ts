import { describe, expect, it } from 'vitest';
import { nodesCsv } from './export.ts';

describe('nodes as CSV', () => {
  it('has a header, one line per node and quotes what needs quoting', () => {
    const csv = nodesCsv([
      { id: 'Person:1', label: '张伟', latinName: 'Zhang, Wei', type: 'Person' },
      { id: 'Organization:2', label: '华中科技大学', latinName: null, type: 'Organization' },
    ]);
    expect(csv.startsWith('\uFEFFid,name,latinName,type\r\n')).toBe(true);
    expect(csv).toContain('Person:1,张伟,"Zhang, Wei",Person\r\n');
    expect(csv).toContain('Organization:2,华中科技大学,,Organization\r\n');
  });
});
