import { useState, type ReactNode } from 'react';
import { App, Button, Popconfirm, Spin, Tooltip, Typography, Upload, type UploadFile } from 'antd';
import {
  DeleteOutlined,
  DownloadOutlined,
  FileExcelOutlined,
  FileImageOutlined,
  FileOutlined,
  FilePdfOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  FileWordOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from '@xietiao/domain/api/matters';
import { errorMessage, http, isConflict } from '../lib/http';
import { fmtDateTime } from '../lib/format';
import type { Attachment, Items } from '../lib/types';
import { EmptyState } from './EmptyState';

/** Types a browser may not know (it then gives an empty or generic type): by the file's extension. */
const BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  wps: 'application/wps-office.docx',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  txt: 'text/plain',
};

/** For `<input accept>`: the allowed types, and the extensions browsers often do not map (.ofd, .wps). */
export const ATTACHMENT_ACCEPT = [...Object.keys(ATTACHMENT_TYPES), '.ofd', '.wps'].join(',');
const TYPE_NAMES = [...new Set(Object.values(ATTACHMENT_TYPES))].join('、');
/** 支持 PDF、OFD、Word、Excel、WPS、图片、文本文件，单个不超过10MB */
export const ATTACHMENT_HINT = `支持 ${TYPE_NAMES}文件，单个不超过${MAX_ATTACHMENT_BYTES / 1024 / 1024}MB`;

/** The MIME type to send for a file, or null when it is not allowed. */
export function attachmentMime(file: File): string | null {
  if (file.type in ATTACHMENT_TYPES) return file.type;
  const ext = file.name.includes('.') ? file.name.split('.').pop()!.toLowerCase() : '';
  return BY_EXTENSION[ext] ?? null;
}

/** Why a file cannot be attached (in Chinese), or null when it can. */
export function checkAttachment(file: File): string | null {
  const name = file.name;
  if (!attachmentMime(file)) return `“${name}”的类型不支持：请上传 ${TYPE_NAMES}文件`;
  if (file.size === 0) return `“${name}”是空文件，不能上传`;
  if (file.size > MAX_ATTACHMENT_BYTES) return `“${name}”超过${MAX_ATTACHMENT_BYTES / 1024 / 1024}MB，不能上传`;
  if (name.length > 200) return `“${name.slice(0, 20)}…”的文件名超过200个字符，请改名后再上传`;
  // eslint-disable-next-line no-control-regex
  if (/[\\/:*?"<>|\u0000-\u001f]/.test(name)) return `“${name}”的文件名含有 \\ / : * ? " < > | 等字符，请改名后再上传`;
  return null;
}

/** The file's content as base64, without the `data:…;base64,` prefix. */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error(`读取文件“${file.name}”失败`));
    reader.readAsDataURL(file);
  });
}

/** Reads, checks and posts one file as an attachment of a matter. */
export async function uploadAttachment(matterId: string, file: File): Promise<Attachment> {
  const problem = checkAttachment(file);
  if (problem) throw new Error(problem);
  const contentBase64 = await readBase64(file);
  return http.post<Attachment>(`/matters/${encodeURIComponent(matterId)}/attachments`, { filename: file.name, mime: attachmentMime(file)!, contentBase64 });
}

/** 12.3 KB, 1.25 MB */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(0.1, Math.round((bytes / 1024) * 10) / 10)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 2 : 1)} MB`;
}

function FileIcon({ mime }: { mime: string }) {
  const label = ATTACHMENT_TYPES[mime];
  const [icon, color] =
    mime === 'application/pdf'
      ? [<FilePdfOutlined key="i" />, '#c0262d']
      : mime === 'application/ofd'
        ? [<FileProtectOutlined key="i" />, '#b1541a']
        : label === 'Word' || label === 'WPS'
          ? [<FileWordOutlined key="i" />, '#2b579a']
          : label === 'Excel'
            ? [<FileExcelOutlined key="i" />, '#217346']
            : label === '图片'
              ? [<FileImageOutlined key="i" />, '#7c4dbd']
              : label === '文本'
                ? [<FileTextOutlined key="i" />, '#6b7280']
                : [<FileOutlined key="i" />, '#6b7280'];
  return (
    <span className="xt-attachment-icon" style={{ color }} title={label ?? mime} aria-hidden>
      {icon}
    </span>
  );
}

export const attachmentKeys = { list: (matterId: string) => ['attachments', matterId] as const };

interface Props {
  matterId: string;
  /** the attachments as the matter's detail carries them; without them the list is fetched */
  items?: Attachment[];
  /** the matter is closed (办结/撤销): nothing can be added or removed */
  closed?: boolean;
  /** the user may add (not the administrators) */
  canUpload?: boolean;
  /** shown in the toolbar before the hint (e.g. a title) */
  title?: ReactNode;
}

/**
 * 附件 of any matter: the list (type, size, uploader, date, download, delete) and an upload button.
 * Adding or removing one bumps the matter's version, so the matter's (and activity's) detail is refetched.
 */
export function Attachments({ matterId, items, closed = false, canUpload = true, title }: Props) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState<string[]>([]);
  const own = useQuery({
    queryKey: attachmentKeys.list(matterId),
    queryFn: () => http.get<Items<Attachment>>(`/matters/${encodeURIComponent(matterId)}/attachments`),
    enabled: items === undefined,
  });
  const list = items ?? own.data?.items ?? [];

  const refresh = () => {
    void qc.invalidateQueries({ queryKey: attachmentKeys.list(matterId) });
    void qc.invalidateQueries({ queryKey: ['matters', 'detail', matterId] });
    void qc.invalidateQueries({ queryKey: ['activities', 'detail', matterId] });
  };
  const remove = useMutation({ mutationFn: (id: string) => http.del<{ ok: true }>(`/attachments/${encodeURIComponent(id)}`), onSettled: refresh });

  const upload = async (file: File) => {
    const problem = checkAttachment(file);
    if (problem) {
      message.error(problem);
      return;
    }
    setUploading((u) => [...u, file.name]);
    try {
      await uploadAttachment(matterId, file);
      message.success(`已上传“${file.name}”`);
    } catch (e) {
      message.error(`“${file.name}”上传失败：${errorMessage(e)}`);
    } finally {
      setUploading((u) => {
        const i = u.indexOf(file.name);
        return i < 0 ? u : [...u.slice(0, i), ...u.slice(i + 1)];
      });
      refresh();
    }
  };
  const del = async (a: Attachment) => {
    try {
      await remove.mutateAsync(a.id);
      message.success(`已删除“${a.filename}”`);
    } catch (e) {
      if (isConflict(e)) message.warning(errorMessage(e));
      else message.error(errorMessage(e));
    }
  };

  const uploadButton = (
    <Upload
      accept={ATTACHMENT_ACCEPT}
      multiple
      showUploadList={false}
      disabled={closed}
      beforeUpload={(file) => {
        void upload(file);
        return Upload.LIST_IGNORE;
      }}
    >
      <Button icon={<UploadOutlined />} loading={uploading.length > 0} disabled={closed}>
        上传附件
      </Button>
    </Upload>
  );

  return (
    <div className="xt-attachments" data-matter={matterId}>
      {(canUpload || title) && (
        <div className="xt-attachments-toolbar">
          {title}
          {canUpload && (closed ? <Tooltip title="事项已办结或撤销，不能再添加附件">{uploadButton}</Tooltip> : uploadButton)}
          {canUpload && !closed && (
            <Typography.Text type="secondary" className="xt-attachments-hint">
              {ATTACHMENT_HINT}
            </Typography.Text>
          )}
        </div>
      )}
      {items === undefined && own.isPending ? (
        <Spin size="small" />
      ) : list.length === 0 && uploading.length === 0 ? (
        <EmptyState description="暂无附件" />
      ) : (
        <ul className="xt-attachment-list">
          {list.map((a) => (
            <li key={a.id} className="xt-attachment" data-attachment={a.id}>
              <FileIcon mime={a.mime} />
              <div className="xt-attachment-main">
                <a className="xt-attachment-name" href={`/api/v1/attachments/${encodeURIComponent(a.id)}`} download={a.filename} title={`下载 ${a.filename}`}>
                  {a.filename}
                </a>
                <div className="xt-attachment-meta">
                  <span>{formatSize(a.size)}</span>
                  <span>{a.createdByName}</span>
                  <span>{fmtDateTime(a.createdAt)}</span>
                </div>
              </div>
              <div className="xt-attachment-actions">
                <Tooltip title="下载">
                  <Button
                    type="text"
                    size="small"
                    icon={<DownloadOutlined />}
                    href={`/api/v1/attachments/${encodeURIComponent(a.id)}`}
                    download={a.filename}
                    aria-label={`下载 ${a.filename}`}
                  />
                </Tooltip>
                {a.canDelete && !closed && (
                  <Popconfirm
                    title="删除附件"
                    description={`确定删除“${a.filename}”吗？删除后不能恢复。`}
                    okText="删除"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => del(a)}
                  >
                    <Tooltip title="删除">
                      <Button
                        type="text"
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`删除 ${a.filename}`}
                        loading={remove.isPending && remove.variables === a.id}
                      />
                    </Tooltip>
                  </Popconfirm>
                )}
              </div>
            </li>
          ))}
          {uploading.map((name, i) => (
            <li key={`uploading-${i}-${name}`} className="xt-attachment is-uploading">
              <span className="xt-attachment-icon">
                <Spin size="small" />
              </span>
              <div className="xt-attachment-main">
                <span className="xt-attachment-name">{name}</span>
                <div className="xt-attachment-meta">
                  <span>正在上传…</span>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Picks files to attach later (e.g. after the matter is created): checks each on picking, keeps
 * the rest as an antd file list whose `status` the caller may set while uploading.
 */
export function AttachmentPicker({
  id,
  value = [],
  onChange,
  disabled,
}: {
  id?: string;
  value?: UploadFile[];
  onChange?: (files: UploadFile[]) => void;
  disabled?: boolean;
}) {
  const { message } = App.useApp();
  return (
    <Upload
      id={id}
      accept={ATTACHMENT_ACCEPT}
      multiple
      disabled={disabled}
      fileList={value}
      beforeUpload={(file) => {
        const problem = checkAttachment(file);
        if (problem) {
          message.error(problem);
          return Upload.LIST_IGNORE;
        }
        return false;
      }}
      onChange={({ fileList }) => onChange?.(fileList)}
    >
      <Button icon={<UploadOutlined />} disabled={disabled}>
        选择文件
      </Button>
    </Upload>
  );
}
