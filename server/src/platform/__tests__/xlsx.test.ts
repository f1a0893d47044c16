/**
 * Excel's limits in the XLSX tables (xlsx.ts): what Excel would report as a damaged file, or
 * refuse, is never written. Each sheet is read back with exceljs.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MAX_CELL_CHARS, MAX_HEADER_FOOTER_CHARS, TRUNCATED, tablesXlsx, type XlsxTable } from '../xlsx';

const table = (over: Partial<XlsxTable> = {}): XlsxTable => ({
  sheetName: '登记簿',
  title: '收文登记簿',
  columns: [
    { key: 'name', header: '名称', width: 20 },
    { key: 'n', header: '份数', width: 8, kind: 'number' },
  ],
  rows: [],
  orientation: 'portrait',
  ...over,
});

async function readBack(tables: XlsxTable[]): Promise<{ wb: ExcelJS.Workbook; xml: string[] }> {
  const bytes = await tablesXlsx(tables);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  // the sheets' XML as written (what Excel parses)
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(bytes);
  const xml = await Promise.all(
    Object.keys(zip.files)
      .filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))
      .sort()
      .map((f) => zip.file(f)!.async('string')),
  );
  return { wb, xml };
}

/** The first body row (after the title and the header row). */
const BODY = 3;

describe('xlsx: Excel limits', () => {
  it('a number column writes numbers as numbers, other text as text and nothing as empty — never NaN', async () => {
    const { wb, xml } = await readBack([
      table({
        rows: [{ n: 3 }, { n: '12' }, { n: '约 3 份' }, { n: Number.NaN }, { n: '   ' }, { n: Number.POSITIVE_INFINITY }],
        columns: [
          { key: 'name', header: '名称', width: 20 },
          { key: 'n', header: '份数', width: 8, kind: 'number', numFmt: '0.00' },
        ],
      }),
    ]);
    expect(xml[0]).not.toContain('NaN');
    expect(xml[0]).not.toContain('Infinity');
    const ws = wb.worksheets[0];
    const v = (r: number) => ws.getCell(BODY + r, 2).value;
    expect(v(0)).toBe(3);
    expect(ws.getCell(BODY, 2).numFmt).toBe('0.00');
    expect(v(1)).toBe(12);
    expect(v(2)).toBe('约 3 份');
    expect(v(3)).toBeNull();
    expect(v(4)).toBeNull();
    expect(v(5)).toBeNull();
  });

  it('a cell over 32,767 characters is cut to 32,767, ending visibly in …（已截断）', async () => {
    const long = '甲'.repeat(40_000);
    const exact = 'a'.repeat(MAX_CELL_CHARS);
    const emoji = `${'b'.repeat(MAX_CELL_CHARS - TRUNCATED.length - 1)}${'😀'.repeat(10)}`;
    const { wb } = await readBack([table({ rows: [{ name: long }, { name: exact }, { name: emoji }] })]);
    const ws = wb.worksheets[0];
    const a = String(ws.getCell(BODY, 1).value);
    expect(a.length).toBe(MAX_CELL_CHARS);
    expect(a.endsWith(TRUNCATED)).toBe(true);
    expect(a.startsWith('甲'.repeat(100))).toBe(true);
    expect(ws.getCell(BODY + 1, 1).value).toBe(exact); // at the limit: kept whole
    const b = String(ws.getCell(BODY + 2, 1).value);
    expect(b.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(b.endsWith(`b${TRUNCATED}`)).toBe(true); // the emoji's surrogate pair is not split
  });

  it('the page header keeps within 255 characters: a long title is shortened there with …', async () => {
    const title = `关于${'某某&事项'.repeat(80)}的报告`;
    const { wb } = await readBack([table({ title })]);
    const ws = wb.worksheets[0];
    const header = ws.headerFooter.oddHeader ?? '';
    expect(header.length).toBeLessThanOrEqual(MAX_HEADER_FOOTER_CHARS);
    expect(header.startsWith('&C&10关于某某&&事项')).toBe(true);
    expect(header.endsWith('…')).toBe(true);
    expect(header.replace(/&&/g, '')).not.toMatch(/&$|&…$/); // no escape cut in half
    expect(ws.getCell(1, 1).value).toBe(title); // the title row keeps it whole
    // a short title is left as it is
    const short = await readBack([table({ title: 'A&B 登记簿' })]);
    expect(short.wb.worksheets[0].headerFooter.oddHeader).toBe('&C&10A&&B 登记簿');
  });

  it('a sheet name of forbidden characters only falls back to 表1; names are cleaned, cut to 31 and kept unique', async () => {
    const { wb } = await readBack([
      table({ sheetName: '[]:*?/\\' }),
      table({ sheetName: "'周安排'" }),
      table({ sheetName: '周安排' }),
      table({ sheetName: '2026/12 领导周活动安排表（第一周至第五周合并打印）' }),
      table({ sheetName: '???' }),
    ]);
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe('表1');
    expect(names[1]).toBe('周安排');
    expect(names[2]).toBe('周安排（2）');
    expect(names[3]).toBe('202612 领导周活动安排表（第一周至第五周合并打印）'.slice(0, 31));
    expect(names[4]).toBe('表2');
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
  });
});
