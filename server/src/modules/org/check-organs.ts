/**
 * The organs of the organisation in the system, as the 公文合规检查 reader takes them: every
 * active organ with its superiors and parent (an inactive one is left out, and so are links to
 * it: the check would call it an unknown organ), its 规范化简称 and its 发文机关代字. The same
 * organs the 公文合规检查 page sends with a document (web/src/features/checks/api.ts
 * `toCheckOrgans`). It lives in the org module because it reads the org module's tables (K-2: no module reads another's repository); the checker and the 发文 module import it from here.
 */
import { ORGAN_KINDS, type OrganKind, type ReaderOrgan } from '@xietiao/domain/checks/index';
import type { Conn } from '../../platform/db/database';
import { listOrgans, superiorsOf } from './org.repo';

const KINDS = new Set<string>(ORGAN_KINDS);

export async function systemCheckOrgans(db: Conn): Promise<ReaderOrgan[]> {
  const rows = await listOrgans(db);
  const ids = new Set(rows.map((o) => o.id));
  const superiors = await superiorsOf(
    db,
    rows.map((o) => o.id),
  );
  return rows.map((o) => ({
    id: o.id,
    name: o.name,
    kind: (KINDS.has(o.kind) ? o.kind : '其他') as OrganKind,
    level: o.level,
    superiors: (superiors.get(o.id) ?? []).filter((s) => ids.has(s)),
    parent: o.parent_id && ids.has(o.parent_id) ? o.parent_id : null,
    shortName: o.short_name,
    docCode: o.doc_code,
  }));
}
