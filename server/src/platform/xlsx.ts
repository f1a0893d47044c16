/**
 * XLSX tables as an office prints them (X-7). Every export — the 领导周活动安排表, the 收文登记簿,
 * attendance sheets, supervision lists — describes its columns and rows and gets the same sheet:
 *
 * - a merged title row (小标宋, its row tall enough for the title, wrapped if it is long) and an
 *   optional subtitle row (e.g. 制表单位 on the left, 制表日期 on the right);
 * - one or more bold header rows, repeated on every printed page (print titles) and frozen on screen;
 * - real date cells: JS Dates with a Chinese number format (`yyyy"年"m"月"d"日"`), showing the
 *   Asia/Shanghai wall clock whatever the server's time zone (exceljs writes a Date as the serial of
 *   its UTC fields, so the serial is built from the Shanghai wall clock);
 * - wrapped text with every row's height computed from the wrapped line count of its cells (a CJK
 *   character is two width units, as in Excel), so LibreOffice, WPS and Excel print nothing cut;
 * - thin borders, column widths, A4 (paper size 9) in the export's orientation, fit to the page width;
 * - a footer 第 &P 页 共 &N 页 on every page and the title in the header of every page after the first
 *   (the first has the title row), so each printed page names the table once.
 *
 * Excel's limits are kept, so that it never reports the file as damaged: a cell holds at most
 * 32,767 characters (longer text is cut, ending in …（已截断）), a page header at most 255 (a long
 * title is shortened there with …), a number cell only a finite number (anything else in a number
 * column is written as text, or left empty), a sheet name 1–31 characters without []:*?/\ (and not
 * starting or ending with '), unique in the workbook (else 表1, 表2, …).
 */
import ExcelJS from 'exceljs';

/** 2026年12月7日 */
export const CHINESE_DATE = 'yyyy"年"m"月"d"日"';
/** 2026年12月7日 09:30 */
export const CHINESE_DATETIME = 'yyyy"年"m"月"d"日" hh:mm';

export type XlsxKind = 'text' | 'date' | 'datetime' | 'number';
/** A cell's value: text, a number, or for date columns a Date / ISO instant / `YYYY-MM-DD` day. */
export type XlsxValue = string | number | Date | null | undefined;
/** A header cell: text, or a day shown as a real date cell. */
export type XlsxHeader = string | { date: string | Date };

export interface XlsxColumn<K extends string = string> {
  key: K;
  /** one entry per header row; a column with fewer entries has its last one merged down */
  header: XlsxHeader | readonly XlsxHeader[];
  /** in Excel character units (the width of a digit; a CJK character is two) */
  width: number;
  /** text (default), date (a day), datetime (a day and time, both in Asia/Shanghai), number */
  kind?: XlsxKind;
  /** wrap long text onto more lines (default: true for text, false otherwise) */
  wrap?: boolean;
  /** horizontal alignment (default: left for text, centre otherwise) */
  align?: 'left' | 'center' | 'right';
  /** number format for date, datetime and number columns (defaults: CHINESE_DATE, CHINESE_DATETIME, General) */
  numFmt?: string;
}

/** The most characters Excel keeps in a cell. */
export const MAX_CELL_CHARS = 32_767;
/** The most characters of a page header or footer, its codes (&C, &10) included. */
export const MAX_HEADER_FOOTER_CHARS = 255;
/** What ends a text cut to fit a cell. */
export const TRUNCATED = '…（已截断）';

/** A subtitle part: text, or a labelled date cell (e.g. 制表日期：2026年12月4日). */
export type XlsxSubtitlePart = string | { label: string; date: string | Date; kind?: 'date' | 'datetime' };

export interface XlsxTable<K extends string = string> {
  /** the worksheet's name (≤ 31 characters, none of []:*?/\) */
  sheetName: string;
  title: string;
  subtitle?: { left?: XlsxSubtitlePart; right?: XlsxSubtitlePart };
  columns: readonly XlsxColumn<K>[];
  rows: readonly Partial<Record<K, XlsxValue>>[];
  orientation: 'portrait' | 'landscape';
  /**
   * 'width' (default): one page wide, as many pages long as needed. 'page': the whole table on one
   * page (a 周安排表 is one sheet) as long as that keeps it at least MIN_PAGE_SCALE of its size; a
   * longer one is printed one page wide instead, its header rows repeated on every page.
   */
  fit?: 'width' | 'page';
  /** body font size in points (default 10.5, 五号) */
  fontSize?: number;
}

const TITLE_FONT = { name: '方正小标宋简体', size: 18 } as const;
const BODY_FONT = '宋体';
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** points per line as a multiple of the font size: covers the tall line box of CJK fonts (Noto Sans CJK ≈ 1.45) */
const LINE = 1.5;
/** the tallest row Excel allows */
const MAX_ROW_HEIGHT = 409;
/** page margins (inches): A4 less these is what the table is fitted to */
const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
const A4 = { portrait: { width: 595.3, height: 841.9 }, landscape: { width: 841.9, height: 595.3 } };
/** below this a table fitted to one page is too small to read; it goes one page wide over more pages */
export const MIN_PAGE_SCALE = 0.6;

// ---------------------------------------------------------------------------------------------
// Dates

const SHANGHAI = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/**
 * The Date whose UTC fields are the Asia/Shanghai wall clock of an instant — what exceljs must be
 * given so that the cell shows Beijing time (it writes a Date's UTC fields as the serial). Uses the
 * time-zone database, never the process's TZ.
 */
export function shanghaiWallClock(instant: Date | string): Date {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(d.getTime())) throw new Error(`not a date: ${String(instant)}`);
  const p = Object.fromEntries(SHANGHAI.formatToParts(d).map((x) => [x.type, x.value]));
  return new Date(Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second), d.getUTCMilliseconds()));
}

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The cell value of a date (kind 'date': the Shanghai day; 'datetime': the Shanghai wall clock). */
export function dateCell(v: Date | string, kind: 'date' | 'datetime'): Date {
  if (typeof v === 'string' && DAY_ONLY.test(v)) return new Date(`${v}T00:00:00Z`);
  const wall = shanghaiWallClock(v);
  return kind === 'date' ? new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate())) : wall;
}

// ---------------------------------------------------------------------------------------------
// Widths and heights

/** Width units of one character: 1 for ASCII and Latin-1, 2 for CJK and everything wide (conservatively, all from U+1100 up). */
export const charWidth = (ch: string) => ((ch.codePointAt(0) ?? 0) < 0x1100 ? 1 : 2);
export const textWidth = (s: string) => {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
};

/**
 * How many lines a text takes in a column `width` units wide at `fontSize` points, wrapping as
 * Excel and LibreOffice do: between CJK characters anywhere, Latin words whole (split only when
 * longer than a line), explicit newlines kept.
 */
export function wrappedLines(text: string, width: number, fontSize = 10.5): number {
  // A digit of the sheet's default font (Calibri 11) is 7 px = 5.25 pt, a CJK character of
  // `fontSize` points is fontSize / 5.25 units; about one unit goes to the cell's padding.
  const scale = fontSize / 10.5;
  const usable = Math.max(1, width - 1);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines += 1;
    let used = 0;
    for (const token of paragraph.match(/[\x21-\x7e\u00a0-\u00ff]+|\s|./gu) ?? []) {
      const w = textWidth(token) * scale;
      if (/^\s$/.test(token)) {
        used = used === 0 ? 0 : used + w;
        continue;
      }
      if (used + w <= usable) {
        used += w;
        continue;
      }
      if (used > 0) lines += 1;
      // a word longer than the line is split across lines
      used = w;
      while (used > usable) {
        lines += 1;
        used -= usable;
      }
    }
  }
  return lines;
}

/** The row height (points) that shows `lines` lines of `fontSize` text. */
export const rowHeight = (lines: number, fontSize = 10.5) => Math.min(MAX_ROW_HEIGHT, Math.ceil((lines * fontSize * LINE + 4) * 4) / 4);

// ---------------------------------------------------------------------------------------------
// The sheet

const headerText = (h: XlsxHeader) => (typeof h === 'string' ? h : '0000年00月00日');
const escapeHeaderFooter = (s: string) => s.replaceAll('&', '&&');
const quoteFmt = (label: string) => `"${label.replaceAll('"', '')}"`;

/** The longest start of `s` (whole code points: a surrogate pair is never split) at most `max` UTF-16 units long. */
function cutTo(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end -= 1; // a high surrogate whose pair would be cut off
  return s.slice(0, end);
}

/** Text as a cell can hold it: at most MAX_CELL_CHARS, a longer one cut and ending in TRUNCATED. */
export function cellText(s: string): string {
  return s.length <= MAX_CELL_CHARS ? s : `${cutTo(s, MAX_CELL_CHARS - TRUNCATED.length)}${TRUNCATED}`;
}

/**
 * `prefix` followed by `text` (escaped for a header or footer), within MAX_HEADER_FOOTER_CHARS: a
 * longer text is shortened to end in …, never in the middle of an escaped `&&`.
 */
export function headerFooterText(prefix: string, text: string): string {
  const whole = `${prefix}${escapeHeaderFooter(text)}`;
  if (whole.length <= MAX_HEADER_FOOTER_CHARS) return whole;
  let out = prefix;
  for (const ch of text) {
    const piece = escapeHeaderFooter(ch);
    if (out.length + piece.length + 1 > MAX_HEADER_FOOTER_CHARS) break;
    out += piece;
  }
  return `${out}…`;
}

/**
 * A worksheet name Excel accepts: without []:*?/\, no ' at either end, trimmed, at most 31
 * characters, unique in the workbook (case-insensitively, as Excel compares); otherwise 表1, 表2, …
 */
export function sheetNameFor(wb: ExcelJS.Workbook, wanted: string): string {
  const taken = new Set(wb.worksheets.map((w) => w.name.toLowerCase()));
  const clean = (s: string) =>
    cutTo(s.replace(/[[\]:*?/\\]/g, '').trim(), 31)
      .replace(/^'+|'+$/g, '')
      .trim();
  const name = clean(wanted);
  if (name && name !== 'History' && !taken.has(name.toLowerCase())) return name;
  if (name && name !== 'History') {
    for (let i = 2; ; i++) {
      const suffix = `（${i}）`;
      const candidate = clean(`${cutTo(name, 31 - suffix.length)}${suffix}`);
      if (!taken.has(candidate.toLowerCase())) return candidate;
    }
  }
  for (let i = 1; ; i++) if (!taken.has(`表${i}`)) return `表${i}`;
}

/** A number column's value: a finite number as a number, other text as text (never NaN, which Excel reads as a damaged file), else empty. */
function numberCellValue(v: string | number | Date): number | string | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return v.toISOString();
  const t = v.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : cellText(v);
}

/** Adds the table as a worksheet laid out for printing; returns it for export-specific touches. */
export function addTableSheet<K extends string>(wb: ExcelJS.Workbook, table: XlsxTable<K>): ExcelJS.Worksheet {
  const { columns } = table;
  if (columns.length === 0) throw new Error('an XLSX table needs at least one column');
  if (new Set(columns.map((c) => c.key)).size !== columns.length) throw new Error('XLSX column keys must be unique');
  const size = table.fontSize ?? 10.5;
  const n = columns.length;
  const totalWidth = columns.reduce((s, c) => s + c.width, 0);
  const ws = wb.addWorksheet(sheetNameFor(wb, table.sheetName));
  // exceljs leaves out a column 9 wide (its default), which Excel then shows 8.43 wide
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width === 9 ? 9.01 : c.width }));
  const body = { name: BODY_FONT, size };

  // 1. the title, merged across the table, wrapped when longer than the table is wide
  if (n > 1) ws.mergeCells(1, 1, 1, n);
  const title = ws.getCell(1, 1);
  title.value = cellText(table.title);
  title.font = TITLE_FONT;
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = rowHeight(wrappedLines(table.title, totalWidth, TITLE_FONT.size), TITLE_FONT.size) + 6;

  // 2. the subtitle: left part over the first half of the columns, right part over the rest
  let r = 2;
  if (table.subtitle?.left !== undefined || table.subtitle?.right !== undefined) {
    // one column: the left part only (or the right one when there is no left)
    const split = Math.ceil(n / 2);
    const parts: [XlsxSubtitlePart | undefined, number, number, 'left' | 'right'][] =
      n === 1
        ? [[table.subtitle.left ?? table.subtitle.right, 1, 1, 'left']]
        : [
            [table.subtitle.left, 1, split, 'left'],
            [table.subtitle.right, split + 1, n, 'right'],
          ];
    let lines = 1;
    for (const [part, from, to, horizontal] of parts) {
      if (part === undefined) continue;
      if (to > from) ws.mergeCells(r, from, r, to);
      const cell = ws.getCell(r, from);
      if (typeof part === 'string') {
        cell.value = cellText(part);
        const width = columns.slice(from - 1, to).reduce((s, c) => s + c.width, 0);
        lines = Math.max(lines, wrappedLines(part, width, size));
      } else {
        const kind = part.kind ?? 'date';
        cell.value = dateCell(part.date, kind);
        cell.numFmt = `${quoteFmt(part.label)}${kind === 'date' ? CHINESE_DATE : CHINESE_DATETIME}`;
      }
      cell.font = body;
      cell.alignment = { horizontal, vertical: 'middle', wrapText: true };
    }
    ws.getRow(r).height = rowHeight(lines, size);
    r += 1;
  }

  // 3. the header rows; a column with fewer header entries has its last one merged down
  const headers = columns.map((c) => (Array.isArray(c.header) ? (c.header as readonly XlsxHeader[]) : [c.header as XlsxHeader]));
  const headerRows = Math.max(...headers.map((h) => h.length));
  const firstHeader = r;
  const headerLines = Array.from({ length: headerRows }, () => 1);
  columns.forEach((c, i) => {
    headers[i].forEach((h, j) => {
      const cell = ws.getCell(firstHeader + j, i + 1);
      if (typeof h === 'string') cell.value = cellText(h);
      else {
        cell.value = dateCell(h.date, 'date');
        cell.numFmt = CHINESE_DATE;
      }
      const last = j === headers[i].length - 1;
      const span = last ? headerRows - j : 1;
      if (span > 1) ws.mergeCells(firstHeader + j, i + 1, firstHeader + j + span - 1, i + 1);
      // a merged header spreads its lines over the rows it spans
      const lines = Math.ceil(wrappedLines(headerText(h), c.width, size) / span);
      for (let k = j; k < j + span; k++) headerLines[k] = Math.max(headerLines[k], lines);
    });
  });
  for (let j = 0; j < headerRows; j++) {
    const row = ws.getRow(firstHeader + j);
    row.height = rowHeight(headerLines[j], size);
    for (let i = 1; i <= n; i++) {
      const cell = row.getCell(i);
      cell.font = { ...body, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    }
  }
  const lastHeader = firstHeader + headerRows - 1;

  // 4. the body
  for (const data of table.rows) {
    const row = ws.addRow([]);
    let lines = 1;
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const kind = c.kind ?? 'text';
      const v = data[c.key];
      const wrap = c.wrap ?? kind === 'text';
      if (v !== null && v !== undefined && v !== '') {
        if (kind === 'date' || kind === 'datetime') {
          if (typeof v === 'number') throw new Error(`column ${c.key}: a date must be a Date or an ISO string`);
          cell.value = dateCell(v, kind);
          cell.numFmt = c.numFmt ?? (kind === 'date' ? CHINESE_DATE : CHINESE_DATETIME);
        } else if (kind === 'number') {
          cell.value = numberCellValue(v);
          if (c.numFmt && typeof cell.value === 'number') cell.numFmt = c.numFmt;
        } else cell.value = cellText(v instanceof Date ? v.toISOString() : String(v));
        if (wrap && kind === 'text') lines = Math.max(lines, wrappedLines(String(cell.value), c.width, size));
        else if (kind === 'text') lines = Math.max(lines, String(cell.value).split('\n').length);
      }
      cell.font = body;
      cell.alignment = { horizontal: c.align ?? (kind === 'text' ? 'left' : 'center'), vertical: 'middle', wrapText: wrap };
      cell.border = BORDER;
    });
    row.height = rowHeight(lines, size);
  }

  // 5. printing: A4, fit to the width (or the page), header rows on every page, page numbers, the title on every page
  ws.pageSetup = {
    paperSize: 9,
    orientation: table.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: table.fit === 'page' && onePageScale(ws, totalWidth, n, table.orientation) >= MIN_PAGE_SCALE ? 1 : 0,
    horizontalCentered: true,
    margins: MARGINS,
    printTitlesRow: `${firstHeader}:${lastHeader}`,
  };
  const footer = '&C&10第 &P 页 共 &N 页';
  ws.headerFooter = {
    differentFirst: true,
    firstHeader: '',
    firstFooter: footer,
    oddHeader: headerFooterText('&C&10', table.title),
    oddFooter: footer,
  };
  ws.views = [{ state: 'frozen', ySplit: lastHeader, xSplit: 0 }];
  return ws;
}

/**
 * The scale Excel would print the sheet at to fit it on one page: its width is that of the columns
 * (a character unit is 7 px, plus 5 px of padding a column, at 96 px an inch), its height that of the rows.
 */
function onePageScale(ws: ExcelJS.Worksheet, totalWidth: number, columns: number, orientation: 'portrait' | 'landscape'): number {
  const width = ((totalWidth * 7 + columns * 5) * 72) / 96;
  let height = 0;
  ws.eachRow({ includeEmpty: true }, (row) => {
    height += row.height ?? 15;
  });
  const page = A4[orientation];
  return Math.min(1, (page.width - (MARGINS.left + MARGINS.right) * 72) / width, (page.height - (MARGINS.top + MARGINS.bottom) * 72) / height);
}

/** One workbook of the given tables, one sheet each, as the bytes of an .xlsx file. */
export async function tablesXlsx(tables: readonly XlsxTable[], opts: { creator?: string; now?: Date } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = opts.creator ?? '协调';
  if (opts.now) wb.created = wb.modified = opts.now;
  for (const t of tables) addTableSheet(wb, t);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
