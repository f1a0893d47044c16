/**
 * 行文规则 (《党政机关公文处理工作条例》第十三条至第十六条) — gongwen-rules.md §1.4,
 * R-ROUTE-00 … R-ROUTE-12. Directions and relations come from the organ graph (ORG-1).
 *
 * A rule's `severity` is its strongest finding; some rules also emit a milder finding (noted in
 * the title), e.g. R-ROUTE-01 warns about a missing 越级理由 but errs on a missing 抄送.
 */
import type { CheckContext, CheckOrgan, Finding, RuleDef } from '../types';
import { approvalStatements, requestPhrases, requestSentences } from '../wording';
import { addressees, directLeaders, filled, finding, homeOrgan, idx, names, namedOrgans, nm } from './util';

export { REQUEST_WORDING, requestPhrases } from '../wording';

/** Sentence openings that state a purpose or basis (为……, 根据……, ……以来, ……收悉). */
const PURPOSE = /(^|[。；！？\n])\s*(为了?|根据|按照|依据|依照|遵照|鉴于|由于|因|经|近期|近来|目前|当前|今年|去年|近年|[^。；\n]{0,12}以来)|收悉/u;
const PURPOSE_TYPES = new Set(['请示', '报告', '通知', '意见', '函', '通报', '决定', '议案']);

const R00: RuleDef = {
  id: 'R-ROUTE-00',
  severity: 'info',
  title: '行文应当确有必要：正文应写明行文目的或依据（提示）',
  source: '《条例》第十三条',
  check(ctx) {
    const body = ctx.doc.body;
    if (body.trim() === '') {
      return [finding('R-ROUTE-00', 'info', '正文为空：请写明行文的目的、依据和具体事项，行文应当确有必要、讲求实效', 'document.body')];
    }
    if (PURPOSE_TYPES.has(ctx.doc.type) && !PURPOSE.test(body)) {
      return [
        finding(
          'R-ROUTE-00',
          'info',
          '正文未写明行文目的或依据（如“为……”“根据……”）：请说明行文的必要性，并核对同一事项是否已有现行公文，避免重复发文',
          'document.body',
        ),
      ];
    }
    return [];
  },
};

const R01: RuleDef = {
  id: 'R-ROUTE-01',
  severity: 'error',
  title: '一般不得越级行文；越级须写明理由（警告），并应抄送被越过的机关（上行未抄送为错误，下行为警告）',
  source: '《条例》第十四条',
  check(ctx) {
    const out: Finding[] = [];
    const I = idx(ctx);
    const lead = ctx.lead;
    const covered = namedOrgans(ctx);
    for (const a of addressees(ctx, 'mainTo')) {
      const rel = ctx.relation(lead.id, a.organ);
      if (rel === 'superior' && !I.isDirectLeader(lead.id, a.organ)) {
        const skipped = I.between(lead.id, a.organ);
        const direct = directLeaders(lead);
        if (!filled(ctx.doc.flags.skipLevelReason)) {
          out.push(
            finding(
              'R-ROUTE-01',
              'warning',
              `${lead.name}越级向${nm(ctx, a.organ)}行文（越过${names(ctx, skipped)}）：一般不得越级行文，` +
                `特殊情况须在越级理由（flags.skipLevelReason）中写明，否则请改为主送直接上级机关${names(ctx, direct)}`,
              'document.flags.skipLevelReason',
            ),
          );
        }
        const missing = skipped.filter((s) => !covered.has(s));
        if (missing.length > 0) {
          out.push(finding('R-ROUTE-01', 'error', `越级行文应当同时抄送被越过的机关：请将${names(ctx, missing)}加入抄送`, 'document.copyTo'));
        }
      } else if (rel === 'subordinate' && !I.isDirectLeader(a.organ, lead.id)) {
        const missing = I.between(a.organ, lead.id).filter((s) => !covered.has(s));
        if (missing.length > 0) {
          out.push(
            finding(
              'R-ROUTE-01',
              'warning',
              `${lead.name}越过${names(ctx, missing)}直接向${nm(ctx, a.organ)}行文：一般不得越级行文，` +
                `确需越级的请同时抄送${names(ctx, missing)}，或改由其逐级转发`,
              a.path,
            ),
          );
        }
      }
    }
    return out;
  },
};

const R02: RuleDef = {
  id: 'R-ROUTE-02',
  severity: 'error',
  title: '向上级机关行文原则上主送一个上级机关（请示主送多个为错误，其他上行文为警告）',
  source: '《条例》第十五条第（一）项',
  check(ctx) {
    const n = ctx.doc.mainTo.length;
    if (n <= 1) return [];
    if (ctx.doc.type === '请示') {
      return [
        finding(
          'R-ROUTE-02',
          'error',
          `请示原则上只主送一个上级机关，当前主送${n}个机关：请只保留负责受理的直接上级机关，其他相关机关改为抄送`,
          'document.mainTo',
        ),
      ];
    }
    if (ctx.direction === '上行') {
      return [
        finding(
          'R-ROUTE-02',
          'warning',
          `向上级机关行文原则上主送一个上级机关，当前主送${n}个机关：请只保留一个主送机关，其他相关上级机关改为抄送，或记录主送多个机关的理由`,
          'document.mainTo',
        ),
      ];
    }
    return [];
  },
};

const R03: RuleDef = {
  id: 'R-ROUTE-03',
  severity: 'error',
  title: '上行文不得抄送下级机关（主送中混有下级机关同样报错）',
  source: '《条例》第十五条第（一）项',
  check(ctx) {
    if (ctx.direction !== '上行') return [];
    const out: Finding[] = [];
    for (const key of ['mainTo', 'copyTo'] as const) {
      for (const a of addressees(ctx, key)) {
        const boss = ctx.issuers.find((i) => ctx.relation(i.id, a.organ) === 'subordinate');
        if (!boss) continue;
        out.push(
          finding(
            'R-ROUTE-03',
            'error',
            key === 'copyTo'
              ? `上行文不得抄送下级机关：${nm(ctx, a.organ)}是${boss.name}的下级机关，请从抄送中删除`
              : `上行文的主送中不得有下级机关：${nm(ctx, a.organ)}是${boss.name}的下级机关，请删除，需要时另行下发`,
            a.path,
          ),
        );
      }
    }
    return out;
  },
};

const R04: RuleDef = {
  id: 'R-ROUTE-04',
  severity: 'error',
  title:
    '部门向上级主管部门请示、报告重大事项须经本级党委、政府同意或授权（记录见 flags.govApprovedRef，重大事项 = flags.important）；部门职权内事项宜直接报上级主管部门（提示）',
  source: '《条例》第十五条第（二）项',
  check(ctx) {
    if (ctx.direction !== '上行' || (ctx.doc.type !== '请示' && ctx.doc.type !== '报告')) return [];
    const out: Finding[] = [];
    for (const dept of ctx.issuers) {
      if (dept.kind !== '部门') continue;
      const home = dept.parent !== null ? ctx.organs.get(dept.parent) : undefined;
      if (!home || (home.kind !== '党委' && home.kind !== '政府')) continue;
      const main = addressees(ctx, 'mainTo');
      const competent = main.filter((a) => ctx.relation(dept.id, a.organ) === 'superior' && ctx.organs.get(a.organ)?.kind === '部门');
      if (ctx.doc.flags.important && competent.length > 0 && !filled(ctx.doc.flags.govApprovedRef)) {
        out.push(
          finding(
            'R-ROUTE-04',
            'error',
            `${dept.name}向上级主管部门${names(
              ctx,
              competent.map((a) => a.organ),
            )}${ctx.doc.type}重大事项，` + `应当经本级${home.kind}（${home.name}）同意或者授权：请在 flags.govApprovedRef 记录同意或授权的依据`,
            'document.flags.govApprovedRef',
          ),
        );
      }
      if (!ctx.doc.flags.important && competent.length === 0) {
        const competentLeaders = directLeaders(dept).filter((id) => ctx.organs.get(id)?.kind === '部门');
        for (const a of main) {
          const g = ctx.organs.get(a.organ);
          if (!g || (g.kind !== '政府' && g.kind !== '党委') || g.id === home.id) continue;
          if (ctx.relation(dept.id, g.id) !== 'superior' || competentLeaders.length === 0) continue;
          out.push(
            finding('R-ROUTE-04', 'info', `属于部门职权范围内的事项，应当直接报送上级主管部门${names(ctx, competentLeaders)}，而不是报送${g.name}`, a.path),
          );
        }
      }
    }
    return out;
  },
};

const FORWARD_ONLY = /原文转报|照转|现将[^。]{0,60}(请示|报告)[^。]{0,10}(转报|转呈|呈报|报上|报送|上报)/u;
const STANCE = /建议|拟同意|同意|认为|倾向|意见|经(研究|审核|审查|核实)/u;

const R05: RuleDef = {
  id: 'R-ROUTE-05',
  severity: 'error',
  title: '转报下级机关的请示应当提出倾向性意见，不得原文转报',
  source: '《条例》第十五条第（三）项',
  check(ctx) {
    const d = ctx.doc;
    if (d.type !== '请示' || !filled(d.flags.forwardedFrom)) return [];
    const out: Finding[] = [];
    if (!filled(d.flags.stanceOpinion)) {
      out.push(
        finding(
          'R-ROUTE-05',
          'error',
          `以本机关名义转报下级机关的请示（${d.flags.forwardedFrom}），应当提出本机关的倾向性意见后上报：请在 flags.stanceOpinion 写明本机关意见，并在正文中表述`,
          'document.flags.stanceOpinion',
        ),
      );
    }
    if (FORWARD_ONLY.test(d.body) && !STANCE.test(d.body)) {
      out.push(
        finding(
          'R-ROUTE-05',
          'error',
          '不得原文转报下级机关的请示：正文应以本机关名义写明对所请示事项的审核情况和倾向性意见，而不只是“现将……转报”',
          'document.body',
        ),
      );
    }
    return out;
  },
};

const R06a: RuleDef = {
  id: 'R-ROUTE-06a',
  severity: 'error',
  title: '请示应当一文一事：请示事项（matters）须恰好一项；正文出现多处请批用语为警告',
  source: '《条例》第十五条第（四）项',
  check(ctx) {
    const d = ctx.doc;
    if (d.type !== '请示') return [];
    const n = d.matters.length;
    if (n === 0) {
      return [finding('R-ROUTE-06a', 'error', '请示未列明请示事项：请在请示事项（matters）中填写所请示的一个事项', 'document.matters')];
    }
    if (n > 1) {
      return [
        finding('R-ROUTE-06a', 'error', `请示应当一文一事，当前包含${n}项请示事项（${d.matters.join('；')}）：请拆分为${n}件请示分别报送`, 'document.matters'),
      ];
    }
    const phrases = requestPhrases(d.body);
    if (phrases.length > 1) {
      return [
        finding(
          'R-ROUTE-06a',
          'warning',
          `正文中有${phrases.length}处请求批准的用语（${phrases.join('、')}），可能一文多事：请确认只请示一个事项，多个事项请分别行文`,
          'document.body',
        ),
      ];
    }
    return [];
  },
};

const R06b: RuleDef = {
  id: 'R-ROUTE-06b',
  severity: 'error',
  title:
    '不得在报告等非请示性公文中夹带请示事项（报告正文出现“妥否，请批示”“请予批准”等请批用语或列有请示事项为错误；以其他说法提出请求——请/恳请/望/希/请求……批准、支持、解决、拨付、安排、帮助、协调等——为警告）',
  source: '《条例》第十五条第（四）项',
  check(ctx) {
    const d = ctx.doc;
    if (d.type !== '报告') return [];
    const out: Finding[] = [];
    const phrases = requestPhrases(d.body);
    if (phrases.length > 0) {
      out.push(
        finding(
          'R-ROUTE-06b',
          'error',
          `报告中不得夹带请示事项：正文含有“${phrases[0]}”，请删除请求批准的内容（报告以“特此报告”结尾），需要批准的事项另行以请示报送`,
          'document.body',
        ),
      );
    }
    for (const hit of requestSentences(d.body)) {
      out.push(
        finding(
          'R-ROUTE-06b',
          'warning',
          `报告中疑似夹带请示事项：“${hit.sentence}”向上级提出了请求（“${hit.phrase}”）。报告不得夹带请示事项，需要上级批准、支持或解决的事项应另行以请示报送；如只是汇报已做的工作，请记录理由后继续`,
          'document.body',
        ),
      );
    }
    if (d.matters.length > 0) {
      out.push(
        finding('R-ROUTE-06b', 'error', `报告中不得夹带请示事项：请示事项（matters）列有${d.matters.length}项，请清空并另行以请示报送`, 'document.matters'),
      );
    }
    return out;
  },
};

const LEADER_TITLE = /(书记|省长|市长|州长|县长|区长|镇长|乡长|厅长|局长|部长|主任|主席)[\u4e00-\u9fa5]{0,3}$/u;

const R07: RuleDef = {
  id: 'R-ROUTE-07',
  severity: 'error',
  title: '除上级机关负责人直接交办事项外，不得向上级机关负责人报送公文，不得以本机关负责人名义向上级机关报送公文；主送应为机关',
  source: '《条例》第十五条第（五）项',
  check(ctx) {
    const out: Finding[] = [];
    const assigned = filled(ctx.doc.flags.leaderAssigned);
    for (const a of addressees(ctx, 'mainTo')) {
      if (a.person === null) continue;
      const superior = ctx.issuers.some((i) => ctx.relation(i.id, a.organ) === 'superior');
      if (superior && assigned) continue;
      out.push(
        finding(
          'R-ROUTE-07',
          'error',
          superior
            ? `除上级机关负责人直接交办的事项外，不得向上级机关负责人（${a.person}）报送公文：请改为主送${nm(ctx, a.organ)}，或在 flags.leaderAssigned 注明交办依据`
            : `主送应为机关，不应为个人（${a.person}）：请改为主送${nm(ctx, a.organ)}`,
          a.path,
        ),
      );
    }
    if (ctx.direction === '上行') {
      const prefix = ctx.doc.title.split('关于')[0] ?? '';
      const persons = [...ctx.doc.signers.map((s) => s.name), ...ctx.doc.signatory].filter((n) => n.trim().length >= 2);
      const byOrgan = ctx.issuers.some((o) => prefix.startsWith(o.name));
      if (prefix !== '' && !byOrgan && (persons.some((p) => prefix.startsWith(p.trim())) || LEADER_TITLE.test(prefix))) {
        out.push(
          finding('R-ROUTE-07', 'error', `不得以本机关负责人名义向上级机关报送公文：标题以“${prefix}”署名，请改以${ctx.lead.name}的名义行文`, 'document.title'),
        );
      }
    }
    return out;
  },
};

const R08: RuleDef = {
  id: 'R-ROUTE-08',
  severity: 'info',
  title: '受双重领导的机关向一个上级机关行文，必要时抄送另一个上级机关（提示）',
  source: '《条例》第十五条第（六）项',
  check(ctx) {
    if (ctx.direction !== '上行') return [];
    const leaders = directLeaders(ctx.lead).filter((id) => ctx.organs.has(id));
    if (leaders.length < 2) return [];
    const covered = namedOrgans(ctx);
    const addressed = leaders.filter((id) => ctx.doc.mainTo.some((a) => (typeof a === 'string' ? a : a.organ) === id));
    if (addressed.length === 0) return [];
    const others = leaders.filter((id) => !covered.has(id));
    if (others.length === 0) return [];
    return [
      finding(
        'R-ROUTE-08',
        'info',
        `${ctx.lead.name}受${names(ctx, leaders)}双重领导，向${names(ctx, addressed)}行文时，必要时抄送另一个上级机关${names(ctx, others)}`,
        'document.copyTo',
      ),
    ];
  },
};

const R09: RuleDef = {
  id: 'R-ROUTE-09',
  severity: 'warning',
  title: '重要的下行文应当同时抄送发文机关的直接上级机关（重要 = flags.important）',
  source: '《条例》第十六条第（一）项',
  check(ctx) {
    if (ctx.direction !== '下行' || !ctx.doc.flags.important) return [];
    const covered = namedOrgans(ctx);
    const missing: string[] = [];
    for (const i of ctx.issuers) {
      for (const id of directLeaders(i)) if (ctx.organs.has(id) && !covered.has(id) && !missing.includes(id)) missing.push(id);
    }
    if (missing.length === 0) return [];
    return [finding('R-ROUTE-09', 'warning', `重要的下行文应当同时抄送发文机关的直接上级机关：请将${names(ctx, missing)}加入抄送`, 'document.copyTo')];
  },
};

/** Kinds that may not give binding instructions to lower 党委/政府 (Art 16(二); 减负规定第1条). */
const RESTRICTED_KINDS = new Set(['部门', '议事协调机构', '事业单位', '群团', '企业', '其他', '内设机构']);
const DIRECTIVE_WORDING = /必须|务必|要于|须于|应于|责令|限期完成/u;

/**
 * The organs whose approval or authorisation lets `x` write to lower 党委/政府: its own 党委 or
 * 政府 (the one it belongs to, `homeOrgan`), and the same-level 党委/政府 among its leading organs.
 */
function ownApprovers(ctx: CheckContext, x: CheckOrgan): CheckOrgan[] {
  const out: CheckOrgan[] = [];
  const home = homeOrgan(ctx, x);
  if (home) out.push(home);
  for (const id of idx(ctx).leadingLine(x.id)) {
    const o = ctx.organs.get(id);
    if (o && (o.kind === '党委' || o.kind === '政府') && o.level === x.level && !out.includes(o)) out.push(o);
  }
  return out;
}

interface StatedApproval {
  /** the body states the approval or authorisation of one of `approvers` */
  stated: boolean;
  /** statements that name another organ (for the message) */
  others: string[];
}

/**
 * Reads the body's statements of approval (“经县人民政府同意”“已经县政府研究同意”“根据县委授权”)
 * and says whether one names an organ of `approvers` (names and short forms are resolved
 * against the organ graph, names.ts). With no approver known, any statement of approval counts.
 */
function statedApproval(ctx: CheckContext, approvers: readonly CheckOrgan[]): StatedApproval {
  const body = ctx.doc.body;
  // With no approver known, any statement counts — read as for a known one (conditions such as
  // “同意后，由……实施”, negations and quoted text are not statements).
  if (approvers.length === 0) return { stated: approvalStatements(ctx.organs, body).length > 0, others: [] };
  const others: string[] = [];
  for (const st of approvalStatements(ctx.organs, body)) {
    if (st.organs.some((o) => approvers.includes(o))) return { stated: true, others: [] };
    others.push(st.text);
  }
  return { stated: false, others };
}

const R10: RuleDef = {
  id: 'R-ROUTE-10',
  severity: 'error',
  title:
    '部门、单位和议事协调机构不得向下级党委、政府发布指令性公文（指令性 = flags.directive 或正文含“必须/务必/要于……”；经本级政府同意的须在文中注明“经……同意”）；办公厅（室）向下级党委、政府行文须经本级党委、政府授权：授权记录（flags.govApprovedRef）或正文写明“经××同意”“根据××授权”均可，未见的为警告',
  source: '《条例》第十六条第（二）项；《整治形式主义为基层减负若干规定》第1条',
  check(ctx) {
    const d = ctx.doc;
    const directive = d.flags.directive || DIRECTIVE_WORDING.test(d.body);
    const out: Finding[] = [];
    const approved = filled(d.flags.govApprovedRef);
    for (const x of ctx.issuers) {
      const office = x.kind === '办公厅室';
      if (!office && !(directive && RESTRICTED_KINDS.has(x.kind))) continue;
      const targets = addressees(ctx, 'mainTo').filter((a) => {
        const t = ctx.organs.get(a.organ);
        return t !== undefined && (t.kind === '党委' || t.kind === '政府') && (ctx.relation(x.id, t.id) === 'subordinate' || t.level > x.level);
      });
      if (targets.length === 0) continue;
      const home = homeOrgan(ctx, x);
      const homeName = home?.name ?? '本级党委、政府';
      const approvers = ownApprovers(ctx, x);
      const stmt = statedApproval(ctx, approvers);
      const otherNote = stmt.others.length ? `（正文中的“${stmt.others[0]}”不是${homeName}的同意或授权）` : '';
      if (office) {
        // Art 16(二): an 办公厅（室） may write to lower 党委/政府 “根据本级党委、政府授权”: the
        // authorisation is recorded in flags.govApprovedRef, or stated in the body.
        if (!approved && !stmt.stated) {
          out.push(
            finding(
              'R-ROUTE-10',
              'warning',
              `${x.name}向下级党委、政府（${names(
                ctx,
                targets.map((t) => t.organ),
              )}）行文，应当根据${homeName}的授权${otherNote}：请在正文写明“经${homeName}同意”，或在 flags.govApprovedRef 记录授权依据`,
              'document.flags.govApprovedRef',
            ),
          );
        }
        continue;
      }
      if (stmt.stated) continue; // the body states its own government's approval (Art 16(二))
      if (!approved) {
        for (const t of targets) {
          out.push(
            finding(
              'R-ROUTE-10',
              'error',
              `${x.name}不得向下级党委、政府（${nm(ctx, t.organ)}）发布指令性公文或提出指令性要求${otherNote}：请改由${homeName}行文，` +
                `或报经${homeName}同意后行文，在正文注明“经${homeName}同意”（并可在 flags.govApprovedRef 记录同意依据）`,
              t.path,
            ),
          );
        }
      } else {
        out.push(
          finding(
            'R-ROUTE-10',
            'error',
            `经政府同意由职能部门向下级党委、政府行文的，文中须注明已经政府同意${otherNote}：请在正文中写明“经${homeName}同意”`,
            'document.body',
          ),
        );
      }
    }
    return out;
  },
};

const R11: RuleDef = {
  id: 'R-ROUTE-11',
  severity: 'error',
  title: '涉及多个部门职权范围的事务，部门之间未协商一致（会签未完成）的，不得向下行文',
  source: '《条例》第十六条第（四）项',
  check(ctx) {
    const f = ctx.doc.flags;
    if (ctx.direction !== '下行' || !f.involvesOtherUnits || f.countersignComplete) return [];
    return [
      finding(
        'R-ROUTE-11',
        'error',
        '本文涉及其他部门或地区的职权范围，相关部门尚未协商一致（会签未完成），不得向下行文：请完成会签并取得一致意见后再签发（flags.countersignComplete）',
        'document.flags.countersignComplete',
      ),
    ];
  },
};

const R12: RuleDef = {
  id: 'R-ROUTE-12',
  severity: 'info',
  title: '向受双重领导的下级机关行文，必要时抄送该下级机关的另一个上级机关（提示）',
  source: '《条例》第十六条第（五）项',
  check(ctx: CheckContext) {
    if (ctx.direction !== '下行') return [];
    const covered = namedOrgans(ctx);
    const out: Finding[] = [];
    for (const a of addressees(ctx, 'mainTo')) {
      if (ctx.relation(ctx.lead.id, a.organ) !== 'subordinate') continue;
      const t = ctx.organs.get(a.organ);
      if (!t) continue;
      const leaders = directLeaders(t).filter((id) => ctx.organs.has(id));
      if (leaders.length < 2) continue;
      const others = leaders.filter((id) => !covered.has(id));
      if (others.length === 0) continue;
      out.push(finding('R-ROUTE-12', 'info', `${t.name}受${names(ctx, leaders)}双重领导，必要时抄送其另一个上级机关${names(ctx, others)}`, 'document.copyTo'));
    }
    return out;
  },
};

export const routeRules: RuleDef[] = [R00, R01, R02, R03, R04, R05, R06a, R06b, R07, R08, R09, R10, R11, R12];
