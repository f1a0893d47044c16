/**
 * Attachments of any matter (附件: the invitation of an activity, a draft's annexes…), stored in
 * the database with the matter so that backups and need-to-know cover them. Anyone who may see
 * the matter may read them; those who may see it and it is still open may add; the uploader or
 * the office may remove one while the matter is open. A file added to a content version (K-4,
 * `contentVersionNo`: the latest version only) is part of that immutable version: never removed.
 */
import { api } from '@xietiao/domain';
import type { z } from 'zod';
import type { AppContext } from '../platform/context';
import type { Actor } from '../platform/auth/actor';
import { isOffice, requireWorkflowUser } from '../platform/auth/actor';
import { appendAudit } from '../platform/audit';
import { badRequest, forbidden, notFound, invalidState, staleVersion } from '../platform/errors';
import { newId } from '../platform/ids';
import type { Conn } from '../platform/db/database';
import { createMattersRepo } from './matters.repo';
import { createAttachmentsRepo } from './attachments.repo';
import { createContentVersions } from './versions';
import type { Kernel } from './kernel';
import { runTx } from '../platform/db/tx';

export function createAttachmentsService(deps: Pick<AppContext, 'db' | 'clock'>, { kernel }: { kernel: Pick<Kernel, 'policy'> }) {
  const { db, clock } = deps;

  async function matterOr404(conn: Conn, actor: Actor, matterId: string) {
    const m = await createMattersRepo(conn).findVisible(actor, matterId);
    if (!m) throw notFound('事项');
    return m;
  }

  async function list(actor: Actor, matterId: string) {
    const m = await matterOr404(db, actor, matterId);
    return listOf(db, actor, m);
  }

  /**
   * The attachments of a matter the actor may already see (used by the matter detail too), or
   * only those of one content version (K-4). A version's attachments are part of it: not deletable.
   */
  async function listOf(conn: Conn, actor: Actor, m: { id: string; closed_at: string | null }, opts: { contentVersionId?: string } = {}) {
    const rows = await createAttachmentsRepo(conn).ofMatter(m.id, opts.contentVersionId);
    return rows.map((r) => ({
      id: r.id,
      filename: r.filename,
      mime: r.mime,
      size: r.size,
      createdAt: r.created_at,
      createdByName: r.name,
      canDelete: !m.closed_at && r.version_no == null && (r.created_by === actor.id || isOffice(actor)),
      contentVersionNo: r.version_no == null ? null : Number(r.version_no),
    }));
  }

  async function upload(actor: Actor, matterId: string, body: z.infer<typeof api.AttachmentUpload>) {
    requireWorkflowUser(actor);
    const content = Buffer.from(body.contentBase64, 'base64');
    if (content.length === 0) throw badRequest('文件内容为空', 'body.contentBase64');
    if (content.length > api.MAX_ATTACHMENT_BYTES) throw badRequest('文件不能超过10MB', 'body.contentBase64');
    const id = newId();
    await runTx(db, async (tx) => {
      const m = await matterOr404(tx, actor, matterId);
      // anyone who may see an open matter may add a file to it (the policy's `attach`)
      await kernel.policy.require(tx, actor, m, 'attach');
      const now = clock.now().toISOString();
      // K-4: a file may belong to the matter's latest content version (a draft's annex).
      let contentVersionId: string | null = null;
      if (body.contentVersionNo !== undefined) {
        const versions = createContentVersions(deps);
        const v = await versions.get(tx, matterId, body.contentVersionNo);
        if (!v) throw badRequest(`该事项没有第${body.contentVersionNo}版内容`, 'body.contentVersionNo');
        const latest = await versions.latestNo(tx, matterId);
        if (latest !== body.contentVersionNo)
          throw staleVersion(`第${body.contentVersionNo}版已不是最新版本（最新为第${latest}版），附件只能加入最新版本：请刷新后重试`);
        contentVersionId = v.id;
      }
      await createAttachmentsRepo(tx).insert({
        id,
        matter_id: matterId,
        filename: body.filename,
        mime: body.mime,
        size: content.length,
        content,
        created_by: actor.id,
        created_at: now,
        content_version_id: contentVersionId,
      });
      await createMattersRepo(tx).touch(matterId, now);
      await appendAudit(tx, clock, {
        actorId: actor.id,
        action: 'attachment.added',
        entityType: 'attachment',
        entityId: id,
        matterId,
        detail: { filename: body.filename, size: content.length, ...(body.contentVersionNo !== undefined ? { contentVersionNo: body.contentVersionNo } : {}) },
      });
    });
    return (await list(actor, matterId)).find((a) => a.id === id)!;
  }

  /** The file, if the actor may see its matter (404 otherwise, as for the matter itself). */
  async function download(actor: Actor, id: string) {
    const a = await createAttachmentsRepo(db).get(id);
    if (!a || !(await createMattersRepo(db).findVisible(actor, a.matter_id))) throw notFound('附件');
    return { filename: a.filename, mime: a.mime, content: Buffer.from(a.content) };
  }

  async function remove(actor: Actor, id: string) {
    requireWorkflowUser(actor);
    await runTx(db, async (tx) => {
      const a = await createAttachmentsRepo(tx).get(id);
      const m = a ? await createMattersRepo(tx).findVisible(actor, a.matter_id) : undefined;
      if (!a || !m) throw notFound('附件');
      if (m.closed_at) throw invalidState('该事项已办结或撤销，附件不能删除');
      if (a.content_version_id) throw invalidState('该附件属于已保存的内容版本，版本不可更改，附件不能删除');
      if (a.created_by !== actor.id && !isOffice(actor)) throw forbidden('只有上传人或办公室可以删除附件');
      if (!(await createAttachmentsRepo(tx).delete(id))) throw invalidState('附件已被删除');
      await createMattersRepo(tx).touch(a.matter_id, clock.now().toISOString());
      await appendAudit(tx, clock, {
        actorId: actor.id,
        action: 'attachment.removed',
        entityType: 'attachment',
        entityId: id,
        matterId: a.matter_id,
        detail: { filename: a.filename },
      });
    });
  }

  return { list, listOf, upload, download, remove };
}
export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
