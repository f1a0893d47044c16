import { useState } from 'react';
import { Alert, App, Button, Card, Form, Progress, Space, type UploadFile } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ATTACHMENT_HINT, AttachmentPicker, uploadAttachment } from '../../../components/Attachments';
import { PageHeader } from '../../../components/PageHeader';
import { useMe } from '../../../lib/auth';
import { errorMessage } from '../../../lib/http';
import { activityKeys, useCreateActivity } from '../api';
import { matterKeys } from '../../matters/api';
import { ActivityFields, placeServerError, toBody, type ActivityFormValues } from '../components/ActivityFields';
import { NO_EXCEPTIONS } from '../labels';
import '../activities.css';

/** 出席申请 (ACT-1): one entry point for every request that a leader attend. */
export function ActivityFormPage() {
  const me = useMe();
  const [form] = Form.useForm<ActivityFormValues>();
  const create = useCreateActivity();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number; current: string } | null>(null);

  /** Uploads the picked files one by one to the new activity; returns the names of those that failed. */
  const uploadFiles = async (activityId: string): Promise<string[]> => {
    const failed: string[] = [];
    const mark = (uid: string, status: UploadFile['status']) => setFiles((fs) => fs.map((f) => (f.uid === uid ? { ...f, status } : f)));
    for (const [i, f] of files.entries()) {
      setProgress({ done: i, total: files.length, current: f.name });
      mark(f.uid, 'uploading');
      try {
        await uploadAttachment(activityId, f.originFileObj as File);
        mark(f.uid, 'done');
      } catch (e) {
        mark(f.uid, 'error');
        failed.push(`“${f.name}”（${errorMessage(e)}）`);
      }
    }
    setProgress({ done: files.length, total: files.length, current: '' });
    // each upload bumps the activity's version: the cached detail is stale
    void qc.invalidateQueries({ queryKey: activityKeys.detail(activityId) });
    void qc.invalidateQueries({ queryKey: matterKeys.detail(activityId) });
    return failed;
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    let id: string;
    try {
      id = (await create.mutateAsync(toBody(v))).id;
    } catch (e) {
      if (!placeServerError(form, e)) message.error(errorMessage(e));
      return;
    }
    const failed = files.length ? await uploadFiles(id) : [];
    if (failed.length) {
      message.warning({
        content: `出席申请已登记，但以下附件上传失败：${failed.join('、')}。请在活动详情的“附件”中重新上传。`,
        duration: 10,
      });
    } else {
      message.success('出席申请已登记，等待办公室拟办');
    }
    navigate(`/activities/${id}`, { replace: true });
  };
  const busy = create.isPending || (progress !== null && progress.done < progress.total);

  return (
    <>
      <PageHeader
        title="登记出席申请"
        subTitle="邀请本机关领导出席会议、庆典、表彰、调研等活动，统一报办公室拟办、主要领导审批"
        breadcrumb={[{ title: '领导活动', to: '/activities' }, { title: '登记出席申请' }]}
      />
      <Card className="xt-act-form-card">
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="本系统为非涉密系统，不得登记涉密活动。" />
        <Form<ActivityFormValues>
          form={form}
          layout="vertical"
          requiredMark="optional"
          className="xt-act-form"
          initialValues={{
            heldInName: 'other',
            organiserName: me.departmentName ?? undefined,
            // 主办部门 has no default: it decides the leader in charge, and the office's own
            // department would make the office the organiser of every request it enters
            travelMinutes: 20,
            requestedLeaderIds: [],
            exceptions: NO_EXCEPTIONS,
          }}
          onFinish={submit}
        >
          <ActivityFields />
          <Form.Item label="邀请函等附件" htmlFor="act-attachments" extra={`可选择多个文件。${ATTACHMENT_HINT}`}>
            <AttachmentPicker id="act-attachments" value={files} onChange={setFiles} disabled={busy} />
            {progress && progress.total > 0 && (
              <div className="xt-upload-progress" data-section="upload-progress">
                <Progress
                  percent={Math.round((progress.done / progress.total) * 100)}
                  size="small"
                  status={progress.done < progress.total ? 'active' : 'normal'}
                />
                <div className="xt-upload-progress-text">
                  {progress.done < progress.total ? `正在上传附件（${progress.done + 1}/${progress.total}）：${progress.current}` : '附件上传完成'}
                </div>
              </div>
            )}
          </Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={busy}>
              提交申请
            </Button>
            <Button onClick={() => navigate('/activities')} disabled={busy}>
              取消
            </Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
