/**
 * A document printed as plain text in the national layout (GB/T 9704-2012 order), one element
 * per line: 份号, 密级和保密期限, 紧急程度, 发文机关标志, 发文字号 (and 签发人), the separator,
 * 标题, 主送, 正文, 附件说明, 署名, 成文日期, 附注, the 附件 labels and titles, then the 版记
 * (抄送, 印发机关和印发日期). The reader (reader.ts) reads it back into the same document; the
 * outgoing module can use it to give a draft its printed form.
 *
 * The 署名 and 成文日期 are part of `document.body` when the body ends with them (as a read
 * document's does, see reader.ts); otherwise they are printed from the issuers and the date.
 *
 * Pure, never throws.
 */
import { addresseeOrgan } from './context';
import { closingBlock } from './text';
import type { CheckDocument, CheckOrgan, Layout } from './types';

export interface PrintOptions {
  /** the organs the document's ids refer to */
  organs: readonly CheckOrgan[];
  /** 版记: 印发机关 */
  printedBy?: string | null;
  /** 版记: 印发日期 as printed (2024年6月3日) */
  printedAt?: string | null;
  /** the 发文机关标志: “××文件” (default) or the organ names alone */
  mark?: 'file' | 'plain';
}

const RULE = '─'.repeat(24);
const GAP = '\u3000\u3000';

function layoutOf(doc: CheckDocument): Layout {
  if (doc.layout) return doc.layout;
  if (doc.type === '纪要') return '纪要';
  if (doc.type === '命令' || doc.type === '令') return '命令';
  return '通用';
}

/** The document as text, lines separated by “\n”. */
export function printDocument(doc: CheckDocument, opts: PrintOptions): string {
  const byId = new Map(opts.organs.map((o) => [o.id, o]));
  const name = (id: string) => byId.get(id)?.name ?? id;
  const issuers = [...doc.issuers].sort((a, b) => Number(b.lead) - Number(a.lead)).map((i) => name(i.organ));
  const layout = layoutOf(doc);
  const out: string[] = [];

  // 版头
  const classified: string[] = [];
  if (doc.copyNo) classified.push(doc.copyNo);
  if (doc.secrecy !== 'none') {
    const term = doc.secrecyTerm?.trim() ?? '';
    classified.push(term === '' ? doc.secrecy : /^(?:绝密|机密|秘密)/u.test(term) ? term : `${doc.secrecy}★${term}`);
  }
  if (doc.urgency !== 'none') classified.push(doc.urgency);
  const docNoLine = [doc.docNo ?? '', doc.signatory.length ? `签发人：${doc.signatory.join('\u3000')}` : ''].filter(Boolean).join(GAP);

  if (layout === '纪要') {
    out.push(...classified, doc.title || `${issuers[0] ?? ''}纪要`);
    if (doc.docNo) out.push(doc.docNo);
    out.push([issuers[0] ?? '', doc.date ?? ''].filter(Boolean).join(GAP), RULE);
  } else if (layout === '命令') {
    out.push(...classified, `${issuers[0] ?? ''}令`);
    if (doc.docNo) out.push(doc.docNo);
    out.push(RULE);
  } else if (layout === '信函') {
    out.push(...issuers, '═'.repeat(24), ...classified);
    if (docNoLine) out.push(docNoLine);
  } else {
    out.push(...classified);
    if (opts.mark === 'plain') out.push(...issuers);
    else if (issuers.length === 1) out.push(`${issuers[0]}文件`);
    else out.push(...issuers, '文件');
    if (docNoLine) out.push(docNoLine);
    out.push(RULE);
  }

  // 主体
  if (layout !== '纪要' && layout !== '命令' && doc.title) out.push(doc.title);
  if (doc.mainTo.length) out.push(`${doc.mainTo.map((a) => name(addresseeOrgan(a))).join('，')}：`);
  const lines = doc.body.split(/\r\n|\r|\n/u).filter((l) => l.trim() !== '');
  const block = closingBlock(doc.body);
  let text = lines;
  let closing: string[] = [];
  if (block && layout !== '纪要') {
    const first = block.names[0] ?? block.date;
    const kept = doc.body.split(/\r\n|\r|\n/u);
    text = kept.slice(0, first.index).filter((l) => l.trim() !== '');
    closing = kept.slice(first.index).filter((l) => l.trim() !== '');
  } else if (layout !== '纪要' && doc.date) {
    // 署名 and 成文日期 go together (GB/T 9704 7.3.5); a draft without a date has neither yet
    closing = [...(layout === '命令' ? [] : issuers), doc.date];
  }
  out.push(...text);
  out.push(...doc.attachmentNote);
  out.push(...closing);
  if (doc.note) out.push(doc.note);
  const single = doc.attachments.length === 1 && !/^附\s*件\s*[：:]\s*1[.．]/u.test(doc.attachmentNote[0] ?? '');
  for (const a of doc.attachments) out.push(single ? '附件' : `附件${a.no}`, a.title);

  // 版记
  const copyTo = doc.copyTo.map((a) => name(addresseeOrgan(a)));
  if (copyTo.length || opts.printedBy || opts.printedAt) {
    out.push(RULE);
    if (copyTo.length) out.push(`${layout === '纪要' ? '分送' : '抄送'}：${copyTo.join('，')}。`, RULE);
    if (opts.printedBy || opts.printedAt) out.push(`${opts.printedBy ?? ''}${GAP}${opts.printedAt ?? ''}印发`, RULE);
  }
  return `${out.join('\n')}\n`;
}
