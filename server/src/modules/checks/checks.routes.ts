import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { READ_FIELDS, checkJson, checkText } from '@xietiao/domain/checks/index';
import type { ZodApp } from '../../app';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/auth/plugin';
import { AppError, badRequest } from '../../platform/errors';
import { DocxError, docxToText } from './docx';
import { systemCheckOrgans } from '../org/check-organs';

const Finding = z.object({ rule: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string(), path: z.string() });

/** The longest text taken as JSON (a 公文 with its attachments is far shorter). */
export const MAX_TEXT_CHARS = 500_000;

const TextBody = z
  .object({
    text: z
      .string()
      .max(MAX_TEXT_CHARS, `全文不能超过${MAX_TEXT_CHARS}个字符`)
      .refine((t) => t.trim() !== '', '不能为空：请粘贴公文全文'),
  })
  .describe('公文全文：段落之间换行，按 GB/T 9704-2012 的顺序（版头、主体、版记）');

const TextCheckOutput = z
  .object({
    document: z.looseObject({}).describe('读出的公文，即 check-contract.md“Input”中 document 的形状；未读出文种时 type 为 null，未读出发文机关时 issuers 为空'),
    unread: z.array(z.enum(READ_FIELDS)).describe('查找过但未能读出的字段（从不猜测），按合同中的字段顺序'),
    findings: z.array(Finding).describe('规则引擎对读出的公文给出的检查结果；未读出文种或发文机关时无法检查，为空列表'),
  })
  .describe('读取结果和检查结果：document、unread、findings（check-contract.md“Reading a whole document”）');

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${Number((bytes / 1024 / 1024).toFixed(1))}MB` : `${Math.round(bytes / 1024)}KB`);

/**
 * The text of a multipart upload: its one file (a DOCX, field `file`), or a `text` field. The file
 * may be as large as the route's body limit (BODY_LIMITS in app.ts); a file that is not a DOCX is
 * 415, a damaged DOCX 400.
 */
async function uploadedText(req: FastifyRequest): Promise<string> {
  const limit = req.routeOptions.bodyLimit;
  let text: string | null = null;
  try {
    for await (const part of req.parts({ limits: { fileSize: limit, files: 1, fields: 5, parts: 6 } })) {
      if (part.type === 'file') {
        const buf = await part.toBuffer();
        if (text !== null) continue;
        if (buf.length === 0) throw badRequest('上传的文件是空的：请选择 .docx 文件', 'body.file');
        try {
          text = await docxToText(buf);
        } catch (e) {
          if (!(e instanceof DocxError)) throw e;
          if (e.kind === 'not-docx')
            throw new AppError(
              415,
              'unsupported_media_type',
              `${part.filename ? `“${part.filename}”` : '上传的文件'}${e.message.startsWith('这是') ? '：' : ''}${e.message}`,
              'body.file',
            );
          throw badRequest(e.message, 'body.file');
        }
      } else if (part.fieldname === 'text' && text === null && typeof part.value === 'string') text = part.value;
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw new AppError(
        413,
        'payload_too_large',
        code === 'FST_REQ_FILE_TOO_LARGE' ? `文件过大：此接口最多接受${sizeText(limit)}的文件` : '只能上传一个文件',
        'body.file',
      );
    }
    throw e;
  }
  if (text === null) throw badRequest('请求体字段 file：请上传 .docx 文件（或以 JSON 提交 {"text": "公文全文"}）', 'body.file');
  if (text.trim() === '') throw badRequest('文件中没有文字：请确认上传的是公文的 .docx 文件', 'body.file');
  return text;
}

/** 公文合规检查 over HTTP, per the fixed contract (check-contract.md). */
export function registerCheckRoutes(app: ZodApp, ctx: AppContext): void {
  app.post(
    '/api/v1/checks/document',
    {
      schema: {
        tags: ['checks'],
        operationId: 'checkDocument',
        summary: '公文合规检查（文种、行文规则、格式、签发）',
        description: '输入与输出见 check-contract.md：200 返回 findings；输入不符合格式时 400，path 指出出错字段。',
        body: z.looseObject({}),
        response: {
          200: z.object({ findings: z.array(Finding) }).describe('检查结果：每条 finding 给出规则、严重程度、说明和出处（path）；没有问题时为空列表'),
        },
      },
    },
    async (req) => {
      actorOf(req);
      const r = checkJson(req.body);
      if (!r.ok) throw badRequest(r.message.startsWith(r.path) ? r.message : `${r.path}: ${r.message}`, r.path);
      return r.result;
    },
  );

  // Reading a whole document: JSON {"text"} or a multipart DOCX upload (multipart only on this route)
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { files: 1, fields: 5, parts: 6 } });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/checks/text',
      {
        schema: {
          tags: ['checks'],
          operationId: 'checkText',
          summary: '读取公文全文并检查（粘贴文本或上传 DOCX）',
          description:
            '按 GB/T 9704-2012 的版式顺序读出份号、密级、紧急程度、发文机关标志、发文字号、签发人、标题、主送、正文及其层次、附件说明、署名、成文日期、附注、抄送和印发机关，机关名称对应到本系统的组织机构，再用规则引擎检查（check-contract.md“Reading a whole document”）。请求体为 JSON `{"text": "公文全文"}`，或 multipart/form-data 上传一个 .docx 文件（字段 file）。200 返回 document、unread（未能读出的字段）和 findings；text 为空或不是字符串时 400，path 指出字段；上传的文件不是 DOCX 时 415；DOCX 已损坏时 400。',
          // a multipart upload has no JSON body (null): its file is read in the handler
          body: TextBody.nullish(),
          response: { 200: TextCheckOutput },
        },
      },
      async (req) => {
        actorOf(req);
        let text: string;
        if (req.isMultipart()) text = await uploadedText(req);
        else if (req.body == null) throw badRequest('请求体字段 text：缺少必填字段（公文全文）', 'body.text');
        else text = req.body.text;
        const organs = await systemCheckOrgans(ctx.db);
        const { document, unread, findings } = checkText(text, organs).output;
        return { document: { ...document }, unread, findings };
      },
    );
  });
}
