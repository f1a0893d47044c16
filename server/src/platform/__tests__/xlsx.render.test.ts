/**
 * XLSX exports as an office prints them (X-7, ACT-8): the sheets are rendered by LibreOffice
 * (`soffice --convert-to pdf`) and the PDF is read back — pages, the title once per page before
 * the header, page numbers, every cell text in full — and the XLSX itself is read back with exceljs
 * (real date cells with the Chinese format, print titles, A4). Without LibreOffice the rendering
 * tests are skipped locally; under CI (`process.env.CI`) they fail instead, since CI installs it.
 */
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoActivities } from '../../seed/demo-activities';
import { createTestApp, type Agent, type TestApp } from '../../test/app';
import { CHINESE_DATE, CHINESE_DATETIME, dateCell, rowHeight, shanghaiWallClock, tablesXlsx, textWidth, wrappedLines, type XlsxTable } from '../xlsx';

const run = promisify(execFile);
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const SOFFICE = has('soffice');
const PDFTOPPM = has('pdftoppm');
/** without a CJK font LibreOffice draws every character as a box, and the PDF's text cannot be read back */
const CJK_FONT = has('fc-list') && spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).stdout.trim() !== '';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const SCREENSHOTS = path.join(ROOT, 'reports', 'screenshots');
const RENDER_TIMEOUT = 120_000;

/** What rendering needs; missing, the rendering tests are skipped locally and fail under CI (which installs them). */
const missing = [...(SOFFICE ? [] : ['LibreOffice (soffice: libreoffice-calc-nogui)']), ...(CJK_FONT ? [] : ['a CJK font (fonts-noto-cjk)'])].join(' and ');
const rendering = !missing || process.env.CI ? it : it.skip;
const skipped = !missing || process.env.CI ? '' : ` — SKIPPED: ${missing} not installed`;
if (skipped) console.warn(`xlsx.render.test: ${missing} not installed; the PDF rendering tests are skipped (CI installs them and runs them).`);

const workDirs: string[] = [];
afterAll(() => {
  for (const d of workDirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Whitespace-free text, to compare what LibreOffice wrapped over several lines with the cell's text. */
const squash = (s: string) => s.replace(/\s+/g, '');
const count = (hay: string, needle: string) => hay.split(needle).length - 1;

/** A run of text as drawn on a page: its text (whitespace-free), baseline position and font size, in points. */
interface Run {
  s: string;
  x: number;
  y: number;
  size: number;
}

interface Rendered {
  pages: number;
  /** each page's size in points */
  sizes: { width: number; height: number }[];
  /** each page's runs in drawing order (a cell's wrapped lines one after another) */
  runs: Run[][];
  /** each page's text as laid out: lines top to bottom, each left to right */
  layout: string[];
}

/** The XLSX rendered to PDF by LibreOffice (its own profile, so parallel runs do not collide), read back with pdf.js. */
async function render(xlsx: Buffer, name: string): Promise<Rendered> {
  if (missing) throw new Error(`CI must render the XLSX exports, but ${missing} is not installed`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietiao-xlsx-'));
  workDirs.push(dir);
  const file = path.join(dir, `${name}.xlsx`);
  fs.writeFileSync(file, xlsx);
  const profile = pathToFileURL(path.join(dir, 'profile')).href;
  await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 90_000 });
  const pdf = path.join(dir, `${name}.pdf`);
  expect(fs.existsSync(pdf), `soffice wrote no ${pdf}`).toBe(true);
  const doc = await getDocumentProxy(new Uint8Array(fs.readFileSync(pdf)));
  const out: Rendered = { pages: doc.numPages, sizes: [], runs: [], layout: [] };
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const { width, height } = page.getViewport({ scale: 1 });
    out.sizes.push({ width: Math.round(width), height: Math.round(height) });
    const runs = (await page.getTextContent()).items.flatMap((it) =>
      'str' in it && it.str.trim() ? [{ s: squash(it.str), x: it.transform[4], y: it.transform[5], size: Math.hypot(it.transform[2], it.transform[3]) }] : [],
    );
    out.runs.push(runs);
    // lines: runs whose baselines are within 2 pt, top to bottom, each left to right
    const lines: Run[][] = [];
    for (const r of [...runs].sort((a, b) => b.y - a.y || a.x - b.x)) {
      const line = lines.at(-1);
      if (line && Math.abs(line[0].y - r.y) <= 2) line.push(r);
      else lines.push([r]);
    }
    out.layout.push(
      lines
        .map((l) =>
          l
            .sort((a, b) => a.x - b.x)
            .map((r) => r.s)
            .join(' '),
        )
        .join('\n'),
    );
  }
  // for people: the XLSX, its PDF and its first pages as PNG in reports/screenshots
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  fs.copyFileSync(file, path.join(SCREENSHOTS, `xlsx-${name}.xlsx`));
  fs.copyFileSync(pdf, path.join(SCREENSHOTS, `xlsx-${name}.pdf`));
  if (PDFTOPPM) await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', String(Math.min(2, doc.numPages)), pdf, path.join(SCREENSHOTS, `xlsx-${name}`)]);
  return out;
}

/**
 * Every place a text was drawn: the runs that spell it, in drawing order (a cell's wrapped lines one
 * after another). pdf.js may join the texts of neighbouring cells on one baseline into one run.
 */
function drawn(runs: Run[], text: string): Run[][] {
  const want = squash(text);
  const starts: number[] = [];
  let all = '';
  for (const r of runs) {
    starts.push(all.length);
    all += r.s;
  }
  const found: Run[][] = [];
  for (let at = all.indexOf(want); want && at >= 0; at = all.indexOf(want, at + 1)) {
    const end = at + want.length;
    found.push(runs.filter((r, i) => starts[i] < end && starts[i] + r.s.length > at));
  }
  return found;
}

/** The lines (distinct baselines) a cell's text was drawn on. */
const linesOf = (runs: Run[]) => new Set(runs.map((r) => Math.round(r.y))).size;
// the glyph box of CJK text (Noto Sans CJK: ascent 0.88 em, descent 0.12 em) and its middle
const top = (r: Run) => r.y + 0.88 * r.size;
const bottom = (r: Run) => r.y - 0.12 * r.size;
const middle = (r: Run) => r.y + 0.38 * r.size;

/**
 * The rows of a printed page as bands of the page, from one middle-aligned single-line cell of each
 * row (its anchor: a name, a 文号) and the row heights the XLSX gives them; the scale LibreOffice
 * printed at follows from the distance between the first and last anchors.
 */
function rowBands(runs: Run[], rows: { anchor: string; height: number }[]) {
  const found = rows.flatMap((r) => {
    const at = drawn(runs, r.anchor);
    return at.length === 1 && linesOf(at[0]) === 1 ? [{ ...r, middle: middle(at[0][0]) }] : [];
  });
  if (found.length < 2) throw new Error('fewer than two rows found on the page');
  const [first, last] = [found[0], found[found.length - 1]];
  const i0 = rows.indexOf(rows.find((r) => r.anchor === first.anchor)!);
  const i1 = rows.indexOf(rows.find((r) => r.anchor === last.anchor)!);
  const between = rows.slice(i0, i1 + 1).reduce((s, r) => s + r.height, 0) - first.height / 2 - last.height / 2;
  const scale = (first.middle - last.middle) / between;
  expect(scale).toBeGreaterThan(0.3);
  expect(scale).toBeLessThanOrEqual(1.0001);
  return { scale, bands: found.map((r) => ({ anchor: r.anchor, top: r.middle + (scale * r.height) / 2, bottom: r.middle - (scale * r.height) / 2 })) };
}

/**
 * Nothing cut: every cell's text is drawn in full and inside one row's band. LibreOffice writes a
 * too-tall cell's text whole into the PDF and only clips it on the page, so it is the position of
 * the lines, not their presence, that shows whether the row was tall enough.
 */
function expectInsideRows(runs: Run[], bands: { anchor: string; top: number; bottom: number }[], texts: string[]) {
  for (const text of texts) {
    const places = drawn(runs, text);
    expect(places.length, `drawn: ${text}`).toBeGreaterThan(0);
    for (const place of places) {
      const [hi, lo] = [Math.max(...place.map(top)), Math.min(...place.map(bottom))];
      const row = bands.find((b) => hi <= b.top + 1 && lo >= b.bottom - 1);
      expect(row, `${text}: its ${linesOf(place)} lines (${lo.toFixed(1)}–${hi.toFixed(1)} pt) lie inside one row`).toBeDefined();
    }
  }
}

const A4_LANDSCAPE = { width: 842, height: 595 };
const A4_PORTRAIT = { width: 595, height: 842 };

describe('X-7 platform/xlsx: a table written as an office prints it', () => {
  it('X-7 widths count a CJK character as two units; wrapped lines and row heights follow from them', () => {
    expect(textWidth('09:00')).toBe(5);
    expect(textWidth('全市教育工作会议')).toBe(16);
    expect(textWidth('（市政府第一会议室）')).toBe(20);
    // 21 usable units in a 22-wide column: 10 CJK characters a line
    expect(wrappedLines('一二三四五六七八九十', 22)).toBe(1);
    expect(wrappedLines('一二三四五六七八九十一', 22)).toBe(2);
    expect(wrappedLines('一二三四五六七八九十一二三四五六七八九十一', 22)).toBe(3);
    // explicit lines count, a Latin word is not split unless longer than the line
    expect(wrappedLines('甲\n乙\n丙', 22)).toBe(3);
    expect(wrappedLines('09:00—11:30 全市教育工作会议', 22)).toBe(2);
    expect(wrappedLines('abcdefghij abcdefghij', 22)).toBe(1);
    expect(wrappedLines('abcdefghij abcdefghijk', 22)).toBe(2);
    expect(wrappedLines('x'.repeat(50), 22)).toBe(3);
    // a bigger font takes more room
    expect(wrappedLines('一二三四五六七八九十', 22, 18)).toBe(2);
    expect(rowHeight(1)).toBeGreaterThanOrEqual(15.75);
    expect(rowHeight(3)).toBeGreaterThan(3 * rowHeight(1) - 10);
    expect(rowHeight(1000)).toBe(409);
  });

  it('X-7 dates are real date cells showing the Asia/Shanghai wall clock whatever the server time zone', async () => {
    const saved = process.env.TZ;
    const build = async () =>
      tablesXlsx([
        {
          sheetName: '时区',
          title: '时区测试',
          subtitle: { right: { label: '制表日期：', date: '2026-12-31T17:00:00Z' } },
          columns: [
            { key: 'day', header: '日期', width: 16, kind: 'date' },
            { key: 'at', header: '时间', width: 20, kind: 'datetime' },
            { key: 'n', header: '份数', width: 6, kind: 'number' },
          ],
          rows: [
            { day: '2026-12-07', at: '2026-12-07T01:30:00Z', n: 3 },
            // 23:30 UTC on 6 December is 07:30 on the 7th in Beijing
            { day: '2026-12-06T23:30:00Z', at: new Date('2026-12-06T23:30:00Z'), n: 1 },
          ],
          orientation: 'portrait',
        },
      ]);
    const read = async (buf: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buf as unknown as ArrayBuffer);
      return wb.getWorksheet('时区')!;
    };
    try {
      const sheets = [];
      for (const tz of ['UTC', 'Asia/Shanghai', 'America/New_York']) {
        process.env.TZ = tz;
        sheets.push(await read(await build()));
      }
      for (const ws of sheets) {
        // title, subtitle, header, then the rows
        expect(ws.getCell('C2').value).toEqual(new Date('2027-01-01T00:00:00Z'));
        expect(ws.getCell('C2').numFmt).toBe(`"制表日期："${CHINESE_DATE}`);
        expect(ws.getCell('A4').value).toEqual(new Date('2026-12-07T00:00:00Z'));
        expect(ws.getCell('A4').numFmt).toBe(CHINESE_DATE);
        expect(ws.getCell('B4').value).toEqual(new Date('2026-12-07T09:30:00Z'));
        expect(ws.getCell('B4').numFmt).toBe(CHINESE_DATETIME);
        expect(ws.getCell('A5').value).toEqual(new Date('2026-12-07T00:00:00Z'));
        expect(ws.getCell('B5').value).toEqual(new Date('2026-12-07T07:30:00Z'));
        expect(ws.getCell('C4').value).toBe(3);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(shanghaiWallClock('2026-06-30T16:00:00Z').toISOString()).toBe('2026-07-01T00:00:00.000Z');
    expect(dateCell('2026-02-28T16:00:00Z', 'date').toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });

  // A 收文登记簿 of 90 documents, some with long titles: several portrait pages.
  const register: XlsxTable = {
    sheetName: '收文登记簿',
    title: '收文登记簿（2026年12月）',
    subtitle: { left: '制表单位：市政府办公室', right: { label: '制表日期：', date: '2026-12-31T02:00:00Z' } },
    columns: [
      { key: 'n', header: '序号', width: 6, kind: 'number' },
      { key: 'received', header: '收文时间', width: 20, kind: 'datetime' },
      { key: 'from', header: '来文单位', width: 16 },
      { key: 'ref', header: '文号', width: 16 },
      { key: 'title', header: '标题', width: 40 },
      { key: 'due', header: '办理时限', width: 16, kind: 'date' },
    ],
    rows: Array.from({ length: 90 }, (_, i) => ({
      n: i + 1,
      received: new Date(Date.parse('2026-12-01T01:30:00Z') + i * 7 * 3600_000).toISOString(),
      from: i % 3 === 0 ? '省人民政府办公厅' : '市发展和改革委员会',
      ref: `市发改〔2026〕${100 + i}号`,
      title:
        i % 7 === 0
          ? `关于印发《全市推进新型工业化暨制造业高质量发展三年行动方案（2026—2028年）》第${i + 1}号配套实施细则并请各县区结合实际抓好贯彻落实的通知`
          : `关于做好第${i + 1}批重点项目前期工作的通知`,
      due: `2026-12-${String(10 + (i % 20)).padStart(2, '0')}`,
    })),
    orientation: 'portrait',
  };

  it('X-7 a table fitted to one page goes one page wide over more pages when one page would make it too small to read', async () => {
    const setup = async (rows: number) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await tablesXlsx([{ ...register, rows: register.rows.slice(0, rows), fit: 'page' }])) as unknown as ArrayBuffer);
      return wb.getWorksheet('收文登记簿')!.pageSetup;
    };
    expect(await setup(10)).toMatchObject({ fitToWidth: 1, fitToHeight: 1 });
    expect(await setup(90)).toMatchObject({ fitToWidth: 1, fitToHeight: 0 });
  });

  rendering(
    `X-7 a long register prints on several A4 pages: the title once per page before the repeated header, 第 n 页 共 N 页, nothing cut${skipped}`,
    async () => {
      const xlsx = await tablesXlsx([register]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('收文登记簿')!;
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
      expect(ws.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页');

      const pdf = await render(xlsx, 'register');
      expect(pdf.pages).toBeGreaterThanOrEqual(3);
      const header = '序号收文时间来文单位文号标题办理时限';
      pdf.layout.forEach((page, i) => {
        const p = squash(page);
        expect(pdf.sizes[i]).toEqual(A4_PORTRAIT);
        expect(count(p, squash(register.title)), `page ${i + 1}: the title once`).toBe(1);
        expect(p, `page ${i + 1}: the header row`).toContain(header);
        expect(p.indexOf(squash(register.title)), `page ${i + 1}: the title above the header`).toBeLessThan(p.indexOf(header));
        // the header row heads every page's table: the page's first document comes after it
        expect(p.indexOf(header), `page ${i + 1}: the header above the documents`).toBeLessThan(p.indexOf('市发改〔2026〕'));
        expect(p).toContain(`第${i + 1}页共${pdf.pages}页`);
      });
      // nothing cut: every document on some page, each cell inside its row (the long titles wrap)
      const rows = register.rows.map((r, i) => ({ anchor: String(r.ref), height: ws.getRow(4 + i).height, texts: [String(r.title), String(r.from)] }));
      const seen = new Set<string>();
      pdf.runs.forEach((runs, i) => {
        const { bands } = rowBands(
          runs,
          i === 0 ? [{ anchor: '制表单位：市政府办公室', height: ws.getRow(2).height }, { anchor: header, height: ws.getRow(3).height }, ...rows] : rows,
        );
        for (const b of bands) seen.add(b.anchor);
        expectInsideRows(
          runs,
          bands,
          rows.filter((r) => bands.some((b) => b.anchor === r.anchor)).flatMap((r) => r.texts),
        );
      });
      expect(rows.filter((r) => !seen.has(r.anchor)).map((r) => r.anchor)).toEqual([]);
      const all = squash(
        pdf.runs
          .flat()
          .map((r) => r.s)
          .join(''),
      );
      expect(all, 'times in Beijing time').toContain('2026年12月1日09:30');
      expect(all).toContain('制表日期：2026年12月31日');
      const long = String(register.rows[7].title);
      const at = pdf.runs.flatMap((runs) => drawn(runs, long));
      expect(at).toHaveLength(1);
      expect(linesOf(at[0]), 'the long title wraps').toBeGreaterThanOrEqual(2);
    },
    RENDER_TIMEOUT,
  );
});

describe('[sqlite] ACT-8 the 领导周活动安排表 XLSX as printed', () => {
  // Rendering does not depend on the database: SQLite only, to render once.
  let t: TestApp;
  let liaison: Agent, office: Agent, leader: Agent;
  let leaders: { id: string; name: string }[];
  const START = '2026-11-30';
  const LONG_TITLE = '全市推进新型工业化暨制造业高质量发展大会并实地调研重点企业智能化改造项目';
  const LONG_PLACE = '市经济技术开发区管委会三楼报告厅';
  const filed: { title: string; leader: number }[] = [];

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    await seedDemoActivities(t.ctx);
    [liaison, office, leader] = await Promise.all(['liaison', 'office', 'leader'].map((u) => t.login(u)));
    leaders = (await office.get(`/api/v1/schedule/week?start=${START}`))
      .json()
      .rows.map((r: { leaderId: string; name: string }) => ({ id: r.leaderId, name: r.name }));
    const edu = (await t.ctx.db.selectFrom('departments').select('id').where('name', '=', '市教育局').executeTakeFirstOrThrow()).id;
    const staffId = (await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'staff').executeTakeFirstOrThrow()).id;
    // A busy week: several activities every working day, one on Saturday, one with a long title.
    const plan: [day: string, at: string, hours: number, leader: number, title: string, place: string][] = [
      ['2026-11-30', '09:00', 2, 2, '全市教育系统安全稳定工作会议', '市政府第一会议室'],
      ['2026-11-30', '15:00', 1.5, 2, '督导检查中小学食堂食品安全', '市第三中学'],
      ['2026-11-30', '10:00', 2, 5, '全市农业农村重点工作推进会', '市政府第二会议室'],
      ['2026-12-01', '09:00', 3, 3, LONG_TITLE, LONG_PLACE],
      ['2026-12-01', '14:30', 2, 6, '城市更新项目现场办公会', '老城区改造指挥部'],
      ['2026-12-01', '09:30', 1, 4, '调研社区警务室建设', '东城派出所'],
      ['2026-12-02', '09:00', 2, 0, '市政府第十二次常务会议', '市政府常务会议室'],
      ['2026-12-02', '15:00', 1, 7, '接待省档案馆调研组', '市档案馆'],
      ['2026-12-03', '10:00', 1.5, 5, '全市冬春农田水利建设动员会', '市水利局会议室'],
      ['2026-12-03', '14:30', 2, 8, '老干部情况通报会', '市老干部活动中心'],
      ['2026-12-03', '16:30', 1, 3, '听取重点项目投资进度汇报', '市发展改革委'],
      ['2026-12-04', '09:00', 2, 6, '全市生态环境保护督察整改推进会', '市政府第一会议室'],
      ['2026-12-04', '14:30', 1.5, 2, '高校毕业生就业工作座谈会', '市人力资源市场'],
      ['2026-12-04', '10:00', 1, 4, '全市冬季道路交通安全工作会议', '市公安局指挥中心'],
      ['2026-12-05', '09:30', 2, 3, '出席全市职工技能大赛开幕式', '市职业技术学院体育馆'],
    ];
    for (const [day, at, hours, who, title, place] of plan) {
      const startsAt = new Date(`${day}T${at}:00+08:00`);
      const body = {
        category: '会议',
        title,
        organiserName: '市教育局',
        organiserDepartmentId: edu,
        heldInName: 'other',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + hours * 3600_000).toISOString(),
        place,
        travelMinutes: 20,
        area: '教育',
        requestedLeaderIds: [leaders[who].id],
      };
      const a = await liaison.post('/api/v1/activities', body);
      expect(a.statusCode, a.body).toBe(200);
      const p = await office.post(`/api/v1/activities/${a.json().id}/proposal`, {
        version: a.json().version,
        leaderIds: [leaders[who].id],
        proposal: `拟请${leaders[who].name}同志出席。`,
        responsibleStaffId: staffId,
      });
      expect(p.statusCode, p.body).toBe(200);
      const ap = await leader.post(`/api/v1/activities/${a.json().id}/approval`, { version: p.json().version, decision: 'approve' });
      expect(ap.statusCode, ap.body).toBe(200);
      filed.push({ title, leader: who });
    }
  }, 120_000);
  afterAll(async () => t?.close());

  const download = async () => {
    const res = await office.get(`/api/v1/schedule/week.xlsx?start=${START}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    return res.rawPayload;
  };

  it('ACT-8, X-7 week.xlsx: A4 landscape fit to width, header rows repeated, days and 制表日期 as real date cells', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('领导周活动安排表')!;
    // a week like this one fits on one page legibly: fitted to the page, not only to its width
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 1, printTitlesRow: '3:4' });
    expect(ws.headerFooter).toMatchObject({ differentFirst: true, oddFooter: expect.stringContaining('第 &P 页 共 &N 页') });
    expect(ws.headerFooter.oddHeader).toContain('领导周活动安排表（2026年11月30日至2026年12月6日）');
    expect(ws.getCell('A1').value).toBe('领导周活动安排表（2026年11月30日至2026年12月6日）');
    expect(ws.getCell('A1').isMerged && ws.getCell('I1').isMerged).toBe(true);
    // the title row is tall enough for the 18-point title, every row has a height
    expect(ws.getRow(1).height).toBeGreaterThanOrEqual(27);
    // 制表日期: the test clock's day in Beijing (Friday 27 November 2026)
    const made = ws.getRow(2).getCell(6);
    expect(made.value).toEqual(new Date('2026-11-27T00:00:00Z'));
    expect(made.numFmt).toBe(`"制表日期："${CHINESE_DATE}`);
    // two header rows: the date (a date cell) over the weekday; 领导 and 职务 merged over both
    expect(ws.getCell('A3').value).toBe('领导');
    expect(ws.getCell('A4').isMerged).toBe(true);
    for (let i = 0; i < 7; i++) {
      const day = ws.getCell(3, 3 + i);
      expect(day.value).toEqual(new Date(Date.UTC(2026, 10, 30 + i)));
      expect(day.numFmt).toBe(CHINESE_DATE);
    }
    expect(ws.getCell(4, 3).value).toBe('星期一');
    expect(ws.getCell(4, 9).value).toBe('星期日');
    // nine leaders, in order, each row as tall as its longest cell needs
    const names = Array.from({ length: 9 }, (_, i) => ws.getCell(5 + i, 1).value);
    expect(names).toEqual(leaders.map((l) => l.name));
    const longRow = ws.getRow(5 + 3);
    const longCell = String(longRow.getCell(4).value);
    expect(longCell).toContain(LONG_TITLE);
    expect(longRow.height).toBeGreaterThanOrEqual(rowHeight(wrappedLines(longCell, 22)));
    expect(wrappedLines(longCell, 22)).toBeGreaterThanOrEqual(4);
  });

  rendering(
    `ACT-8, X-7 week.xlsx prints nine leaders' busy week on one A4 landscape page: the title once before the header, 第 1 页 共 1 页, every entry in full${skipped}`,
    async () => {
      const week = (await office.get(`/api/v1/schedule/week?start=${START}`)).json();
      const xlsx = await download();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('领导周活动安排表')!;
      const pdf = await render(xlsx, 'week');
      expect(pdf.pages).toBe(1);
      expect(pdf.sizes[0]).toEqual(A4_LANDSCAPE);
      const seen = squash(pdf.layout[0]);
      expect(count(seen, squash(week.title)), 'the title once').toBe(1);
      // the header: the seven dates over the weekdays, 领导 and 职务 beside them (merged over both rows)
      const dates = '2026年11月30日2026年12月1日2026年12月2日2026年12月3日2026年12月4日2026年12月5日2026年12月6日';
      expect(seen).toContain(dates);
      expect(seen).toContain('星期一星期二星期三星期四星期五星期六星期日');
      expect(seen).toContain('领导职务');
      expect(seen.indexOf(squash(week.title)), 'the title above the header').toBeLessThan(seen.indexOf(dates));
      expect(seen.indexOf(dates), 'the header above the first leader').toBeLessThan(seen.indexOf(leaders[0].name));
      expect(seen).toContain('第1页共1页');
      expect(seen).toContain('制表日期：2026年11月27日');
      // every leader in order, every entry in full and inside its row — the long one over several lines
      const names = leaders.map((l) => l.name);
      expect(names.map((n) => seen.indexOf(n))).toEqual(names.map((n) => seen.indexOf(n)).sort((x, y) => x - y));
      const rows = [
        { anchor: week.title, height: ws.getRow(1).height },
        { anchor: String(ws.getCell('A2').value), height: ws.getRow(2).height },
        { anchor: '(the dates)', height: ws.getRow(3).height },
        { anchor: '星期一', height: ws.getRow(4).height },
        ...names.map((n, i) => ({ anchor: n, height: ws.getRow(5 + i).height })),
      ];
      const { bands } = rowBands(pdf.runs[0], rows);
      expect(bands.map((b) => b.anchor)).toEqual([week.title, String(ws.getCell('A2').value), '星期一', ...names]);
      const cells = names.flatMap((_, i) => Array.from({ length: 8 }, (_, c) => String(ws.getCell(5 + i, 2 + c).value ?? '')).filter(Boolean));
      const entries = week.rows.flatMap((r: { cells: { entries: unknown[] }[] }) => r.cells.flatMap((c) => c.entries));
      expect(entries.length).toBeGreaterThanOrEqual(filed.length);
      expect(
        cells
          .join('\n')
          .split('\n')
          .filter((l) => /\d\d:\d\d—|^(请假|出差|公务外出)/.test(l)).length,
      ).toBe(entries.length);
      expectInsideRows(pdf.runs[0], bands, [week.title, ...cells]);
      const long = `09:00—12:00 ${LONG_TITLE}（${LONG_PLACE}）`;
      const at = drawn(pdf.runs[0], long);
      expect(at).toHaveLength(1);
      expect(linesOf(at[0]), 'the long entry wraps over several lines, all of them printed').toBeGreaterThanOrEqual(4);
    },
    RENDER_TIMEOUT,
  );
});
