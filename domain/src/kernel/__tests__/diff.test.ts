import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentEqual, diffContent, diffText, formatFieldPath, splitSentences, type FieldChange } from '../diff';

const brief = (cs: FieldChange[]) => cs.map((c) => `${c.kind} ${c.field}`);

describe('K-4 field-by-field diff of content versions', () => {
  const cases: { name: string; a: Record<string, unknown> | null; b: Record<string, unknown>; want: string[] }[] = [
    { name: 'nothing changed', a: { 标题: '关于开展安全检查的通知', 密级: null }, b: { 密级: null, 标题: '关于开展安全检查的通知' }, want: [] },
    { name: 'a scalar changed', a: { 标题: '关于开展安全检查的通知' }, b: { 标题: '关于开展安全生产大检查的通知' }, want: ['changed 标题'] },
    {
      name: 'a field added and one removed',
      a: { 标题: 'x', 附注: '联系人：张三' },
      b: { 标题: 'x', 紧急程度: '特急' },
      want: ['removed 附注', 'added 紧急程度'],
    },
    { name: 'the first version: every field added', a: null, b: { 标题: 'x', 主送: ['市财政局'] }, want: ['added 标题', 'added 主送'] },
    { name: 'undefined is absent', a: { 标题: 'x', 附注: undefined }, b: { 标题: 'x' }, want: [] },
    { name: 'null is a value', a: { 附注: null }, b: { 附注: '无' }, want: ['changed 附注'] },
    { name: 'a type change', a: { 主送: '市财政局' }, b: { 主送: ['市财政局'] }, want: ['changed 主送'] },
    { name: 'nested object', a: { 签发: { 签发人: '王某', 意见: '同意' } }, b: { 签发: { 签发人: '王某', 意见: '同意印发' } }, want: ['changed 签发.意见'] },
    { name: 'a list of plain values', a: { 主送: ['市财政局', '市审计局'] }, b: { 主送: ['市财政局', '市统计局', '市审计局'] }, want: ['changed 主送'] },
    {
      name: 'a list of objects with ids',
      a: {
        议定事项: [
          { id: 'a', 内容: '甲', 承办: '市财政局' },
          { id: 'b', 内容: '乙', 承办: '市审计局' },
        ],
      },
      b: {
        议定事项: [
          { id: 'b', 内容: '乙', 承办: '市统计局' },
          { id: 'c', 内容: '丙', 承办: '市财政局' },
        ],
      },
      want: ['removed 议定事项[0]', 'changed 议定事项[0].承办', 'added 议定事项[1]'],
    },
    {
      name: 'a list of objects without ids: aligned by content, changed items diffed inside',
      a: {
        附件: [
          { 名称: '方案', 页数: 3 },
          { 名称: '名单', 页数: 1 },
        ],
      },
      b: {
        附件: [
          { 名称: '方案', 页数: 3 },
          { 名称: '名单', 页数: 2 },
          { 名称: '日程', 页数: 1 },
        ],
      },
      want: ['changed 附件[1].页数', 'added 附件[2]'],
    },
  ];
  it.each(cases)('K-4 $name', ({ a, b, want }) => {
    expect(brief(diffContent(a, b))).toEqual(want);
  });

  it('K-4 a list of plain values shows each item kept, added or removed, in order', () => {
    const [c] = diffContent({ 主送: ['市财政局', '市审计局', '市教育局'] }, { 主送: ['市财政局', '市统计局', '市审计局'] });
    expect(c).toMatchObject({ field: '主送', kind: 'changed', before: ['市财政局', '市审计局', '市教育局'], after: ['市财政局', '市统计局', '市审计局'] });
    expect(c.parts).toEqual([
      { op: 'same', value: '市财政局' },
      { op: 'added', value: '市统计局' },
      { op: 'same', value: '市审计局' },
      { op: 'removed', value: '市教育局' },
    ]);
  });

  it('K-4 a long text is diffed by sentence: the reviewer sees the one sentence that changed', () => {
    const before = '为切实做好安全生产工作，现就有关事项通知如下。各单位要高度重视。请于11月30日前报送自查报告。';
    const after = '为切实做好安全生产工作，现就有关事项通知如下。各单位要高度重视，主要负责同志亲自部署。请于11月30日前报送自查报告。';
    const [c] = diffContent({ 正文: before }, { 正文: after });
    expect(c.field).toBe('正文');
    expect(c.parts).toEqual([
      { op: 'same', value: '为切实做好安全生产工作，现就有关事项通知如下。' },
      { op: 'removed', value: '各单位要高度重视。' },
      { op: 'added', value: '各单位要高度重视，主要负责同志亲自部署。' },
      { op: 'same', value: '请于11月30日前报送自查报告。' },
    ]);
  });

  it('K-4 a text with lines is diffed by line; short texts carry no parts', () => {
    const parts = diffText('一、总体要求\n二、工作任务\n三、保障措施', '一、总体要求\n二、重点任务\n三、保障措施');
    expect(parts).toEqual([
      { op: 'same', value: '一、总体要求\n' },
      { op: 'removed', value: '二、工作任务\n' },
      { op: 'added', value: '二、重点任务\n' },
      { op: 'same', value: '三、保障措施' },
    ]);
    expect(diffContent({ 标题: '通知' }, { 标题: '通报' })[0].parts).toBeUndefined();
  });

  it('K-4 sentences keep their closing quotes; pieces join back to the text', () => {
    expect(splitSentences('他说：“同意。”请办理！好')).toEqual(['他说：“同意。”', '请办理！', '好']);
    expect(formatFieldPath(['议定事项', 2, '承办'])).toBe('议定事项[2].承办');
  });

  // Properties over arbitrary JSON-like content.
  const key = fc.constantFrom('标题', '主送', '抄送', '正文', '附注', '签发', 'a', 'b');
  const leaf = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.constantFrom('甲。', '乙！', '丙\n', '丁'), { maxLength: 8 }).map((xs) => xs.join('')),
  );
  const value = fc.letrec((tie) => ({
    v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(key, tie('v'), { maxKeys: 4 })),
  })).v;
  const content = fc.dictionary(key, value, { maxKeys: 6 });

  it('K-4 property: diff(a, a) is empty', () => {
    fc.assert(
      fc.property(content, (a) => {
        expect(diffContent(a, structuredClone(a))).toEqual([]);
      }),
    );
  });

  it('K-4 property: every changed field is reported, and only changed fields', () => {
    fc.assert(
      fc.property(content, content, (a, b) => {
        const changes = diffContent(a, b);
        const touched = new Set(changes.map((c) => c.path[0]));
        for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
          expect(touched.has(k), k).toBe(!contentEqual(a[k], b[k]));
        }
        expect(changes.length === 0).toBe(contentEqual(a, b));
      }),
    );
  });

  it('K-4 property: text parts give back both texts', () => {
    const text = fc.array(fc.constantFrom('一。', '二！', '三？', '四；', '五\n', '六', '“七。”'), { maxLength: 20 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const parts = diffText(a, b);
        expect(
          parts
            .filter((p) => p.op !== 'added')
            .map((p) => p.value)
            .join(''),
        ).toBe(a);
        expect(
          parts
            .filter((p) => p.op !== 'removed')
            .map((p) => p.value)
            .join(''),
        ).toBe(b);
      }),
    );
  });
});
