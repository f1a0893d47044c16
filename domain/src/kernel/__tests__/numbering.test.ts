import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NUMBER_TEMPLATES, NUMBER_CLASSES, codeProblems, formatNumber, parseTemplate, templateProblems } from '../numbering';
import { DOC_NO_RE } from '../../checks/text';

describe('K-5 number templates', () => {
  it.each([
    ['{代字}〔{年}〕{号}号', '某政办发', 2026, 7, '某政办发〔2026〕7号'],
    ['{代字}〔{年}〕{号}号', '某政发', 2027, 123, '某政发〔2027〕123号'],
    ['{代字}〔{年}〕{号:4}号', '收', 2026, 7, '收〔2026〕0007号'],
    ['{代字}〔{年}〕{号:3}号', '督', 2026, 1234, '督〔2026〕1234号'],
    ['（第{号}期）', '纪要', 2026, 5, '（第5期）'],
    ['{年}-{号:2}', 'X', 2026, 3, '2026-03'],
  ])('K-5 formats %s with %s %i no. %i as %s', (template, code, year, value, want) => {
    expect(formatNumber(template, { code, year, value })).toBe(want);
  });

  it.each([
    ['', '编号模板不能为空'],
    ['{代字}〔{年}〕号', '模板必须包含序号占位符 {号}'],
    ['{代字}〔{年}〕{序号}号', '不认识的占位符 {序号}'],
    ['{代字}〔{year}〕{号}号', '不认识的占位符 {year}'],
    ['{代字}〔{年}〕{号}号{}', '空的占位符'],
    ['{号}-{号}', '只能出现一次'],
    ['{代字{年}{号}', '花括号不成对'],
    ['{代字}}{号}', '花括号不成对'],
    ['{号', '花括号不成对'],
    ['{年:2}{号}', '不能指定位数'],
    ['{号:x}', '位数应为数字'],
    ['{号:0}', '序号位数应为1到10位'],
    ['{号:11}', '序号位数应为1到10位'],
    [`${'长'.repeat(100)}{号}`, '不能超过100个字符'],
    ['{代字}\n{号}', '控制字符'],
    ['{号}\u0000', '控制字符'],
  ])('K-5 refuses the template %j (%s)', (template, problem) => {
    const p = parseTemplate(template);
    expect(p.ok).toBe(false);
    expect(templateProblems(template).join('；')).toContain(problem);
    expect(() => formatNumber(template, { code: 'x', year: 2026, value: 1 })).toThrow(/编号模板无效/);
  });

  it('K-5 every message is in Chinese', () => {
    for (const t of ['', '{x}', '{号:0}', '{年:2}', '}{号', '{代字}〔{年}〕{号:3}号']) {
      for (const p of templateProblems(t, { numberClass: 'outgoing' })) expect(p).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it.each([
    ['{代字}〔{年}〕{号:3}号', '不编虚位'],
    ['{代字}〔{年}〕第{号}号', '不加“第”字'],
    ['{代字}[{年}]{号}号', '六角括号'],
    ['{代字}〔{年}〕{号}', '缺少“号”字'],
    ['〔{年}〕{号}号', '应包含发文机关代字'],
    ['{代字}{号}号', '应包含年份'],
  ])('K-5 an outgoing series (发文字号) must produce F-01 numbers: %s is refused (%s)', (template, problem) => {
    expect(parseTemplate(template).ok).toBe(true);
    expect(templateProblems(template, { numberClass: 'outgoing', code: '某政办发' }).join('；')).toContain(problem);
    // The same template is fine for a class without the GB/T 9704 rule (except where it has no {号}).
    expect(templateProblems(template, { numberClass: 'incoming' })).toEqual([]);
  });

  it('K-5 codes: not empty, no braces; an outgoing code is Chinese only', () => {
    expect(codeProblems('某政办发', 'outgoing')).toEqual([]);
    expect(codeProblems(' ')).toEqual(['代字不能为空']);
    expect(codeProblems('某{号}')[0]).toContain('花括号');
    expect(codeProblems('ABC', 'outgoing')[0]).toContain('汉字');
    expect(codeProblems('ABC', 'incoming')).toEqual([]);
  });

  it('K-5 the default templates are valid, and the outgoing one gives F-01 numbers', () => {
    for (const c of NUMBER_CLASSES) expect(templateProblems(DEFAULT_NUMBER_TEMPLATES[c], { numberClass: c, code: '某政办发' }), c).toEqual([]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 2000, max: 2100 }), (value, year) => {
        expect(DOC_NO_RE.test(formatNumber(DEFAULT_NUMBER_TEMPLATES.outgoing, { code: '某政办发', year, value }))).toBe(true);
      }),
    );
  });

  it('K-5 property: distinct values give distinct texts (a valid template never merges two numbers)', () => {
    const template = fc.constantFrom('{代字}〔{年}〕{号}号', '{号:4}', '收{年}{号:2}号', '（第{号}期）');
    fc.assert(
      fc.property(template, fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), (t, a, b) => {
        fc.pre(a !== b);
        expect(formatNumber(t, { code: '某', year: 2026, value: a })).not.toBe(formatNumber(t, { code: '某', year: 2026, value: b }));
      }),
    );
  });
});
