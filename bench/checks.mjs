#!/usr/bin/env node
/**
 * Throughput of the 公文合规检查 engine (domain/src/checks): generates N varied synthetic
 * documents from a seeded PRNG (several organ graphs, all common 文种, joint issuers, a share of
 * deliberate mistakes), checks them a few rounds after a warm-up, and prints documents/second
 * (median of rounds), findings per document and p50/p99 per-document latency.
 *
 *   node --import tsx bench/checks.mjs [--docs 5000] [--rounds 5] [--seed 20240603]
 *   npm run bench:checks -w bench
 *
 * A benchmark prints figures; it never asserts.
 */
import { performance } from 'node:perf_hooks';
import { checkDocument, checkJson, parseCheckInput } from '@xietiao/domain/checks/index';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : process.env[`BENCH_${name.toUpperCase()}`];
  const n = Number(v);
  return v !== undefined && Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
}
const N = arg('docs', 5000);
const ROUNDS = arg('rounds', 5);
const SEED = arg('seed', 20240603);

// --- seeded PRNG (mulberry32) ------------------------------------------------------------------
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
    sample: (xs, k) => {
      const c = [...xs];
      for (let i = c.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [c[i], c[j]] = [c[j], c[i]];
      }
      return c.slice(0, k);
    },
  };
}
const rng = prng(SEED);

// --- organ graphs ------------------------------------------------------------------------------
const CITY_NAMES = ['江州', '临川', '青阳', '南平', '东湖', '云山', '白河', '金台'];
const COUNTY_NAMES = ['安平', '长宁', '清水', '永和', '石门', '桃源', '新丰', '凤翔', '龙泉', '兴隆', '丰乐', '太和'];
const TOWN_NAMES = ['城关', '河口', '柳林', '杨庄', '马坊', '花园', '黄桥', '三合'];
const DEPTS = [
  ['财政', '厅', '局', '财'],
  ['教育', '厅', '局', '教'],
  ['交通运输', '厅', '局', '交'],
  ['水利', '厅', '局', '水'],
  ['卫生健康', '委员会', '委员会', '卫'],
  ['自然资源', '厅', '局', '自然资'],
  ['农业农村', '厅', '局', '农'],
  ['应急管理', '厅', '局', '应急'],
  ['民政', '厅', '局', '民'],
  ['人力资源和社会保障', '厅', '局', '人社'],
  ['生态环境', '厅', '局', '环'],
  ['住房和城乡建设', '厅', '局', '建'],
];

/** A province with `cities` cities, each with `counties` counties of `towns` towns, and `depts` departments per government. */
function buildGraph(g, shape) {
  const organs = [];
  const byId = new Map();
  const subs = new Map(); // superior → direct subordinates
  const add = (id, name, kind, level, superiors = [], parent = null, code = null) => {
    const o = { id, name, kind, level, superiors, parent };
    organs.push(o);
    byId.set(id, { ...o, code });
    for (const s of superiors) (subs.get(s) ?? subs.set(s, []).get(s)).push(id);
    return id;
  };
  const depts = rng.sample(DEPTS, shape.depts);
  const prov = `g${g}-p`;
  const pGov = add(`${prov}-gov`, '某省人民政府', '政府', 2, [], null, '省政');
  const pParty = add(`${prov}-party`, '中共某省委员会', '党委', 2, [], null, '省委');
  add(`${prov}-office`, '某省人民政府办公厅', '办公厅室', 2, [pGov], pGov, '省政办');
  const pDept = {};
  for (const [d, suffix, , code] of depts) pDept[d] = add(`${prov}-${code}`, `某省${d}${suffix}`, '部门', 2, [pGov], pGov, `省${code}`);
  const govs = { 3: [], 4: [], 5: [] };
  for (const cityName of rng.sample(CITY_NAMES, shape.cities)) {
    const c = `${prov}-${cityName}`;
    const cGov = add(`${c}-gov`, `${cityName}市人民政府`, '政府', 3, [pGov], null, `${cityName[0]}政`);
    const cParty = add(`${c}-party`, `中共${cityName}市委员会`, '党委', 3, [pParty], null, `${cityName[0]}委`);
    add(`${c}-office`, `${cityName}市人民政府办公室`, '办公厅室', 3, [cGov], cGov, `${cityName[0]}政办`);
    add(`${c}-pc`, `${cityName}市人民代表大会常务委员会`, '人大常委会', 3);
    add(`${c}-flood`, `${cityName}市防汛抗旱指挥部`, '议事协调机构', 3, [cGov], cGov, `${cityName[0]}汛`);
    govs[3].push({ gov: cGov, party: cParty, pc: `${c}-pc` });
    const cDept = {};
    for (const [d, , suffix, code] of depts) {
      cDept[d] = add(`${c}-${code}`, `${cityName}市${d}${suffix}`, '部门', 3, [cGov, pDept[d]], cGov, `${cityName[0]}${code}`);
      add(`${c}-${code}-office`, `${cityName}市${d}${suffix}办公室`, '内设机构', 3, [cDept[d]], cDept[d]);
      add(`${c}-${code}-unit`, `${cityName}市${d}${suffix}综合科`, '内设机构', 3, [cDept[d]], cDept[d]);
    }
    for (const countyName of rng.sample(COUNTY_NAMES, shape.counties)) {
      const k = `${c}-${countyName}`;
      const kGov = add(`${k}-gov`, `${countyName}县人民政府`, '政府', 4, [cGov], null, `${countyName[0]}政`);
      const kParty = add(`${k}-party`, `中共${countyName}县委员会`, '党委', 4, [cParty], null, `${countyName[0]}委`);
      add(`${k}-office`, `${countyName}县人民政府办公室`, '办公厅室', 4, [kGov], kGov, `${countyName[0]}政办`);
      add(`${k}-pc`, `${countyName}县人民代表大会常务委员会`, '人大常委会', 4);
      govs[4].push({ gov: kGov, party: kParty, pc: `${k}-pc` });
      for (const [d, , suffix, code] of depts)
        add(`${k}-${code}`, `${countyName}县${d}${suffix}`, '部门', 4, [kGov, cDept[d]], kGov, `${countyName[0]}${code}`);
      for (const townName of rng.sample(TOWN_NAMES, shape.towns)) {
        const tGov = add(`${k}-${townName}-gov`, `${countyName}县${townName}镇人民政府`, '政府', 5, [kGov], null, `${townName[0]}政`);
        add(`${k}-${townName}-party`, `中共${countyName}县${townName}镇委员会`, '党委', 5, [kParty], null, `${townName[0]}委`);
        govs[5].push({ gov: tGov });
      }
    }
  }
  return { organs, byId, subs, govs, name: `${shape.label}（${organs.length}个机关）` };
}

const SHAPES = [
  { label: '小县域', cities: 1, counties: 2, towns: 2, depts: 4 },
  { label: '中等市', cities: 2, counties: 4, towns: 3, depts: 8 },
  { label: '大省域', cities: 4, counties: 6, towns: 4, depts: 12 },
];
const GRAPHS = [];
for (let i = 0; i < 6; i++) GRAPHS.push(buildGraph(i, SHAPES[i % SHAPES.length]));

// --- documents ---------------------------------------------------------------------------------
const SUBJECTS = [
  '追加防汛经费',
  '开展安全生产大检查',
  '做好秋冬季森林防火工作',
  '调整城乡低保标准',
  '建设乡村公路',
  '加强校园安全管理',
  '推进政务服务“一网通办”',
  '开展爱国卫生运动',
  '修缮水利设施',
  '规范公务接待',
];
const PEOPLE = ['王某', '李某', '张某', '刘某', '陈某', '杨某', '赵某', '黄某'];
const ATTACH = ['经费测算表', '受灾情况统计', '工作方案', '任务分工表', '项目清单', '联系人名单'];

function dateOf(d) {
  return { cn: `${d.y}年${d.m}月${d.d}日`, iso: `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}` };
}

/** The organs a document names, plus everything they lean on (superiors, parents), so the input is closed. */
function closure(graph, ids) {
  const seen = new Set();
  const stack = [...ids];
  while (stack.length) {
    const id = stack.pop();
    if (seen.has(id)) continue;
    seen.add(id);
    const o = graph.byId.get(id);
    stack.push(...o.superiors, ...(o.parent ? [o.parent] : []));
  }
  return graph.organs.filter((o) => seen.has(o.id));
}

function body(kind, subject, { cite, request, headings }) {
  const parts = [`为${subject}，根据有关规定，结合本地实际，现将有关事项${kind === '请示' ? '请示如下' : kind === '报告' ? '报告如下' : '通知如下'}：`];
  const n = headings ? rng.int(2, 5) : 1;
  const nums = ['一', '二', '三', '四', '五'];
  for (let i = 0; i < n; i++) {
    if (headings) parts.push(`${nums[i]}、${rng.pick(['提高思想认识', '压实工作责任', '加强统筹协调', '强化督促检查', '做好宣传引导'])}`);
    if (headings && rng.chance(0.5)) parts.push('（一）明确目标任务', '（二）细化工作措施');
    parts.push(`${rng.pick(PEOPLE).slice(0, 1)}各有关单位要高度重视，切实把${subject}各项工作落到实处，确保按时完成任务。`.repeat(rng.int(1, 4)));
  }
  if (cite) parts.push(`根据《某省人民政府关于${rng.pick(SUBJECTS)}的通知》（省政发〔2023〕${rng.int(1, 60)}号）精神，抓好贯彻落实。`);
  if (request) parts.push(rng.pick(['妥否，请批示。', '以上请示当否，请批复。']));
  if (kind === '报告') parts.push('特此报告。');
  return parts.join('\n');
}

function makeDoc(i) {
  const graph = GRAPHS[i % GRAPHS.length];
  const g = graph.byId;
  const level = rng.pick([4, 4, 4, 5, 3]);
  const scenario = rng.pick(['请示', '请示', '报告', '通知', '通知', '意见', '函', '批复', '通报', '议案', '纪要', '公告', '联合通知', '联合通知', '部门请示']);
  const unit = rng.pick(graph.govs[level === 3 ? 4 : level]);
  const gov = g.get(unit.gov);
  const sup = gov.superiors[0];
  const kids = graph.subs.get(gov.id) ?? [];
  const subject = rng.pick(SUBJECTS);
  const date = { y: 2024, m: rng.int(1, 12), d: rng.int(1, 28) };
  let type = scenario;
  let issuers = [{ organ: gov.id, lead: true }];
  let mainTo = [];
  let copyTo = [];
  let matters = [];
  let replyTo = null;
  let layout = '通用';
  const flags = { important: rng.chance(0.15) };
  switch (scenario) {
    case '请示':
    case '报告':
      mainTo = [sup];
      if (rng.chance(0.3)) copyTo = [rng.pick(graph.subs.get(sup)?.filter((x) => g.get(x).kind === '部门') ?? [sup])];
      if (scenario === '请示') matters = [subject];
      break;
    case '部门请示': {
      type = '请示';
      const dept = rng.pick(kids.filter((x) => g.get(x).kind === '部门').concat(gov.id));
      issuers = [{ organ: dept, lead: true }];
      mainTo = [g.get(dept).superiors.at(-1)];
      matters = [subject];
      break;
    }
    case '通知':
    case '意见':
    case '通报':
      mainTo = rng.sample(
        kids.filter((x) => g.get(x).kind !== '内设机构'),
        rng.int(1, 6),
      );
      if (mainTo.length === 0) mainTo = [sup];
      if (flags.important) copyTo = [sup];
      break;
    case '联合通知': {
      type = '通知';
      const partner = unit.party ?? rng.pick(kids.filter((x) => g.get(x).kind === '部门').concat(gov.id));
      issuers = [
        { organ: gov.id, lead: true },
        { organ: partner, lead: false },
      ];
      if (rng.chance(0.1)) issuers.push({ organ: sup, lead: false }); // a co-issuer from the wrong level
      mainTo = rng.sample(kids, rng.int(1, 4));
      if (mainTo.length === 0) mainTo = [sup];
      break;
    }
    case '函': {
      const peers = graph.govs[level === 3 ? 4 : level].map((u) => u.gov).filter((x) => x !== gov.id);
      mainTo = [rng.pick(peers.length ? peers : [sup])];
      break;
    }
    case '批复': {
      const from = rng.pick(kids.length ? kids : [sup]);
      mainTo = [from];
      replyTo = { type: '请示', issuer: from, docNo: `${g.get(from).code ?? '某'}〔2024〕${rng.int(1, 99)}号` };
      break;
    }
    case '议案':
      mainTo = unit.pc ? [unit.pc] : [sup];
      break;
    case '纪要':
      layout = '纪要';
      break;
    case '公告':
      break;
  }
  const upward = type === '请示' || type === '报告';
  const issuerNames = issuers.map((x) => g.get(x.organ).name).join('、');
  const signers = issuers.map((x) => ({
    organ: x.organ,
    name: rng.pick(PEOPLE),
    role: rng.chance(0.9) ? '主要负责人' : '分管负责人',
    proxy: false,
    opinion: rng.chance(0.95) ? '同意' : null,
    signedAt: dateOf(date).iso,
  }));
  const nAtt = rng.pick([0, 0, 1, 2, 3]);
  const atts = rng.sample(ATTACH, nAtt).map((title, k) => ({ no: k + 1, title }));
  const attachmentNote = nAtt === 1 ? [`附件：${atts[0].title}`] : atts.map((a, k) => (k === 0 ? `附件：1.${a.title}` : `${a.no}.${a.title}`));
  const doc = {
    type,
    layout,
    issuers,
    title: `${issuerNames}关于${subject}的${type}`,
    mainTo,
    copyTo,
    docNo: `${g.get(issuers[0].organ).code ?? '某'}${type === '函' ? '函' : '发'}〔2024〕${rng.int(1, 150)}号`,
    date: dateOf(date).cn,
    signers,
    signatory: upward ? signers.map((s) => s.name) : [],
    secrecy: 'none',
    urgency: rng.chance(0.1) ? rng.pick(['特急', '加急']) : 'none',
    matters,
    body: body(type, subject, { cite: rng.chance(0.3), request: type === '请示', headings: rng.chance(0.6) }),
    attachmentNote,
    attachments: atts,
    note: type === '请示' ? `（联系人：${rng.pick(PEOPLE)}，电话：${rng.int(10000000, 99999999)}）` : null,
    replyTo,
    flags,
  };
  if (rng.chance(0.08)) Object.assign(doc, { secrecy: '秘密', secrecyTerm: '1年', copyNo: String(rng.int(1, 999)).padStart(6, '0') });
  // deliberate mistakes, about a third of the documents
  if (rng.chance(0.35)) {
    const m = rng.pick(['docNo', 'date', 'mainTo', 'matters', 'signatory', 'attach', 'title', 'secrecy', 'signer', 'skip']);
    if (m === 'docNo') doc.docNo = doc.docNo.replace('〔', '[').replace('〕', ']');
    if (m === 'date') doc.date = `${date.y}年${String(date.m).padStart(2, '0')}月${String(date.d).padStart(2, '0')}日`;
    if (m === 'mainTo' && kids.length) doc.mainTo = [...doc.mainTo, rng.pick(kids)];
    if (m === 'matters') doc.matters = [...doc.matters, rng.pick(SUBJECTS)];
    if (m === 'signatory') doc.signatory = [];
    if (m === 'attach' && atts.length) doc.attachmentNote = attachmentNote.slice(1);
    if (m === 'title') doc.title = `${doc.title}。`;
    if (m === 'secrecy') Object.assign(doc, { secrecy: '机密', secrecyTerm: null, copyNo: null });
    if (m === 'signer') doc.signers = doc.signers.map((s) => ({ ...s, signedAt: null }));
    if (m === 'skip' && g.get(sup).superiors.length) doc.mainTo = [g.get(sup).superiors[0]];
  }
  const named = [...issuers.map((x) => x.organ), ...doc.mainTo, ...doc.copyTo, ...(replyTo ? [replyTo.issuer] : [])];
  return { organs: closure(graph, named), document: doc };
}

// --- run ---------------------------------------------------------------------------------------
const t0 = performance.now();
const raws = Array.from({ length: N }, (_, i) => makeDoc(i));
const inputs = [];
let invalid = 0;
for (const raw of raws) {
  const p = parseCheckInput(raw);
  if (p.ok) inputs.push(p.input);
  else if (++invalid <= 3) console.error(`generator produced bad input: ${p.message}`);
}
const genMs = performance.now() - t0;

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function round(fn, items) {
  const lat = new Float64Array(items.length);
  let findings = 0;
  const start = performance.now();
  for (let i = 0; i < items.length; i++) {
    const s = performance.now();
    const r = fn(items[i]);
    lat[i] = performance.now() - s;
    findings += r.findings ? r.findings.length : r.ok ? r.result.findings.length : 0;
  }
  return { ms: performance.now() - start, lat, findings };
}

// warm-up: one full pass (lets the JIT settle)
round(checkDocument, inputs);

const rounds = [];
for (let r = 0; r < ROUNDS; r++) rounds.push(round(checkDocument, inputs));
const allLat = Float64Array.from(rounds.flatMap((r) => [...r.lat])).sort();
const perSec = rounds.map((r) => (inputs.length / r.ms) * 1000);
const findings = rounds[0].findings;

// severities and documents without findings, from one extra pass
const bySeverity = { error: 0, warning: 0, info: 0 };
const byRule = new Map();
let clean = 0;
for (const input of inputs) {
  const { findings: fs } = checkDocument(input);
  if (fs.length === 0) clean++;
  for (const f of fs) {
    bySeverity[f.severity]++;
    byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  }
}

// the whole contract path (validate raw JSON, then check), as the CLI and HTTP route run it
round((raw) => checkJson(raw), raws);
const jsonRounds = [];
for (let r = 0; r < Math.max(1, Math.ceil(ROUNDS / 2)); r++) jsonRounds.push(round((raw) => checkJson(raw), raws));

const fmt = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const us = (ms) => `${fmt(ms * 1000, 0)} µs`;
const organCounts = inputs.map((x) => x.organs.length);
const types = new Map();
for (const x of inputs) types.set(x.document.type, (types.get(x.document.type) ?? 0) + 1);
const joint = inputs.filter((x) => x.document.issuers.length > 1).length;

console.log('公文合规检查 engine benchmark');
console.log(
  `  node ${process.version}, seed ${SEED}, ${fmt(inputs.length)} documents (${invalid} rejected by the generator check), generated in ${fmt(genMs)} ms`,
);
console.log(`  organ graphs: ${GRAPHS.map((g) => g.name).join('; ')}`);
console.log(
  `  per document: ${fmt(Math.min(...organCounts))}–${fmt(Math.max(...organCounts))} organs (mean ${fmt(organCounts.reduce((a, b) => a + b, 0) / organCounts.length, 1)}); ${joint} joint; types ${[
    ...types,
  ]
    .sort((a, b) => b[1] - a[1])
    .map(([t, n]) => `${t} ${n}`)
    .join(', ')}`,
);
console.log(`  rounds: 1 warm-up + ${ROUNDS} timed`);
console.log('');
console.log(`checkDocument   ${fmt(median(perSec))} documents/s (median of ${ROUNDS}; rounds ${perSec.map((x) => fmt(x)).join(' / ')})`);
console.log(`                latency per document p50 ${us(quantile(allLat, 0.5))}, p99 ${us(quantile(allLat, 0.99))}, max ${us(allLat[allLat.length - 1])}`);
console.log(
  `                findings per document ${fmt(findings / inputs.length, 2)} (error ${fmt(bySeverity.error / inputs.length, 2)}, warning ${fmt(bySeverity.warning / inputs.length, 2)}, info ${fmt(bySeverity.info / inputs.length, 2)}); ${fmt((clean / inputs.length) * 100, 1)}% clean`,
);
console.log(
  `                most frequent: ${[...byRule]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([r, n]) => `${r} ${n}`)
    .join(', ')}`,
);
const jsonPerSec = jsonRounds.map((r) => (raws.length / r.ms) * 1000);
const jsonLat = Float64Array.from(jsonRounds.flatMap((r) => [...r.lat])).sort();
console.log(
  `checkJson       ${fmt(median(jsonPerSec))} documents/s incl. input validation (median of ${jsonRounds.length}); p50 ${us(quantile(jsonLat, 0.5))}, p99 ${us(quantile(jsonLat, 0.99))}`,
);
