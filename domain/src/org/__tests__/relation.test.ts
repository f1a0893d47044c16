import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ORGANS, O } from '../../checks/__tests__/fixtures';
import {
  RELATION_LABELS,
  createRelationIndex,
  directLeaders,
  leadingLine,
  organRelation,
  organsBetween,
  type OrganRelation,
  type RelationOrgan,
} from '../relation';

const map = new Map(ORGANS.map((o) => [o.id, o]));

describe('ORG-1 organRelation', () => {
  const cases: [string, string, string, OrganRelation][] = [
    ['a township and its county (上级)', O.townGov, O.countyGov, 'superior'],
    ['a township and its city (transitive 上级)', O.townGov, O.cityGov, 'superior'],
    ['a township and its province (transitive 上级)', O.townGov, O.provGov, 'superior'],
    ['a city and a township below its county (下级)', O.cityGov, O.townGov, 'subordinate'],
    ['a county and its township (下级)', O.countyGov, O.townGov, 'subordinate'],
    ['a department and its own government (parent = 上级)', O.cityFinance, O.cityGov, 'superior'],
    ['a department and its competent provincial department', O.cityEdu, O.provEdu, 'superior'],
    ['a provincial department and a city department it leads', O.provEdu, O.cityEdu, 'subordinate'],
    ['a county department and the competent city department (dual leadership)', O.countyEdu, O.cityEdu, 'superior'],
    ['a 内设机构 and the department it belongs to', O.cityFinanceBudget, O.cityFinance, 'superior'],
    ['a 内设机构 and the government above its department', O.cityFinanceBudget, O.cityGov, 'superior'],
    ['two departments of one government (平级)', O.cityFinance, O.cityEdu, 'peer'],
    ['two county governments under one city (平级)', O.countyGov, O.otherCountyGov, 'peer'],
    ['two county governments of different cities (平级)', O.countyGov, O.farCountyGov, 'peer'],
    ['the city party committee and the city government (平级, different systems)', O.cityParty, O.cityGov, 'peer'],
    ['a city government and the city 人大常委会 (平级)', O.cityGov, O.cityPc, 'peer'],
    ['a city department and a county government (不相隶属)', O.cityFinance, O.countyGov, 'unrelated'],
    ['a provincial department and a city government (不相隶属)', O.provEdu, O.cityGov, 'unrelated'],
    ['a township and another county (不相隶属)', O.townGov, O.otherCountyGov, 'unrelated'],
    ['a county government and the city party committee (不相隶属)', O.countyGov, O.cityParty, 'unrelated'],
    ['an organ and itself (本机关)', O.cityGov, O.cityGov, 'self'],
  ];
  it.each(cases)('ORG-1 computes the relation between %s', (_label, a, b, expected) => {
    expect(organRelation(ORGANS, a, b)).toBe(expected);
    expect(organRelation(map, a, b)).toBe(expected);
  });

  it('ORG-1 is antisymmetric: superior one way is subordinate the other way', () => {
    for (const a of ORGANS) {
      for (const b of ORGANS) {
        const ab = organRelation(map, a.id, b.id);
        const ba = organRelation(map, b.id, a.id);
        const mirror: Record<OrganRelation, OrganRelation> = {
          self: 'self',
          superior: 'subordinate',
          subordinate: 'superior',
          peer: 'peer',
          unrelated: 'unrelated',
        };
        expect(ba).toBe(mirror[ab]);
      }
    }
  });

  it('ORG-1 treats unknown organs as 不相隶属 (and the same unknown id as 本机关)', () => {
    expect(organRelation(ORGANS, O.cityGov, 'nowhere')).toBe('unrelated');
    expect(organRelation(ORGANS, 'nowhere', O.cityGov)).toBe('unrelated');
    expect(organRelation(ORGANS, 'nowhere', 'nowhere')).toBe('self');
  });

  it('ORG-1 survives cycles in bad data', () => {
    const cyc: RelationOrgan[] = [
      { id: 'a', level: 3, kind: '政府', superiors: ['b'], parent: null },
      { id: 'b', level: 3, kind: '政府', superiors: ['a'], parent: null },
      { id: 'c', level: 4, kind: '政府', superiors: ['a'], parent: 'c' },
    ];
    expect(organRelation(cyc, 'a', 'b')).toBe('superior');
    expect(organRelation(cyc, 'c', 'b')).toBe('superior');
    expect(leadingLine(cyc, 'c').sort()).toEqual(['a', 'b']);
  });

  it('ORG-1 labels relations in Chinese', () => {
    expect(RELATION_LABELS).toEqual({ superior: '上级', subordinate: '下级', peer: '平级', unrelated: '不相隶属', self: '本机关' });
    expect(RELATION_LABELS[organRelation(ORGANS, O.townGov, O.cityGov)]).toBe('上级');
  });
});

describe('ORG-1 leading lines and bypassed organs', () => {
  it('ORG-1 lists direct leaders from superiors and parent without duplicates', () => {
    expect(directLeaders(map.get(O.cityEdu)!)).toEqual([O.cityGov, O.provEdu]);
    expect(directLeaders({ id: 'x', level: 3, kind: '部门', superiors: ['g', 'g'], parent: 'g' })).toEqual(['g']);
  });

  it('ORG-1 lists the leading line nearest first', () => {
    expect(leadingLine(ORGANS, O.townGov)).toEqual([O.countyGov, O.cityGov, O.provGov]);
  });

  it('ORG-1 finds the organs a 越级 path bypasses', () => {
    expect(organsBetween(ORGANS, O.townGov, O.cityGov)).toEqual([O.countyGov]);
    expect(organsBetween(ORGANS, O.townGov, O.provGov)).toEqual([O.countyGov, O.cityGov]);
    expect(organsBetween(ORGANS, O.countyFinance, O.cityGov).sort()).toEqual([O.cityFinance, O.countyGov].sort());
    expect(organsBetween(ORGANS, O.townGov, O.countyGov)).toEqual([]);
    expect(organsBetween(ORGANS, O.countyGov, O.townGov)).toEqual([]);
  });

  it('ORG-1 index answers direct-leader questions', () => {
    const idx = createRelationIndex(ORGANS);
    expect(idx.isDirectLeader(O.countyEdu, O.cityEdu)).toBe(true);
    expect(idx.isDirectLeader(O.countyEdu, O.cityGov)).toBe(false);
    expect(idx.relation(O.countyEdu, O.cityGov)).toBe('superior');
  });

  it('ORG-1 property: relation is total, antisymmetric and consistent on random graphs', () => {
    const organArb = fc
      .array(
        fc.record({
          level: fc.integer({ min: 1, max: 5 }),
          superiors: fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 3 }),
          parent: fc.option(fc.integer({ min: 0, max: 7 }), { nil: null }),
        }),
        { minLength: 1, maxLength: 8 },
      )
      .map((xs) =>
        xs.map((x, i) => ({
          id: `o${i}`,
          level: x.level,
          kind: '政府',
          superiors: x.superiors.map((s) => `o${s}`),
          parent: x.parent === null ? null : `o${x.parent}`,
        })),
      );
    fc.assert(
      fc.property(organArb, (organs) => {
        const idx = createRelationIndex(organs);
        for (const a of organs) {
          for (const b of organs) {
            const r = idx.relation(a.id, b.id);
            expect(Object.keys(RELATION_LABELS)).toContain(r);
            if (r === 'superior') expect(['subordinate', 'superior']).toContain(idx.relation(b.id, a.id));
            if (r === 'peer') expect(a.level).toBe(b.level);
            if (a.id === b.id) expect(r).toBe('self');
          }
        }
      }),
    );
  });
});
