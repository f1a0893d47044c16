/**
 * The 发文 draft as structured fields (OUT-1, "The draft"), and its mapping to the rule checker's
 * input (check-contract.md). The mapping is pure: the server adds the organisation's organs
 * (`server/src/modules/outgoing/outgoing.check.ts`); the review slice reuses both.
 */
import type { CheckDocument, CheckOrgan, DocType } from '../checks/types';

export const SECRECY_LEVELS = ['none', '秘密', '机密', '绝密'] as const;
export type Secrecy = (typeof SECRECY_LEVELS)[number];
export const SECRECY_LABELS: Record<Secrecy, string> = { none: '非密', 秘密: '秘密', 机密: '机密', 绝密: '绝密' };
export const URGENCY_LEVELS = ['none', '加急', '特急'] as const;
export type Urgency = (typeof URGENCY_LEVELS)[number];
export const URGENCY_LABELS: Record<Urgency, string> = { none: '普通', 加急: '加急', 特急: '特急' };
export const PUBLICITY = ['主动公开', '依申请公开', '不予公开'] as const;
export type Publicity = (typeof PUBLICITY)[number];
/** 正文 paragraph levels: 0 = a paragraph, 1–4 = headings 一、 （一） 1. （1） */
export const BODY_LEVELS = [0, 1, 2, 3, 4] as const;
export const BODY_LEVEL_LABELS: Record<number, string> = {
  0: '正文段落',
  1: '一级标题（一、）',
  2: '二级标题（（一））',
  3: '三级标题（1.）',
  4: '四级标题（（1））',
};
export const INSTRUCTION_CHANNELS = ['written', 'in_person', 'phone'] as const;
export type InstructionChannel = (typeof INSTRUCTION_CHANNELS)[number];
export const INSTRUCTION_CHANNEL_LABELS: Record<InstructionChannel, string> = { written: '书面批示', in_person: '当面交代', phone: '电话交代' };

export interface DraftParagraph {
  level: number;
  text: string;
}

export interface OutgoingDraft {
  docType: DocType;
  /** issuing organs, lead first */
  issuers: string[];
  mainTo: string[];
  copyTo: string[];
  title: string;
  body: DraftParagraph[];
  /** 附件说明: the attachments' names, in order */
  attachments: string[];
  note: string | null;
  /** 请示事项 (a 请示 asks about one matter) */
  matters: string[];
  secrecy: Secrecy;
  secrecyTerm: string | null;
  urgency: Urgency;
  publicity: Publicity;
}

/** The body as the checker and a printed page read it: one paragraph per line. */
export function draftBodyText(d: Pick<OutgoingDraft, 'body'>): string {
  return d.body.map((p) => p.text.trim()).join('\n');
}

/**
 * The 附件说明 as printed (GB/T 9704-2012 7.3.4): “附件：名称” for one attachment;
 * “附件：1. 名称” and “2. 名称”… on the following lines for several.
 */
export function attachmentNoteLines(attachments: readonly string[]): string[] {
  if (attachments.length === 0) return [];
  if (attachments.length === 1) return [`附件：${attachments[0]}`];
  return attachments.map((a, i) => `${i === 0 ? '附件：' : ''}${i + 1}. ${a}`);
}

/**
 * The checker's input for a draft: the document fields the checker reads. Facts the draft does
 * not hold yet (number, date, signers) are left empty — they come with registration and
 * signature; the checker does not report what is not there yet.
 */
export function draftCheckInput(
  d: OutgoingDraft,
  organs: CheckOrgan[],
  flags: { involvesOtherUnits?: boolean } = {},
): { organs: CheckOrgan[]; document: CheckDocument } {
  return {
    organs,
    document: {
      type: d.docType,
      layout: null,
      issuers: d.issuers.map((organ, i) => ({ organ, lead: i === 0 })),
      title: d.title,
      mainTo: [...d.mainTo],
      copyTo: [...d.copyTo],
      docNo: null,
      date: null,
      signers: [],
      signatory: [],
      secrecy: d.secrecy,
      secrecyTerm: d.secrecy === 'none' ? null : d.secrecyTerm,
      copyNo: null,
      urgency: d.urgency,
      matters: [...d.matters],
      body: draftBodyText(d),
      attachmentNote: attachmentNoteLines(d.attachments),
      attachments: d.attachments.map((title, i) => ({ no: i + 1, title })),
      note: d.note,
      replyTo: null,
      flags: {
        important: false,
        involvesOtherUnits: flags.involvesOtherUnits ?? false,
        countersignComplete: false,
        skipLevelReason: null,
        leaderAssigned: null,
        govApprovedRef: null,
        directive: false,
        forwardedFrom: null,
        stanceOpinion: null,
      },
    },
  };
}
