import { Card, Col, Result, Row, Tabs, Typography } from 'antd';
import { ApartmentOutlined, BankOutlined, CrownOutlined, KeyOutlined, TeamOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { useMe } from '../../../lib/auth';
import { hasRole, isAdmin } from '../../../lib/roles';
import { AuditLogTab } from '../components/AuditLogTab';
import { LifecyclesTab } from '../components/LifecyclesTab';
import { NumberSeriesTab } from '../components/NumberSeriesTab';
import { CalendarTab, CalendarTabLabel } from '../components/CalendarTab';
import { ActivityRulesTab } from '../../activities/components/ActivityRulesTab';
import '../../activities/activities.css';

function Shortcuts({ sysadmin, secadmin }: { sysadmin: boolean; secadmin: boolean }) {
  const cards = [
    ...(sysadmin
      ? [
          { to: '/org?tab=organs', icon: <BankOutlined />, title: '机关管理', desc: '新增、编辑、停用机关，维护上下级关系' },
          { to: '/org?tab=departments', icon: <ApartmentOutlined />, title: '部门管理', desc: '部门设置与主要职能' },
          { to: '/org?tab=people', icon: <TeamOutlined />, title: '人员管理', desc: '人员账号的新增、编辑、停用' },
          { to: '/org?tab=leaders', icon: <CrownOutlined />, title: '领导信息', desc: '职务、职级、排序、一线/二线、分管工作' },
        ]
      : []),
    ...(secadmin ? [{ to: '/org?tab=people', icon: <KeyOutlined />, title: '角色与密码', desc: '为人员分配角色（三员分立）、重置密码' }] : []),
  ];
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col key={c.title} xs={24} sm={12} lg={8}>
          <Link to={c.to}>
            <Card hoverable size="small">
              <Card.Meta avatar={<span style={{ fontSize: 24, color: '#1d4e89' }}>{c.icon}</span>} title={c.title} description={c.desc} />
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}

/** 系统管理: for the three administrators (三员) only. */
export function AdminPage() {
  const me = useMe();
  const { tab } = useParams();
  const navigate = useNavigate();
  if (!isAdmin(me)) {
    return <Result status="403" title="无权访问" subTitle="系统管理仅对系统管理员、安全保密管理员和安全审计员开放。" />;
  }
  const auditor = hasRole(me, 'auditor');
  const sysadmin = hasRole(me, 'sysadmin');
  const secadmin = hasRole(me, 'secadmin');
  const items = [
    ...(auditor ? [{ key: 'audit', label: '审计日志', children: <AuditLogTab /> }] : []),
    ...(sysadmin || secadmin ? [{ key: 'org', label: '组织机构管理', children: <Shortcuts sysadmin={sysadmin} secadmin={secadmin} /> }] : []),
    ...(sysadmin ? [{ key: 'activity-rules', label: '活动规则', children: <ActivityRulesTab /> }] : []),
    ...(sysadmin ? [{ key: 'calendar', label: <CalendarTabLabel />, children: <CalendarTab /> }] : []),
    ...(sysadmin ? [{ key: 'numbers', label: '编号规则', children: <NumberSeriesTab canEdit canVoid /> }] : []),
    { key: 'lifecycles', label: '流程定义', children: <LifecyclesTab /> },
  ];
  const active = items.some((i) => i.key === tab) ? tab! : items[0].key;
  return (
    <>
      <PageHeader
        title={active === 'audit' ? '审计日志' : '系统管理'}
        subTitle={
          <Typography.Text type="secondary">
            {auditor ? '安全审计员：查阅审计日志、校验审计链完整性' : sysadmin ? '系统管理员：维护组织机构与系统配置' : '安全保密管理员：角色分配与账号安全'}
          </Typography.Text>
        }
      />
      <Card>
        <Tabs activeKey={active} onChange={(k) => navigate(`/admin/${k}`, { replace: true })} items={items} />
      </Card>
    </>
  );
}
