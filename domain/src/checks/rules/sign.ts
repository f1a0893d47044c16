/**
 * 签发 (《条例》第二十二条; 第十九条第（六）项、第二十条第（三）项) — R-SIGN-01 … R-SIGN-04.
 * These rules look at `signers` only once sign-off has started (signers non-empty).
 */
import type { CheckContext, Finding, RuleDef } from '../types';
import { filled, finding, isFullDate, isOfficeLike, names } from './util';

function signersOf(ctx: CheckContext, organ: string) {
  return ctx.doc.signers.map((s, i) => ({ s, i })).filter(({ s }) => s.organ === organ);
}

const S01: RuleDef = {
  id: 'R-SIGN-01',
  severity: 'error',
  title: '重要公文和上行文由机关主要负责人签发（委托代签须标注“代”；办公厅（室）受权制发的可由受权人签发）',
  source: '《条例》第二十二条',
  check(ctx) {
    const important = ctx.doc.flags.important;
    if ((ctx.direction !== '上行' && !important) || ctx.doc.signers.length === 0) return [];
    const why = ctx.direction === '上行' ? '上行文' : '重要公文';
    const out: Finding[] = [];
    for (const o of ctx.issuers) {
      const mine = signersOf(ctx, o.id);
      if (mine.length === 0) continue; // R-SIGN-03
      const ok = mine.some(({ s }) => s.role === '主要负责人' || s.proxy || (s.role === '受权' && isOfficeLike(o)));
      if (ok) continue;
      const first = mine[0]!;
      out.push(
        finding(
          'R-SIGN-01',
          'error',
          `${why}应当由机关主要负责人签发：${o.name}的签发人${first.s.name}为${first.s.role}，` +
            '请改由主要负责人签发；受主要负责人委托代为签发的，应在姓名后标注“代”（proxy: true）',
          `document.signers[${first.i}].role`,
        ),
      );
    }
    return out;
  },
};

const REFUSAL = /不同意|不宜|退回|暂缓|不予|缓发/u;

const S02: RuleDef = {
  id: 'R-SIGN-02',
  severity: 'error',
  title: '签发人应当签署意见、姓名和完整日期（缺姓名或完整日期、意见为不同意为错误；未签意见按“签名视为同意”处理，为警告）',
  source: '《条例》第二十二条',
  check(ctx) {
    const out: Finding[] = [];
    ctx.doc.signers.forEach((s, i) => {
      const who = filled(s.name) ? s.name : `第${i + 1}位签发人`;
      if (!filled(s.name)) {
        out.push(finding('R-SIGN-02', 'error', `${who}的签发记录没有姓名：签发人应当签署姓名`, `document.signers[${i}].name`));
      }
      if (!filled(s.signedAt)) {
        out.push(finding('R-SIGN-02', 'error', `${who}的签发记录没有日期：签发应当签署完整日期（年月日），如 2024-06-03`, `document.signers[${i}].signedAt`));
      } else if (!isFullDate(s.signedAt)) {
        out.push(
          finding(
            'R-SIGN-02',
            'error',
            `${who}的签发日期“${s.signedAt}”不完整或无效：应签署完整日期（年月日），如 2024-06-03`,
            `document.signers[${i}].signedAt`,
          ),
        );
      }
      if (!filled(s.opinion)) {
        out.push(
          finding('R-SIGN-02', 'warning', `${who}未签署意见：按“圈阅或者签名的，视为同意”处理，建议补签意见（如“同意”）`, `document.signers[${i}].opinion`),
        );
      } else if (REFUSAL.test(s.opinion)) {
        out.push(
          finding('R-SIGN-02', 'error', `${who}的签发意见为“${s.opinion}”，不能视为同意签发：请按意见修改后重新报请签发`, `document.signers[${i}].opinion`),
        );
      }
    });
    return out;
  },
};

const S03: RuleDef = {
  id: 'R-SIGN-03',
  severity: 'error',
  title: '每个发文机关都应有本机关负责人签发；联合发文由所有联署机关的负责人会签',
  source: '《条例》第二十二条',
  check(ctx) {
    if (ctx.doc.signers.length === 0) return [];
    const missing = ctx.issuers.filter((o) => signersOf(ctx, o.id).length === 0).map((o) => o.id);
    if (missing.length === 0) return [];
    const joint = ctx.doc.issuers.length > 1;
    return [
      finding(
        'R-SIGN-03',
        'error',
        joint
          ? `联合发文应当由所有联署机关的负责人会签：缺少${names(ctx, missing)}负责人的签发记录`
          : `缺少发文机关${names(ctx, missing)}负责人的签发记录：公文应当经本机关负责人签发`,
        'document.signers',
      ),
    ];
  },
};

const S04: RuleDef = {
  id: 'R-SIGN-04',
  severity: 'error',
  title: '公文涉及其他地区或部门职权范围的，会签完成前不得签发（审核是否通过不在检查输入中，不检查；下行文由 R-ROUTE-11 检查）',
  source: '《条例》第十九条第（六）项、第二十条第（三）项',
  check(ctx) {
    const f = ctx.doc.flags;
    if (ctx.doc.signers.length === 0 || !f.involvesOtherUnits || f.countersignComplete || ctx.direction === '下行') {
      return [];
    }
    return [
      finding(
        'R-SIGN-04',
        'error',
        '本文涉及其他地区或部门的职权范围，会签尚未完成即已签发：应先征求相关地区或部门意见并达成一致（会签），完成后再报请签发',
        'document.flags.countersignComplete',
      ),
    ];
  },
};

export const signRules: RuleDef[] = [S01, S02, S03, S04];
