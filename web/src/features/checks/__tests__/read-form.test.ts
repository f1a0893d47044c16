/** IN-2 a whole document read by the server fills the 公文合规检查 form, and the form gives back the same document. */
import { describe, expect, it } from 'vitest';
import { CORPUS } from '@xietiao/domain/checks/__tests__/reader-corpus';
import { EMPTY_VALUES, fromDocument, isBlank, toDocument } from '../form';

describe('IN-2 the read document in the form', () => {
  it('IN-2 every corpus document fills the form and comes back from it unchanged (the live check sees what was read)', () => {
    for (const c of CORPUS) {
      const back = toDocument(fromDocument(c.document));
      expect(back, c.name).toEqual({ ...c.document, type: c.document.type ?? undefined });
    }
  });

  it('IN-2 an unread field is blank in the form until something is filled in', () => {
    const c = CORPUS.find((x) => x.unread.includes('signatory'))!;
    const v = fromDocument(c.document);
    expect(isBlank(v, 'signatory')).toBe(true);
    expect(isBlank({ ...v, signatory: ['王某'] }, 'signatory')).toBe(false);
    expect(isBlank(EMPTY_VALUES, 'replyTo')).toBe(true);
    expect(isBlank({ ...EMPTY_VALUES, replyTo: { issuer: 'x' } }, 'replyTo')).toBe(false);
    expect(isBlank(fromDocument({ ...c.document, type: null }), 'type')).toBe(true);
  });
});
