/**
 * A .docx as the paragraph text the 公文 reader takes (domain/src/checks/reader.ts): with mammoth,
 * the paragraphs in document order, one line each (a line break inside a paragraph is a new line),
 * and tables as rows of text (the cells of a row joined by a tab). Colours, fonts and drawn lines
 * are not read: the red 版头 and the separator line are recognised from the text order alone.
 */
import mammoth from 'mammoth';
import { checkText, type ReaderOrgan, type TextCheckResult } from '@xietiao/domain/checks/index';

/** Why a file could not be read: not a DOCX at all (415), or a DOCX that is damaged (400). */
export class DocxError extends Error {
  constructor(
    readonly kind: 'not-docx' | 'unreadable',
    message: string,
  ) {
    super(message);
  }
}

const startsWith = (buf: Uint8Array, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

/** What a file is, by its first bytes. */
export function sniffFile(buf: Uint8Array): 'zip' | 'doc' | 'pdf' | 'rtf' | 'other' {
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc';
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(buf, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf';
  return 'other';
}

const NOT_DOCX: Record<string, string> = {
  doc: '这是 Word 97-2003 格式（.doc）的文件，不能读取：请在 Word 或 WPS 中另存为 .docx 后再上传',
  pdf: '这是 PDF 文件，不能读取：请上传 .docx 文件，或复制全文后粘贴',
  rtf: '这是 RTF 文件，不能读取：请另存为 .docx 后再上传',
  other: '不是 DOCX 文件：只能读取 Word 2007 及以后版本的 .docx 文件',
};

type Element = { type: string; value?: string; children?: Element[] };

/** The text of inline content: runs, hyperlinks, tabs and line breaks. */
function inline(el: Element): string {
  switch (el.type) {
    case 'text':
      return el.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      return '\n';
    case 'run':
    case 'hyperlink':
      return (el.children ?? []).map(inline).join('');
    default:
      return '';
  }
}

/** The lines of a block: a paragraph (split at its line breaks) or a table (one line per row). */
function blockLines(el: Element): string[] {
  if (el.type === 'paragraph') return (el.children ?? []).map(inline).join('').split('\n');
  if (el.type === 'table') {
    return (el.children ?? []).flatMap((row) => {
      if (row.type !== 'tableRow') return blockLines(row);
      const cells = (row.children ?? []).map((cell) =>
        (cell.children ?? [])
          .flatMap(blockLines)
          .map((l) => l.trim())
          .filter(Boolean)
          .join(' '),
      );
      return [cells.filter(Boolean).join('\t')];
    });
  }
  return (el.children ?? []).flatMap(blockLines);
}

/** The paragraph text of a .docx (lines separated by “\n”). Throws a DocxError for a file that is not a readable DOCX. */
export async function docxToText(buffer: Buffer): Promise<string> {
  const kind = sniffFile(buffer);
  if (kind !== 'zip') throw new DocxError('not-docx', NOT_DOCX[kind] ?? NOT_DOCX.other);
  let lines: string[] | null = null;
  try {
    await mammoth.convertToHtml(
      { buffer },
      {
        transformDocument: (doc: Element) => {
          lines = (doc.children ?? []).flatMap(blockLines);
          return doc;
        },
      },
    );
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/main document part|word\/document\.xml/i.test(msg)) {
      throw new DocxError('not-docx', '这是一个压缩包，但不是 DOCX 文件：只能读取 Word 2007 及以后版本的 .docx 文件');
    }
    throw new DocxError('unreadable', '无法读取该 DOCX 文件：文件可能已损坏，请在 Word 或 WPS 中打开后重新保存');
  }
  return (lines ?? []).join('\n');
}

/** Read and check a .docx against the organs (check-contract.md, “Reading a whole document”). */
export async function checkDocx(buffer: Buffer, organs: readonly ReaderOrgan[]): Promise<TextCheckResult> {
  return checkText(await docxToText(buffer), organs);
}
