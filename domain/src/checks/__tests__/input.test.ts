import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPath, parseCheckInput } from '../input';
import { baseDoc, O, ORGANS, rawBase } from './fixtures';

type Raw = Record<string, any>;

function minimal(): Raw {
  return {
    organs: [
      { id: 'county-gov', name: '某县人民政府', kind: '政府', level: 4, superiors: ['city-gov'], parent: null },
      { id: 'city-gov', name: '某市人民政府', kind: '政府', level: 3 },
    ],
    document: {
      type: '请示',
      issuers: [{ organ: 'county-gov', lead: true }],
      title: '某县人民政府关于追加防汛经费的请示',
      mainTo: ['city-gov'],
      body: '……',
    },
  };
}

describe('parseCheckInput — valid input', () => {
  it('INPUT accepts the contract example and returns exactly the typed document', () => {
    const r = parseCheckInput(rawBase());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.input).toEqual(baseDoc());
  });

  it('INPUT fills every optional field with its default', () => {
    const r = parseCheckInput(minimal());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const d = r.input.document;
    expect(d).toMatchObject({
      layout: null,
      copyTo: [],
      docNo: null,
      date: null,
      signers: [],
      signatory: [],
      secrecy: 'none',
      secrecyTerm: null,
      copyNo: null,
      urgency: 'none',
      matters: [],
      attachmentNote: [],
      attachments: [],
      note: null,
      replyTo: null,
    });
    expect(d.flags).toEqual({
      important: false,
      involvesOtherUnits: false,
      countersignComplete: false,
      skipLevelReason: null,
      leaderAssigned: null,
      govApprovedRef: null,
      directive: false,
      forwardedFrom: null,
      stanceOpinion: null,
    });
    expect(r.input.organs[1]).toEqual({ id: 'city-gov', name: '某市人民政府', kind: '政府', level: 3, superiors: [], parent: null });
  });

  it('INPUT treats null as “use the default” and fills partial flags and signers', () => {
    const raw = minimal();
    Object.assign(raw.document, {
      copyTo: null,
      layout: null,
      flags: { important: true },
      signers: [{ organ: 'county-gov', name: '王某', role: '主要负责人' }],
      replyTo: null,
    });
    const r = parseCheckInput(raw);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input.document.copyTo).toEqual([]);
    expect(r.input.document.flags.important).toBe(true);
    expect(r.input.document.flags.directive).toBe(false);
    expect(r.input.document.signers[0]).toEqual({ organ: 'county-gov', name: '王某', role: '主要负责人', proxy: false, opinion: null, signedAt: null });
  });

  it('INPUT ignores unknown fields everywhere', () => {
    const raw = minimal();
    raw.extra = 1;
    raw.document.color = 'red';
    raw.document.flags = { whatever: true };
    raw.organs[0].code = '县政发';
    const r = parseCheckInput(raw);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input).not.toHaveProperty('extra');
    expect(r.input.document).not.toHaveProperty('color');
    expect(r.input.organs[0]).not.toHaveProperty('code');
    expect(r.input.document.flags).not.toHaveProperty('whatever');
  });

  it('INPUT accepts person addressees and a 批复 replyTo', () => {
    const raw = minimal();
    raw.document.mainTo = [{ person: '李市长', organ: 'city-gov' }];
    raw.document.replyTo = { type: '请示', issuer: 'county-gov', docNo: '县政发〔2024〕18号' };
    const r = parseCheckInput(raw);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.input.document.mainTo).toEqual([{ person: '李市长', organ: 'city-gov' }]);
  });
});

describe('parseCheckInput — bad input names the path', () => {
  const cases: [string, (r: Raw) => unknown, string, string][] = [
    ['a non-object', () => 42, '$', 'JSON 对象'],
    ['null', () => null, '$', 'JSON 对象'],
    ['missing organs', (r) => (delete r.organs, r), 'organs', '缺少必填字段'],
    ['an empty organ list', (r) => ((r.organs = []), r), 'organs', '至少需要 1 项'],
    ['missing document', (r) => (delete r.document, r), 'document', '缺少必填字段'],
    ['an unknown 文种', (r) => ((r.document.type = '申请'), r), 'document.type', '未知文种 "申请"'],
    ['an unknown organ in 主送', (r) => ((r.document.mainTo = [O.cityGov, 'x']), r), 'document.mainTo[1]', '未知机关 "x"'],
    ['an unknown organ of a person addressee', (r) => ((r.document.copyTo = [{ person: '张某', organ: 'y' }]), r), 'document.copyTo[0].organ', '未知机关 "y"'],
    ['an unknown issuer', (r) => ((r.document.issuers = [{ organ: 'ghost', lead: true }]), r), 'document.issuers[0].organ', '未知机关 "ghost"'],
    ['an unknown signer organ', (r) => ((r.document.signers[0].organ = 'ghost'), r), 'document.signers[0].organ', '未知机关'],
    ['an unknown superior', (r) => ((r.organs[2].superiors = ['ghost']), r), 'organs[2].superiors[0]', '未知机关 "ghost"'],
    ['an unknown parent', (r) => ((r.organs[2].parent = 'ghost'), r), 'organs[2].parent', '未知机关'],
    ['an unknown replyTo issuer', (r) => ((r.document.replyTo = { type: '请示', issuer: 'ghost', docNo: '' }), r), 'document.replyTo.issuer', '未知机关'],
    ['a duplicate organ id', (r) => (r.organs.push({ ...r.organs[0] }), r), `organs[${ORGANS.length}].id`, '重复'],
    ['a level given as a string', (r) => ((r.organs[0].level = '3'), r), 'organs[0].level', '类型错误'],
    ['a fractional level', (r) => ((r.organs[0].level = 2.5), r), 'organs[0].level', '整数'],
    ['an unknown organ kind', (r) => ((r.organs[0].kind = '机关'), r), 'organs[0].kind', '未知机关类型'],
    ['no issuers', (r) => ((r.document.issuers = []), r), 'document.issuers', '至少需要 1 项'],
    ['an unknown signer role', (r) => ((r.document.signers[0].role = '副职'), r), 'document.signers[0].role', '未知签发人身份'],
    ['an unknown secrecy level', (r) => ((r.document.secrecy = '内部'), r), 'document.secrecy', '未知密级'],
    ['an unknown urgency', (r) => ((r.document.urgency = '急件'), r), 'document.urgency', '未知紧急程度'],
    ['an unknown layout', (r) => ((r.document.layout = '电报'), r), 'document.layout', '未知版式'],
    ['a flag of the wrong type', (r) => ((r.document.flags.important = 'yes'), r), 'document.flags.important', '应为布尔值'],
    ['an attachment number as text', (r) => ((r.document.attachments[0].no = '一'), r), 'document.attachments[0].no', '类型错误'],
    ['a 主送 entry that is a number', (r) => ((r.document.mainTo = [5]), r), 'document.mainTo[0]', '应为机关 id'],
    ['a missing title', (r) => (delete r.document.title, r), 'document.title', '缺少必填字段'],
    ['a body that is an array', (r) => ((r.document.body = ['a']), r), 'document.body', '应为字符串'],
  ];
  it.each(cases)('INPUT rejects %s', (_name, mutate, path, says) => {
    const r = parseCheckInput(mutate(rawBase()));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.path).toBe(path);
    expect(r.message.startsWith(`${path}: `)).toBe(true);
    expect(r.message).toContain(says);
  });

  it('INPUT formats paths with dots and brackets', () => {
    expect(formatPath(['document', 'mainTo', 1])).toBe('document.mainTo[1]');
    expect(formatPath(['organs', 0, 'superiors', 2])).toBe('organs[0].superiors[2]');
    expect(formatPath([])).toBe('$');
  });
});

describe('parseCheckInput — properties', () => {
  it('INPUT property: arbitrary JSON values that are not documents are rejected with a path', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = parseCheckInput(v);
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.path.length).toBeGreaterThan(0);
          expect(r.message).toMatch(/[\u4e00-\u9fa5]/u);
        }
      }),
      { numRuns: 300 },
    );
  });

  const required: (string | number)[][] = [
    ['organs'],
    ['organs', 0, 'id'],
    ['organs', 0, 'kind'],
    ['organs', 1, 'level'],
    ['document'],
    ['document', 'type'],
    ['document', 'issuers'],
    ['document', 'issuers', 0, 'organ'],
    ['document', 'title'],
    ['document', 'mainTo'],
    ['document', 'mainTo', 0],
    ['document', 'body'],
    ['document', 'signers', 0, 'role'],
    ['document', 'attachments', 0, 'title'],
  ];
  const wrong = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.integer(),
    fc.constant(true),
    fc.constant({}),
    fc.constant([[]]),
    fc.constant('__unknown__'),
  );
  it('INPUT property: corrupting a required field gives ok:false with a non-empty path', () => {
    fc.assert(
      fc.property(fc.constantFrom(...required), wrong, (path, value) => {
        const last0 = path[path.length - 1];
        // any string is a valid title or body; a string is invalid only where an id or enum is expected
        fc.pre(!(typeof value === 'string' && (last0 === 'title' || last0 === 'body')));
        // an integer from 1 to 9 is a valid level, not a corruption
        fc.pre(!(last0 === 'level' && typeof value === 'number' && value >= 1 && value <= 9));
        const raw = rawBase() as Raw;
        let cur: any = raw;
        for (const p of path.slice(0, -1)) cur = cur[p];
        const last = path[path.length - 1]!;
        if (value === undefined) delete cur[last];
        else cur[last] = value;
        const r = parseCheckInput(raw);
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.path).not.toBe('');
          expect(r.message).toContain(r.path);
        }
      }),
      { numRuns: 300 },
    );
  });
});
