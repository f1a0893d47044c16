import { useState } from 'react';
import { Button, Card, Input, Upload } from 'antd';
import { FileWordOutlined, ScanOutlined } from '@ant-design/icons';
import type { ReadInput } from '../api';

const DOCX_ACCEPT = '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface Props {
  reading: boolean;
  /** a failure to read (the server's words), shown under the buttons */
  error: string | null;
  onRead(input: ReadInput): void;
}

/** 读取公文全文: paste the text, or choose a .docx; what is read fills the form below. */
export function ReadTextPanel({ reading, error, onRead }: Props) {
  const [text, setText] = useState('');
  return (
    <Card size="small" title="读取公文全文" className="xt-chk-card xt-chk-read">
      <p className="xt-chk-read-hint">
        粘贴公文全文或上传 DOCX 文件，按 GB/T 9704-2012
        的版式顺序读出份号、密级、发文机关标志、发文字号、签发人、标题、主送、正文、附件说明、署名、成文日期、附注、抄送和印发机关，填入下方表单后检查；读出的各项可以修改。
      </p>
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 6, maxRows: 16 }}
        placeholder={'粘贴公文全文，每段一行，例如：\n××县人民政府文件\n×政发〔2026〕12号　　签发人：×××\n××县人民政府关于……的请示\n××市人民政府：\n……'}
        aria-label="公文全文"
        maxLength={500_000}
      />
      <div className="xt-chk-read-actions">
        <Button type="primary" icon={<ScanOutlined />} loading={reading} disabled={text.trim() === ''} onClick={() => onRead({ text })}>
          读取并检查
        </Button>
        <Upload
          accept={DOCX_ACCEPT}
          showUploadList={false}
          disabled={reading}
          beforeUpload={(file) => {
            onRead({ file });
            return Upload.LIST_IGNORE;
          }}
        >
          <Button icon={<FileWordOutlined />} disabled={reading}>
            上传 DOCX 文件
          </Button>
        </Upload>
      </div>
      {error && (
        <div className="xt-chk-msg is-error xt-chk-read-error" role="alert">
          {error}
        </div>
      )}
    </Card>
  );
}
