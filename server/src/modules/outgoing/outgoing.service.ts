/**
 * 发文 (issue #11), built on the kernel: a 发文 is a matter of kind 'outgoing'. This slice: the
 * drafting brief (OUT-1) and the draft. Every command answers with the 发文 as the actor now sees it.
 */
import type { api } from '@xietiao/domain';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/auth/actor';
import type { Kernel } from '../../kernel/kernel';
import { createOutgoingDrafting } from './outgoing.drafting';
import { createOutgoingReads } from './outgoing.read';

type Deps = Pick<AppContext, 'db' | 'clock'>;

export function createOutgoingService(deps: Deps, parts: { kernel: Kernel }) {
  const drafting = createOutgoingDrafting(deps, parts);
  const reads = createOutgoingReads(deps, parts);
  return {
    create: async (actor: Actor, body: z.infer<typeof api.OutgoingCreateBody>) => reads.detail(actor, await drafting.create(actor, body)),
    instruct: async (actor: Actor, id: string, body: z.infer<typeof api.OutgoingInstructionBody>) => {
      await drafting.instruct(actor, id, body);
      return reads.detail(actor, id);
    },
    saveIntent: async (actor: Actor, id: string, body: z.infer<typeof api.OutgoingIntentBody>) => {
      await drafting.saveIntent(actor, id, body);
      return reads.detail(actor, id);
    },
    saveDraft: async (actor: Actor, id: string, body: z.infer<typeof api.OutgoingDraftBody>) => {
      await drafting.saveDraft(actor, id, body);
      return reads.detail(actor, id);
    },
    check: drafting.check,
    detail: reads.detail,
    list: reads.list,
  };
}
export type OutgoingService = ReturnType<typeof createOutgoingService>;
