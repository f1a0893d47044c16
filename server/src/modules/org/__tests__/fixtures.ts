/** Small lookups shared by the organisation API tests. */
import { expect } from 'vitest';
import type { Agent } from '../../../test/app';

export interface OrganJson {
  id: string;
  name: string;
  version: number;
  superiorIds: string[];
  parentId: string | null;
  isSelf: boolean;
  level: number;
}
export interface DepartmentJson {
  id: string;
  name: string;
  version: number;
  functions: string[];
  liaisons: { id: string; name: string }[];
  leaders: { id: string; name: string; post: string }[];
}
export interface PersonJson {
  id: string;
  username: string;
  name: string;
  version: number;
  roles: string[];
  active: boolean;
  departmentId: string | null;
  leader: null | {
    post: string;
    rank: string;
    rankOrder: number;
    precedence: number;
    line: 'first' | 'second';
    principal: boolean;
    secretaryId: string | null;
    charges: { area: string; departmentId: string | null; departmentName: string | null }[];
  };
}

export async function organs(a: Agent): Promise<OrganJson[]> {
  const res = await a.get('/api/v1/organs');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}
export async function organ(a: Agent, name: string): Promise<OrganJson> {
  const o = (await organs(a)).find((x) => x.name === name);
  if (!o) throw new Error(`no organ ${name}`);
  return o;
}
export async function department(a: Agent, name: string): Promise<DepartmentJson> {
  const res = await a.get('/api/v1/departments');
  expect(res.statusCode, res.body).toBe(200);
  const d = (res.json().items as DepartmentJson[]).find((x) => x.name === name);
  if (!d) throw new Error(`no department ${name}`);
  return d;
}
export async function person(a: Agent, username: string): Promise<PersonJson> {
  const res = await a.get(`/api/v1/people?q=${encodeURIComponent(username)}&includeInactive=1`);
  expect(res.statusCode, res.body).toBe(200);
  const p = (res.json().items as PersonJson[]).find((x) => x.username === username);
  if (!p) throw new Error(`no person ${username}`);
  return p;
}
/** The error shape, with a Chinese message. */
export function expectError(res: { statusCode: number; body: string; json(): any }, status: number, path?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const e = res.json().error;
  expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
  if (path !== undefined) expect(e.path).toBe(path);
  return e as { code: string; message: string; path?: string };
}
