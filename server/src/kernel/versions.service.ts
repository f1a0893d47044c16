/**
 * Content versions over HTTP (K-4): read under need-to-know (a matter the actor may not see is
 * 404, as everywhere), saved by the matter's owner or the office. Areas save versions through
 * their own commands with the kernel API (`createContentVersions(…).save` in their transaction);
 * this service is the generic matter's path and the one the tests drive.
 */
import type { z } from 'zod';
import type { api } from '@xietiao/domain';
import type { AppContext } from '../platform/context';
import type { Actor } from '../platform/auth/actor';
import { requireWorkflowUser } from '../platform/auth/actor';
import type { Conn } from '../platform/db/database';
import { runTx } from '../platform/db/tx';
import { notFound } from '../platform/errors';
import type { AttachmentsService } from './attachments.service';
import { createMattersRepo } from './matters.repo';
import type { Kernel } from './kernel';
import { createContentVersions } from './versions';

export function createVersionsService(
  deps: Pick<AppContext, 'db' | 'clock'>,
  services: { kernel: Pick<Kernel, 'policy'>; attachments: Pick<AttachmentsService, 'listOf'> },
) {
  const { db } = deps;
  const versions = createContentVersions(deps);

  async function matterOr404(conn: Conn, actor: Actor, matterId: string) {
    const m = await createMattersRepo(conn).findVisible(actor, matterId);
    if (!m) throw notFound('事项');
    return m;
  }

  async function list(actor: Actor, matterId: string) {
    await matterOr404(db, actor, matterId);
    return versions.list(db, matterId);
  }

  async function get(actor: Actor, matterId: string, no: number, conn: Conn = db) {
    const m = await matterOr404(conn, actor, matterId);
    const v = await versions.get(conn, matterId, no);
    if (!v) throw notFound('内容版本');
    return { ...v, attachments: await services.attachments.listOf(conn, actor, m, { contentVersionId: v.id }) };
  }

  async function diff(actor: Actor, matterId: string, q: z.infer<typeof api.VersionDiffQuery>) {
    await matterOr404(db, actor, matterId);
    const to = q.to ?? (await versions.latestNo(db, matterId));
    if (to === 0) throw notFound('内容版本');
    const from = q.from ?? to - 1;
    const d = await versions.diff(db, matterId, from, to);
    if (!d) throw notFound('内容版本');
    return { matterId, ...d };
  }

  /** Save a new version: the matter's owner (承办人、登记人) or the office, while the matter is open. */
  async function save(actor: Actor, matterId: string, body: z.infer<typeof api.SaveVersionBody>) {
    requireWorkflowUser(actor);
    return runTx(db, async (tx) => {
      const m = await matterOr404(tx, actor, matterId);
      await services.kernel.policy.require(tx, actor, m, 'saveVersion');
      const { no } = await versions.save(tx, {
        matterId,
        by: actor.id,
        content: body.content,
        reason: body.reason,
        kind: body.kind,
        baseVersionNo: body.baseVersionNo,
      });
      return get(actor, matterId, no, tx);
    });
  }

  return { list, get: (actor: Actor, matterId: string, no: number) => get(actor, matterId, no), diff, save };
}
export type VersionsService = ReturnType<typeof createVersionsService>;
