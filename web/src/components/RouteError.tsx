import { Button, Result } from 'antd';
import { isRouteErrorResponse, useNavigate, useRouteError } from 'react-router';
import { usePageTitle } from '../lib/title';

/** Route-level error page: unknown path or a render error. */
export function RouteError({ notFound }: { notFound?: boolean }) {
  const err = useRouteError();
  const navigate = useNavigate();
  const is404 = notFound || (isRouteErrorResponse(err) && err.status === 404);
  if (!is404 && err) console.error(err);
  const title = is404 ? '页面不存在' : '页面出错了';
  usePageTitle(title);
  return (
    <Result
      status={is404 ? '404' : 'error'}
      title={<h1 className="xt-result-heading">{title}</h1>}
      subTitle={is404 ? '您访问的页面不存在或已被移除。' : '页面加载时发生错误，请刷新后重试。'}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}
