/**
 * The section “Reading a whole document” of docs/rules.md (rendered by docs.ts): how the reader
 * (reader.ts) finds each element, what it puts in the document, and which fields it looks for —
 * the decisions on `unread` that check-contract.md leaves to the project.
 */
import { READ_FIELDS, READ_FIELD_LABELS, type ReadField } from './reader';

/** When each field is looked for (and so listed in `unread` when not found). */
export const UNREAD_RULES: Readonly<Record<ReadField, string>> = {
  type: 'Always. A title that does not end with a 文种 (申请, 汇报…) leaves it unread: F-20 names the problem once the 文种 is given.',
  issuers: 'Always; also unread when a name of the source used (版头, 署名) does not resolve to an organ.',
  title: 'Always (纪要 and 命令 formats: the 纪要标志 / “××令” stands as the title).',
  mainTo:
    'Always, except for 公告, 通告, 公报, 纪要, 命令（令）, 决议 and 决定, which are published or minuted without a 主送 (gongwen-rules.md §1.3 (8)); also unread when a name does not resolve.',
  copyTo: 'Optional: unread only when a 抄送 line is printed and one of its names does not resolve.',
  docNo:
    'When the document has a 版头: an issued document carries its number. A draft without a 版头 is before registration, where the contract makes it optional.',
  date: 'When the document has a 版头, a 署名 or a 版记 (it has been signed); a draft is before sign-off, where the contract makes it optional.',
  signatory:
    'For a 上行文 with a 版头 (条例 Art 9(6)). The direction is derived from the organ graph as the engine derives it (without a resolved 主送: 请示 and 报告). A 下行文, a 平行文, or a 报告/议案 to the 人大常委会 (监督, not 领导) rightly has none.',
  secrecyTerm: 'When a 密级 is printed (条例 Art 9(2)). An unclassified document rightly has neither 保密期限 nor 份号.',
  copyNo: 'When a 密级 is printed (条例 Art 9(1): 涉密公文应当标注份号).',
  matters: 'For a 请示 whose title has no 事由.',
  body: 'Always.',
  attachmentNote: 'When attachment pages (附件1 …) are in the text but no 附件说明 is.',
  attachments:
    'When an 附件说明 is printed but the attachments are not in the text: `document.attachments` is then [] and X-09 says that the document, as given, has none.',
  replyTo: 'For a 批复: the 请示 it answers, cited in its first sentences.',
};

export function renderReadingSection(): string[] {
  return [
    '## Reading a whole document',
    '',
    '`npx xietiao check --text FILE` (a `.txt` in UTF-8, a `.docx`, or `-` for standard input; `--organs FILE`; `--json`) and `POST /api/v1/checks/text` (`{"text": "…"}`, or a multipart upload of a `.docx` in the field `file`) read a 公文 given as plain text, then check what they read with the same engine. The output is the contract’s `{document, unread, findings}`. The organs are those of `--organs FILE` (the contract’s `organs` array, or a check input file; `shortName` and `docCode` are read when present), else every active organ of the organisation in the system with its 规范化简称 and 发文机关代字.',
    '',
    '### How the elements are found',
    '',
    'Line by line, by place and pattern, in the GB/T 9704-2012 order; never by colour or by drawn lines. Elements are kept as printed, so that the rules can say what is wrong with them.',
    '',
    '| element | found as | field |',
    '|---|---|---|',
    '| 份号 | a run of digits at the top of the 版头 | `copyNo` |',
    '| 密级和保密期限 | 绝密/机密/秘密, with “★” and the term (机密★1年) | `secrecy`, `secrecyTerm` (as printed: F-05 judges the “★”) |',
    '| 紧急程度 | 特急, 加急 | `urgency` |',
    '| 发文机关标志 | organ names and “文件”; organ names alone; stacked names with “文件” beside or below them (联合行文); “××纪要” (纪要格式); “××令” (命令格式) | `issuers`, `layout` |',
    '| 发文字号 | 代字〔年份〕序号号, any bracket; 令号 “第×号”; 纪要 “第×期” | `docNo` |',
    '| 签发人 | “签发人：” and names, beside the 发文字号 or on a line of their own | `signatory` |',
    '| separator | a line of ─, — or _ (═: the 信函 double line); optional — the 版头 ends at the first line that is none of its elements | — |',
    '| 标题 | the first line after the 版头 (or up to three wrapped lines) ending with a 文种; a “（……会议通过）” line below it belongs to it; 纪要 and 命令: the mark | `title`, `type`; a 请示’s 事由 → `matters` |',
    '| 主送机关 | the line(s) right below the title ending with “：”, made of organ names or 统称; or “主送：” in the 版记 | `mainTo` |',
    '| 正文 | from below the 主送 to the 附件说明 or the 署名; heading levels 一、（一）1.（1） are recognised | `body` |',
    '| 附件说明 | “附件：” and its numbered (or wrapped) lines, between the 正文 and the 署名 | `attachmentNote` |',
    '| 发文机关署名 | the short lines right above the 成文日期: organ names (several on one line for 联合行文), or 职务 and 姓名 (命令, 签名章) | `issuers` |',
    '| 成文日期 | the last line of the 主体 that is a date alone, in Arabic (2024年3月5日) or Chinese numerals (二〇二四年三月五日) | `date` |',
    '| 附注 | bracketed lines right below the 成文日期 | `note` |',
    '| 附件 | pages that start with a line “附件” or “附件N”, the next line being the title | `attachments` |',
    '| 批复’s 来文 | “你县《关于……的请示》（……号）收悉” in its first sentences | `replyTo` |',
    '| 版记 | from the end: “抄送：……。” (a 纪要’s “分送：” too), “印发机关 ××××年×月×日印发”, rule lines, （共印×份） | `copyTo`; the 印发 line is shown, the contract has no field for it |',
    '',
    '### What goes into the document',
    '',
    '- `body` is the 正文 followed by the 署名 and 成文日期 lines as printed: the engine compares the 署名 with the 发文机关 from the body’s closing block (X-11, X-12). The 附件说明, 附注, 附件 and 版记 are not in the body (the rules that look for a pasted 版记 in the body — F-04, F-15, X-07 — therefore do not see the 版记 of a read document; its 抄送 is in `copyTo`).',
    '- `issuers`: the organs of the 发文机关标志. When it shows only the 主办机关 and the 署名 names it with others (条例 Art 9(4) allows that for 联合行文), the others from the 署名 follow it, the 主办机关 first. Without a 版头, the 署名; without either, the 发文机关 named in the title; for a 纪要, the organ on the line under the 纪要标志; last, the organ whose registered 发文机关代字 begins the 发文字号.',
    '- `layout`: 纪要 and 命令 from the mark; 信函 when the double line follows the mark; 通用 when the mark ends with “文件”, or is organ names alone over a single separator; otherwise null (the engine takes the 文种’s usual layout). A separator drawn in Word as a border is not in the text: a mark without “文件” then gives no layout.',
    '- `matters` (请示): the 事由 of the title — the title names the one matter requested. `replyTo` (批复): the cited 请示, whose issuer is the 批复’s one 主送 (“你县”) or the organ named before the citation.',
    '- `signers` is empty (the 签发 record is on the 发文稿纸, not in the printed document) and `flags` keep their defaults (only a person can state them).',
    '- Organ names resolve to organs by full name, 规范化简称, the usual variants (政府/人民政府, 某县委 = 中共某县委员会, 某镇党委, 人大常委会), a name without its place read from the document’s own organ (市财政局 in a county’s document is its city’s 财政局, 县政府 in a county department’s is its own county’s), and 统称 (各县（市、区）人民政府: the governments the issuing government leads; 市政府各部门: its 部门; 各直属机构). A name that matches no organ, or more than one, or a 统称 with no fixed members (各有关单位), is not resolved: never guessed. The organs that resolved are kept and the field is unread.',
    '- Lines that fit no element are kept and shown as 未归入任何要素的文字, never dropped silently.',
    '',
    '### `unread`: which fields are looked for',
    '',
    'A field is in `unread` when the reader looked for it and did not find it. Fields that are optional for the document, and rightly absent, are not listed:',
    '',
    '| field | 字段 | looked for |',
    '|---|---|---|',
    ...READ_FIELDS.map((f) => `| \`${f}\` | ${READ_FIELD_LABELS[f]} | ${UNREAD_RULES[f].replace(/\|/g, '\\|')} |`),
    '',
    '`secrecy`, `urgency`, `layout` and `note` are never unread: not printed means not classified, not urgent, the usual layout, no 附注.',
    '',
    '### Results and exit status',
    '',
    '- `findings` are the engine’s on the document read. Without a `type` or `issuers` the engine cannot check: `findings` is `[]`; the command still prints what it read and exits 2; HTTP answers 200 with the same object, so that the 公文合规检查 page can fill its form and the user complete it.',
    '- The command exits 2, and HTTP answers 400 (415 for a file that is not a DOCX), when the file cannot be read at all: missing, not UTF-8, empty, a .doc or PDF, a damaged DOCX.',
    '- DOCX files are read with mammoth: paragraphs in document order, a line break inside a paragraph is a new line, a table is one line per row (cells joined by a tab).',
    '',
  ];
}
