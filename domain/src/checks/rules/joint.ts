/**
 * 联合行文 (《条例》第十七条, 第九条第（五）项, GB/T 9704-2012 7.2.4) — R-JOINT-01 … 03.
 * The 成文日期 of a joint document (last signature date) is checked by X-06 and the
 * signatures of all co-issuers by R-SIGN-03, so R-JOINT-03 does not repeat them; the seals are
 * not part of the check input.
 */
import type { CheckContext, CheckOrgan, Finding, RuleDef } from '../types';
import { finding, levelLabel, names } from './util';

function isJoint(ctx: CheckContext): boolean {
  return ctx.doc.issuers.length > 1;
}

const J01: RuleDef = {
  id: 'R-JOINT-01',
  severity: 'error',
  title: '联合行文的机关应当同级',
  source: '《条例》第十七条',
  check(ctx) {
    if (!isJoint(ctx)) return [];
    const lead = ctx.lead;
    const out: Finding[] = [];
    ctx.doc.issuers.forEach((iss, i) => {
      const o = ctx.organs.get(iss.organ);
      if (!o || o.id === lead.id || o.level === lead.level) return;
      out.push(
        finding(
          'R-JOINT-01',
          'error',
          `联合行文的机关应当同级：${o.name}（${levelLabel(o.level)}）与主办机关${lead.name}（${levelLabel(lead.level)}）不同级，` +
            `请改由同级机关联合行文，或由${lead.name}单独行文并抄送${o.name}`,
          `document.issuers[${i}].organ`,
        ),
      );
    });
    return out;
  },
};

/** 党委 or 政府 system of an organ, following `parent`; null for other organs. */
function system(ctx: CheckContext, o: CheckOrgan): '党委' | '政府' | null {
  const seen = new Set<string>();
  let cur: CheckOrgan | undefined = o;
  while (cur && !seen.has(cur.id)) {
    if (cur.kind === '党委' || cur.kind === '政府') return cur.kind;
    seen.add(cur.id);
    cur = cur.parent !== null ? ctx.organs.get(cur.parent) : undefined;
  }
  return null;
}

const J02: RuleDef = {
  id: 'R-JOINT-02',
  severity: 'warning',
  title: '属于党委、政府各自职权范围内的工作不得联合行文：党委与政府联合行文时须确认并记录理由（契约无专门标记，按发文机关组合判断）',
  source: '《条例》第十七条',
  check(ctx) {
    if (!isJoint(ctx)) return [];
    // Only 党委 and 政府 themselves: joint documents of their departments or offices (两办) are
    // allowed “依据职权” and are not flagged.
    const party = ctx.issuers.filter((o) => o.kind === '党委' && system(ctx, o) === '党委');
    const gov = ctx.issuers.filter((o) => o.kind === '政府' && system(ctx, o) === '政府');
    if (party.length === 0 || gov.length === 0) return [];
    return [
      finding(
        'R-JOINT-02',
        'warning',
        `${names(
          ctx,
          [...party, ...gov].map((o) => o.id),
        )}联合行文：属于党委、政府各自职权范围内的工作不得联合行文，` + '请确认本事项确需党委、政府联合部署并记录理由，否则由职权所属机关单独行文',
        'document.issuers',
      ),
    ];
  },
};

const DOC_NO_YEAR = /[〔[【(（]\d{4}[〕\]】)）]/gu;

const J03: RuleDef = {
  id: 'R-JOINT-03',
  severity: 'error',
  title: '联合行文：只有一个主办机关且排列在首位，发文机关不重复，只标注主办机关的一个发文字号',
  source: '《条例》第九条第（五）项；GB/T 9704-2012 7.2.4',
  check(ctx) {
    if (!isJoint(ctx)) return [];
    const d = ctx.doc;
    const out: Finding[] = [];
    const seen = new Set<string>();
    d.issuers.forEach((iss, i) => {
      if (seen.has(iss.organ)) {
        out.push(
          finding('R-JOINT-03', 'error', `发文机关${names(ctx, [iss.organ])}重复列出：每个联合发文机关只列一次，请删除重复项`, `document.issuers[${i}].organ`),
        );
      }
      seen.add(iss.organ);
    });
    const leads = d.issuers.filter((i) => i.lead);
    if (leads.length > 1) {
      out.push(finding('R-JOINT-03', 'error', `联合行文只能有一个主办机关，当前有${leads.length}个发文机关标为主办（lead）：请只保留一个`, 'document.issuers'));
    } else if (leads.length === 1 && d.issuers[0] && !d.issuers[0].lead) {
      out.push(finding('R-JOINT-03', 'error', `联合行文的主办机关${ctx.lead.name}应当排列在首位：请调整发文机关顺序`, 'document.issuers[0]'));
    }
    if (d.docNo !== null) {
      const years = d.docNo.match(DOC_NO_YEAR)?.length ?? 0;
      const parts = d.docNo.split(/[、，,；;\s]+/u).filter((p) => p !== '');
      if (years > 1 || parts.length > 1) {
        out.push(
          finding('R-JOINT-03', 'error', `联合行文使用主办机关（${ctx.lead.name}）的发文字号，只能标注一个发文字号：当前为“${d.docNo}”`, 'document.docNo'),
        );
      }
    }
    return out;
  },
};

export const jointRules: RuleDef[] = [J01, J02, J03];
