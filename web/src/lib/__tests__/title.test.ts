/** The tab title of a page and when a page heading takes the focus (issue #9, accessibility). */
import { describe, expect, it } from 'vitest';
import { documentTitle, headingTakesFocus, type RouteSeen } from '../title';

describe('documentTitle', () => {
  it('is "<page> — 协调", or 协调 alone without a page name', () => {
    expect(documentTitle('发文')).toBe('发文 — 协调');
    expect(documentTitle(' 工作台 ')).toBe('工作台 — 协调');
    expect(documentTitle('')).toBe('协调');
    expect(documentTitle(undefined)).toBe('协调');
  });
});

describe('headingTakesFocus', () => {
  const at = (key: string, pathname: string): RouteSeen => ({ key, pathname });

  it('after a navigation to another page, forward or back', () => {
    expect(headingTakesFocus(at('default', '/'), at('k1', '/matters'), 'PUSH')).toBe(true);
    expect(headingTakesFocus(at('k1', '/matters'), at('k2', '/matters/1'), 'PUSH')).toBe(true);
    expect(headingTakesFocus(at('k2', '/matters/1'), at('k1', '/matters'), 'POP')).toBe(true);
    // the first heading shown after the login page (which has no PageHeader)
    expect(headingTakesFocus(undefined, at('k1', '/'), 'PUSH')).toBe(true);
  });

  it('not on the first page of a visit, so that the skip link stays the first Tab stop', () => {
    expect(headingTakesFocus(undefined, at('default', '/matters'), 'POP')).toBe(false);
  });

  it('not when only the query changes, on a REPLACE (tabs, filters, redirects) or when a heading remounts', () => {
    expect(headingTakesFocus(at('k1', '/matters'), at('k2', '/matters'), 'PUSH')).toBe(false);
    expect(headingTakesFocus(at('k1', '/admin/audit'), at('k2', '/admin/calendar'), 'REPLACE')).toBe(false);
    expect(headingTakesFocus(at('k1', '/matters/1'), at('k1', '/matters/1'), 'PUSH')).toBe(false);
  });
});
