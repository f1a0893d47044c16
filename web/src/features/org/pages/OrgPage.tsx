import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { useMe } from '../../../lib/auth';
import { hasRole } from '../../../lib/roles';
import { AbsencesTab } from '../components/AbsencesTab';
import { DepartmentsTab } from '../components/DepartmentsTab';
import { LeadersTab } from '../components/LeadersTab';
import { OrgansTab } from '../components/OrgansTab';
import { PeopleTab } from '../components/PeopleTab';

/** 组织机构: organs, departments, people, leaders, absences. Editing only for the administrators. */
export function OrgPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = ['organs', 'departments', 'people', 'leaders', 'absences'].includes(params.get('tab') ?? '') ? params.get('tab')! : 'organs';
  const isSysadmin = hasRole(me, 'sysadmin');
  const isSecadmin = hasRole(me, 'secadmin');
  return (
    <>
      <PageHeader title="组织机构" subTitle="机关、部门、人员与领导信息，行文关系查询，请假外出登记" />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'organs', label: '机关', children: <OrgansTab canEdit={isSysadmin} /> },
            { key: 'departments', label: '部门', children: <DepartmentsTab canEdit={isSysadmin} /> },
            { key: 'people', label: '人员', children: <PeopleTab isSysadmin={isSysadmin} isSecadmin={isSecadmin} /> },
            { key: 'leaders', label: '领导', children: <LeadersTab /> },
            { key: 'absences', label: '请假外出', children: <AbsencesTab /> },
          ]}
        />
      </Card>
    </>
  );
}
