/**
 * Number series (编号规则, K-5): how a registered number is written, from a template such as
 * `{代字}〔{年}〕{号}号` → 某政办发〔2026〕7号. Pure: parsing, validation (Chinese messages) and
 * formatting; assigning numbers is the server's (kernel/numbers.ts).
 *
 * Placeholders: `{代字}` the series code (机关代字), `{年}` the four-digit year, `{号}` the
 * sequence number, optionally padded: `{号:4}` → 0007 (收文号; never for 发文字号, whose sequence
 * number 不编虚位, GB/T 9704-2012 7.2.5 — an outgoing series' template is checked against F-01).
 */
import { docNoProblems } from '../checks/text';

export const NUMBER_CLASSES = ['outgoing', 'incoming', 'supervision', 'minutes'] as const;
export type NumberClass = (typeof NUMBER_CLASSES)[number];
export const NUMBER_CLASS_LABELS: Record<NumberClass, string> = {
  outgoing: '发文字号',
  incoming: '收文编号',
  supervision: '督办编号',
  minutes: '纪要编号',
};
/** A starting template for a new series of each class. */
export const DEFAULT_NUMBER_TEMPLATES: Record<NumberClass, string> = {
  outgoing: '{代字}〔{年}〕{号}号',
  incoming: '{代字}〔{年}〕{号:4}号',
  supervision: '{代字}〔{年}〕{号}号',
  minutes: '{代字}〔{年}〕{号}号',
};

export const TEMPLATE_MAX_LENGTH = 100;
export const MAX_SEQ_PADDING = 10;

export type TemplateToken = { kind: 'text'; text: string } | { kind: 'code' } | { kind: 'year' } | { kind: 'seq'; pad: number };

/** Control characters and unpaired surrogates have no place in a number. */
const CONTROL = /[\u0000-\u001f\u007f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const PLACEHOLDER_HELP = '只能使用 {代字}、{年}、{号}（序号可写作 {号:3}，表示补足3位）';

/** The template's pieces, or the problems that make it unusable (Chinese, one per problem). */
export function parseTemplate(template: string): { ok: true; tokens: TemplateToken[] } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const tokens: TemplateToken[] = [];
  if (template.trim() === '') return { ok: false, problems: ['编号模板不能为空'] };
  if (template.length > TEMPLATE_MAX_LENGTH) problems.push(`编号模板不能超过${TEMPLATE_MAX_LENGTH}个字符`);
  if (CONTROL.test(template)) problems.push('编号模板不能包含换行、制表符等控制字符或无效的字符');
  let text = '';
  let i = 0;
  let seqCount = 0;
  let unbalanced = false;
  while (i < template.length) {
    const c = template[i];
    if (c === '}') {
      unbalanced = true;
      i += 1;
      continue;
    }
    if (c !== '{') {
      text += c;
      i += 1;
      continue;
    }
    const close = template.indexOf('}', i + 1);
    const nextOpen = template.indexOf('{', i + 1);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      unbalanced = true;
      i += 1;
      continue;
    }
    if (text) tokens.push({ kind: 'text', text });
    text = '';
    const inner = template.slice(i + 1, close);
    const [name, pad, ...rest] = inner.split(':');
    const shown = `{${inner}}`;
    if (name === '号') {
      seqCount += 1;
      let width = 0;
      if (pad !== undefined || rest.length) {
        if (rest.length || !/^\d{1,2}$/.test(pad ?? '')) problems.push(`占位符 ${shown} 的位数应为数字，如 {号:3}`);
        else {
          width = Number(pad);
          if (width < 1 || width > MAX_SEQ_PADDING) problems.push(`序号位数应为1到${MAX_SEQ_PADDING}位`);
        }
      }
      tokens.push({ kind: 'seq', pad: width });
    } else if (name === '代字' || name === '年') {
      if (pad !== undefined) problems.push(`占位符 ${shown} 不能指定位数：只有序号可以，如 {号:3}`);
      tokens.push({ kind: name === '代字' ? 'code' : 'year' });
    } else {
      problems.push(inner === '' ? `模板中有空的占位符 {}：${PLACEHOLDER_HELP}` : `不认识的占位符 ${shown}：${PLACEHOLDER_HELP}`);
    }
    i = close + 1;
  }
  if (text) tokens.push({ kind: 'text', text });
  if (unbalanced) problems.push(`模板中的花括号不成对：占位符应写作 {代字}、{年}、{号}`);
  if (seqCount === 0) problems.push('模板必须包含序号占位符 {号}');
  if (seqCount > 1) problems.push('序号占位符 {号} 只能出现一次');
  return problems.length ? { ok: false, problems } : { ok: true, tokens };
}

function render(tokens: TemplateToken[], v: { code: string; year: number; value: number }): string {
  return tokens
    .map((t) => {
      switch (t.kind) {
        case 'text':
          return t.text;
        case 'code':
          return v.code;
        case 'year':
          return String(v.year);
        default:
          return String(v.value).padStart(t.pad, '0'); // 'seq'
      }
    })
    .join('');
}

/** The number as written, e.g. formatNumber('{代字}〔{年}〕{号}号', {code:'某政办发', year:2026, value:7}) → 某政办发〔2026〕7号. Throws on an invalid template. */
export function formatNumber(template: string, v: { code: string; year: number; value: number }): string {
  const p = parseTemplate(template);
  if (!p.ok) throw new Error(`编号模板无效：${p.problems.join('；')}`);
  return render(p.tokens, v);
}

/** A code (代字) is usable: not empty, no braces, not too long; an outgoing one Chinese only (F-01). */
export function codeProblems(code: string, numberClass?: NumberClass): string[] {
  const c = code.trim();
  if (c === '') return ['代字不能为空'];
  const problems: string[] = [];
  if (c.length > 20) problems.push('代字不能超过20个字符');
  if (/[{}\s]/.test(c)) problems.push('代字不能包含空格或花括号');
  if (CONTROL.test(c)) problems.push('代字不能包含控制字符或无效的字符');
  if (numberClass === 'outgoing' && !/^[\u4e00-\u9fa5]+$/u.test(c)) problems.push('发文机关代字应由汉字组成（GB/T 9704-2012 7.2.5）');
  return problems;
}

/**
 * What is wrong with a template, in Chinese ([] when usable). For an outgoing series
 * (发文字号) the numbers it produces must also pass F-01: 代字〔年份〕序号号, the year in full in
 * 六角括号, no 第, no leading zeros (checked on sample numbers 1 and 10 of the given year).
 */
export function templateProblems(template: string, opts: { numberClass?: NumberClass; code?: string; year?: number } = {}): string[] {
  const p = parseTemplate(template);
  if (!p.ok) return p.problems;
  if (opts.numberClass !== 'outgoing') return [];
  const code = opts.code && codeProblems(opts.code, 'outgoing').length === 0 ? opts.code.trim() : '某政发';
  const year = opts.year ?? 2026;
  const problems: string[] = [];
  if (!p.tokens.some((t) => t.kind === 'code')) problems.push('发文字号模板应包含发文机关代字 {代字}');
  if (!p.tokens.some((t) => t.kind === 'year')) problems.push('发文字号模板应包含年份 {年}');
  for (const value of [1, 10]) {
    const sample = render(p.tokens, { code, year, value });
    for (const problem of docNoProblems(sample)) {
      const msg = `按此模板生成的发文字号“${sample}”不符合“代字〔年份〕序号号”（GB/T 9704-2012 7.2.5）：${problem}`;
      if (!problems.some((x) => x.endsWith(`：${problem}`))) problems.push(msg);
    }
  }
  return problems;
}
