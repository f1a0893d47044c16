/**
 * Validation messages as an office user reads them ("应为整数", "不能超过5000字", "不能小于1"),
 * for every schema check that carries no message of its own. Installed with `z.config` by the
 * server (every 400) and by the web (form checks with the same schemas).
 */
import type { z } from 'zod';

type Issue = Parameters<NonNullable<z.core.$ZodConfig['customError']>>[0];

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否（true/false）',
  array: '列表',
  object: '对象',
  record: '对象',
  date: '日期',
  null: '空值',
  bigint: '整数',
  tuple: '列表',
};

function typeOfInput(v: unknown): string {
  if (v === null) return '空值';
  if (Array.isArray(v)) return '列表';
  if (typeof v === 'number') return Number.isInteger(v) ? '整数' : '小数';
  return TYPE_NAMES[typeof v] ?? typeof v;
}

const FORMAT_NAMES: Record<string, string> = {
  email: '电子邮箱地址',
  url: '网址',
  uuid: 'UUID',
  date: '日期（YYYY-MM-DD）',
  datetime: '带时区的时间（如 2026-10-09T09:00:00+08:00）',
  time: '时间（HH:mm）',
  ipv4: 'IPv4 地址',
  ipv6: 'IPv6 地址',
};

function listValues(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('、');
}

/** The message for an issue, or undefined to keep the schema's own. */
export function chineseIssueMessage(iss: Issue): string | undefined {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return '缺少必填字段';
      if (iss.expected === 'int' && typeof iss.input === 'number') return '应为整数';
      return `应为${TYPE_NAMES[iss.expected] ?? iss.expected}，不能是${typeOfInput(iss.input)}`;
    case 'too_big': {
      const n = Number(iss.maximum);
      if (iss.origin === 'string') return iss.exact ? `应为${n}个字` : `不能超过${n}个字`;
      if (iss.origin === 'array' || iss.origin === 'set') return iss.exact ? `应为${n}项` : `最多${n}项`;
      if (iss.origin === 'file') return `文件不能超过${n}字节`;
      return iss.inclusive === false ? `应小于${n}` : `不能大于${n}`;
    }
    case 'too_small': {
      const n = Number(iss.minimum);
      if (iss.origin === 'string') return n <= 1 && !iss.exact ? '不能为空' : iss.exact ? `应为${n}个字` : `至少${n}个字`;
      if (iss.origin === 'array' || iss.origin === 'set') return n <= 1 && !iss.exact ? '至少选择一项' : iss.exact ? `应为${n}项` : `至少${n}项`;
      return iss.inclusive === false ? `应大于${n}` : `不能小于${n}`;
    }
    case 'invalid_format':
      if (iss.format === 'regex') return '格式不正确';
      return `格式不正确，应为${FORMAT_NAMES[iss.format] ?? iss.format}`;
    case 'not_multiple_of':
      return `应为${iss.divisor}的整数倍`;
    case 'unrecognized_keys':
      return `不认识的字段：${iss.keys.join('、')}`;
    case 'invalid_value':
      return iss.values.length === 1 ? `应为 ${listValues(iss.values)}` : `应为以下之一：${listValues(iss.values)}`;
    case 'invalid_union':
      return '内容不符合任何一种允许的格式';
    case 'invalid_key':
      return '字段名无效';
    case 'invalid_element':
      return '含有无效的项';
    default:
      return undefined;
  }
}
