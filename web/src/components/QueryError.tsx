import { Alert, Button, Result } from 'antd';
import { ApiError, errorMessage } from '../lib/http';

/** What a page shows when its data could not be loaded. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
    return <Result status={error.status === 404 ? '404' : '403'} title={error.status === 404 ? '未找到' : '无权访问'} subTitle={errorMessage(error)} />;
  }
  return (
    <Alert
      type="error"
      showIcon
      title="加载失败"
      description={errorMessage(error)}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            重试
          </Button>
        )
      }
    />
  );
}
