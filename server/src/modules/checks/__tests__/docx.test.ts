/**
 * IN-2 reading a whole document from a DOCX: the corpus of reader-corpus.ts typeset in Word's way
 * (paragraph per line, 版头 in red, the separator a drawn border, a joint 版头 in a table) reads
 * back into exactly the same document as its text.
 */
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readDocument } from '@xietiao/domain/checks/index';
import { CORPUS, READER_ORGANS } from '@xietiao/domain/checks/__tests__/reader-corpus';
import { DocxError, checkDocx, docxToText, sniffFile } from '../docx';
import { blocksOf, buildDocx, type Block } from './docx-builder';

/** the expected document of a case read from a DOCX: a 版式 shown only by a drawn separator is not in the text */
function expectedFromDocx(c: (typeof CORPUS)[number]) {
  const drawn = c.layoutFromLine && !c.text.includes('═');
  return { ...c.document, layout: drawn ? null : c.document.layout };
}

/** A zip archive with the given stored (uncompressed) files. */
function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content);
    const fname = Buffer.from(name);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fname.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fname.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fname, data);
    centrals.push(central, fname);
    offset += 30 + fname.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

describe('IN-2 reading a DOCX', () => {
  it.each(CORPUS.map((c) => [c.name, c] as const))('IN-2 reads the DOCX of %s', async (_name, c) => {
    const buf = await buildDocx(blocksOf(c.text, c.red));
    expect(sniffFile(buf)).toBe('zip');
    const r = readDocument(await docxToText(buf), READER_ORGANS);
    expect(r.document).toEqual(expectedFromDocx(c));
    expect(r.unread).toEqual(c.unread);
  });

  it('IN-2 the text of a DOCX: paragraphs in order, a line break inside a paragraph is a new line, a table is one line per row', async () => {
    const buf = await buildDocx([
      { text: '某市人民政府文件', red: true },
      { lines: ['附件：1.经费测算表', '2.受灾情况统计'] },
      {
        table: [
          ['项目', '金额（万元）'],
          ['抢险物资', '300'],
        ],
      },
      { text: '某市人民政府' },
    ]);
    expect(await docxToText(buf)).toBe('某市人民政府文件\n附件：1.经费测算表\n2.受灾情况统计\n项目\t金额（万元）\n抢险物资\t300\n某市人民政府');
  });

  it('IN-2 a joint 版头 set in a table (names stacked, “文件” beside them) and an 附件说明 with line breaks read as the text does', async () => {
    const joint = CORPUS.find((c) => c.document.issuers.length === 2 && c.text.startsWith('某市教育局\n某市财政局\n文件'))!;
    const [, , , ...rest] = joint.text.split('\n');
    const blocks: Block[] = [
      {
        table: [
          ['某市教育局', '文件'],
          ['某市财政局', ''],
        ],
        red: true,
      },
      ...blocksOf(rest.join('\n')),
    ];
    const r = readDocument(await docxToText(await buildDocx(blocks)), READER_ORGANS);
    expect(r.document).toEqual(joint.document);
    expect(r.unread).toEqual([]);

    const request = CORPUS[1]!;
    const lines = request.text.split('\n');
    const at = lines.indexOf('附件：1.经费测算表');
    const withBreaks: Block[] = [
      ...blocksOf(lines.slice(0, at).join('\n'), request.red),
      { lines: lines.slice(at, at + 2) },
      ...blocksOf(lines.slice(at + 2).join('\n')),
    ];
    expect(readDocument(await docxToText(await buildDocx(withBreaks)), READER_ORGANS).document).toEqual(request.document);
  });

  it('IN-2 the reading does not depend on colour: the same DOCX all in black, or all in red, reads the same', async () => {
    for (const c of [CORPUS[0]!, CORPUS[1]!, CORPUS.find((x) => x.document.type === '纪要')!]) {
      const black = blocksOf(c.text).map((b) => ('text' in b ? { ...b, red: false } : b));
      const red = blocksOf(c.text).map((b) => ('text' in b ? { ...b, red: true } : b));
      for (const blocks of [black, red])
        expect(readDocument(await docxToText(await buildDocx(blocks)), READER_ORGANS).document, c.name).toEqual(expectedFromDocx(c));
    }
  });

  it('IN-2 checkDocx reads and checks: the same findings as the text', async () => {
    const c = CORPUS.find((x) => x.unread.includes('signatory'))!;
    const r = await checkDocx(await buildDocx(blocksOf(c.text, c.red)), READER_ORGANS);
    expect(r.checked).toBe(true);
    expect(r.output.findings).toContainEqual(expect.objectContaining({ rule: 'X-03', path: 'document.signatory' }));
  });

  it('IN-2 a file that is not a DOCX is refused with a Chinese message saying what it is; a damaged DOCX too', async () => {
    const refuse = async (buf: Buffer) => {
      try {
        await docxToText(buf);
      } catch (e) {
        expect(e).toBeInstanceOf(DocxError);
        return e as DocxError;
      }
      throw new Error('not refused');
    };
    const pdf = await refuse(Buffer.from('%PDF-1.7\n1 0 obj\n'));
    expect([pdf.kind, pdf.message]).toEqual(['not-docx', expect.stringContaining('PDF')]);
    const doc = await refuse(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    expect([doc.kind, doc.message]).toEqual(['not-docx', expect.stringContaining('.doc')]);
    const txt = await refuse(Buffer.from('某市人民政府文件\n', 'utf8'));
    expect([txt.kind, txt.message]).toEqual(['not-docx', expect.stringContaining('不是 DOCX 文件')]);
    const otherZip = await refuse(zip({ 'readme.txt': 'hello' }));
    expect([otherZip.kind, otherZip.message]).toEqual(['not-docx', expect.stringContaining('不是 DOCX 文件')]);
    const good = await buildDocx(blocksOf(CORPUS[0]!.text));
    const damaged = await refuse(good.subarray(0, Math.floor(good.length / 2)));
    expect([damaged.kind, damaged.message]).toEqual(['unreadable', expect.stringContaining('已损坏')]);
  });
});
