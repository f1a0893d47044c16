import { Button, Card, Result } from 'antd';
import { ToolOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { PageHeader } from './PageHeader';

/** A module that is planned but not built yet — no fake data. */
export function UnderConstruction({ title, description }: { title: string; description?: string }) {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={title} />
      <Card>
        <Result
          icon={<ToolOutlined style={{ color: '#8c8c8c' }} />}
          title="该模块正在建设中"
          subTitle={description ?? `「${title}」功能正在开发，敬请期待。`}
          extra={
            <Button type="primary" onClick={() => navigate('/')}>
              返回工作台
            </Button>
          }
        />
      </Card>
    </>
  );
}
