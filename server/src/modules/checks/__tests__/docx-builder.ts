/**
 * DOCX files for the tests, made with the `docx` package the way a 公文 is typeset in Word: one
 * paragraph per line, the 版头 in red (方正小标宋, 2号), the separator a red bottom border (not a
 * line of characters), optional tables (a joint 版头 is often a table) and line breaks inside a
 * paragraph (Shift+Enter).
 */
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

export type Block =
  | { text: string; red?: boolean; center?: boolean }
  /** one paragraph, lines separated by line breaks */
  | { lines: string[] }
  | { table: string[][]; red?: boolean }
  /** the red separator line, drawn as a border */
  | { rule: true };

function runs(text: string, red?: boolean): TextRun[] {
  return [new TextRun({ text, color: red ? 'FF0000' : undefined, font: red ? '方正小标宋简体' : '仿宋_GB2312', size: red ? 44 : 32 })];
}

export async function buildDocx(blocks: readonly Block[]): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    if ('rule' in b) {
      children.push(new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'FF0000', space: 1 } }, children: [] }));
    } else if ('lines' in b) {
      children.push(new Paragraph({ children: b.lines.map((l, i) => new TextRun({ text: l, break: i > 0 ? 1 : 0 })) }));
    } else if ('table' in b) {
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: b.table.map(
            (row) => new TableRow({ children: row.map((cell) => new TableCell({ children: [new Paragraph({ children: runs(cell, b.red) })] })) }),
          ),
        }),
      );
    } else {
      children.push(new Paragraph({ alignment: b.center || b.red ? AlignmentType.CENTER : undefined, children: runs(b.text, b.red) }));
    }
  }
  const doc = new Document({ sections: [{ children }] });
  return Packer.toBuffer(doc);
}

/** A single-line rule of the corpus texts (─, —, _): drawn as a border in the DOCX. */
export const isRuleLine = (l: string) => /^[─—_]{3,}$/u.test(l);

/** A corpus text as DOCX blocks: each line a paragraph, the given lines in red, the single rules as borders. */
export function blocksOf(text: string, red: readonly string[] = []): Block[] {
  return text.split('\n').map((l): Block => (isRuleLine(l) ? { rule: true } : { text: l, red: red.includes(l) }));
}
