/** every menu entry leads to a page that is built (no entry for an area still to come). */
import { describe, expect, it } from 'vitest';
import { navFor } from '../nav';
import type { Me } from '../../lib/types';

// the routes as written (Vite's ?raw import: the file's text)
import app from '../../App.tsx?raw';
const patterns = ['/', ...[...app.matchAll(/path: '([^'*]+)'/g)].map((m) => `/${m[1]}`)].map((r) => new RegExp(`^${r.replace(/:[a-z]+/gi, '[^/]+')}$`));
const routed = (p: string) => patterns.some((re) => re.test(p));

const me = (roles: string[]): Me =>
  ({
    id: 'u',
    username: 'u',
    name: '某人',
    title: null,
    organId: 'o',
    departmentId: null,
    departmentName: null,
    roles,
    isLeader: roles.includes('leader'),
    mustChangePassword: false,
    csrfToken: '',
    feedToken: '',
    mayRegister: [],
  }) as Me;

describe('X-1 the menu', () => {
  it.each([['office_director'], ['leader'], ['liaison'], ['sysadmin'], ['auditor']])('X-1 every entry %s sees is a built page, not a placeholder', (role) => {
    const entries = navFor(me([role])).flatMap((i) => i.children ?? [i]);
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(routed(e.path), `${e.label} → ${e.path}`).toBe(true);
    expect(app).not.toMatch(/UnderConstruction|正在开发/);
  });
});
