import { describe, expect, it } from 'vitest';
import { safeNext } from '../LoginForm';

const ORIGIN = 'https://xietiao.example.gov.cn';

describe('X-4 the login page goes on only to a page of this app (no open redirect)', () => {
  it.each([
    ['/matters', '/matters'],
    ['/matters/0195?tab=tasks#history', '/matters/0195?tab=tasks#history'],
    ['/activities/calendar?view=week&date=2026-10-12', '/activities/calendar?view=week&date=2026-10-12'],
    ['/%E5%8F%91%E6%96%87', '/%E5%8F%91%E6%96%87'],
  ])('keeps %s', (next, expected) => {
    expect(safeNext(next, ORIGIN)).toBe(expected);
  });

  it.each([
    null,
    '',
    'matters',
    'https://evil.example/',
    '//evil.example',
    '/\\evil.example',
    '/\\/evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r//evil.example',
    '/\u0000/x',
    '/login',
    '/login?next=/matters',
    '/login/',
    'javascript:alert(1)',
  ])('refuses %j', (next) => {
    expect(safeNext(next as string | null, ORIGIN)).toBeNull();
  });

  it('an encoded slash stays a path of this origin', () => {
    const out = safeNext('/%2F%2Fevil.example', ORIGIN);
    expect(out).not.toBeNull();
    expect(new URL(out!, ORIGIN).origin).toBe(ORIGIN);
  });
});
