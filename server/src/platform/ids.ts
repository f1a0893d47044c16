import { randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';

/** Time-ordered ids made by the app (portable text primary keys). */
export function newId(): string {
  return uuidv7();
}

/** An unguessable token (sessions, CSRF, calendar feed URLs). */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
