import type { ActivityExceptions, ActivityFacts, BusyPeriod, LeaderFacts } from '../types';

/** A city government's leaders: the mayor (principal), 常务副市长, four 副市长, 秘书长, two second-line. */
export const L = {
  mayor: {
    id: 'L-mayor',
    name: '陈建国',
    post: '市长',
    rankOrder: 1,
    precedence: 1,
    line: 'first',
    principal: true,
    chargeAreas: ['全面工作', '审计'],
    chargeDepartmentIds: ['dept-audit'],
  },
  exec: {
    id: 'L-exec',
    name: '刘志强',
    post: '常务副市长',
    rankOrder: 2,
    precedence: 2,
    line: 'first',
    principal: false,
    chargeAreas: ['发展改革', '财政', '国有资产'],
    chargeDepartmentIds: ['dept-drc', 'dept-finance'],
  },
  edu: {
    id: 'L-edu',
    name: '王芳',
    post: '副市长',
    rankOrder: 2,
    precedence: 3,
    line: 'first',
    principal: false,
    chargeAreas: ['教育', '卫生健康'],
    chargeDepartmentIds: ['dept-edu', 'dept-health'],
  },
  culture: {
    id: 'L-culture',
    name: '赵磊',
    post: '副市长',
    rankOrder: 2,
    precedence: 4,
    line: 'first',
    principal: false,
    chargeAreas: ['文化旅游', '体育', '外事'],
    chargeDepartmentIds: ['dept-culture', 'dept-sports', 'dept-foreign'],
  },
  safety: {
    id: 'L-safety',
    name: '孙涛',
    post: '副市长',
    rankOrder: 2,
    precedence: 5,
    line: 'first',
    principal: false,
    chargeAreas: ['应急管理', '安全生产', '公安'],
    chargeDepartmentIds: ['dept-emergency', 'dept-psb'],
  },
  urban: {
    id: 'L-urban',
    name: '周敏',
    post: '副市长',
    rankOrder: 2,
    precedence: 6,
    line: 'first',
    principal: false,
    chargeAreas: ['住房城乡建设', '交通运输'],
    chargeDepartmentIds: ['dept-housing', 'dept-transport'],
  },
  secgen: {
    id: 'L-secgen',
    name: '吴军',
    post: '秘书长',
    rankOrder: 3,
    precedence: 7,
    line: 'first',
    principal: false,
    chargeAreas: ['政府办公室'],
    chargeDepartmentIds: ['dept-office'],
  },
  second1: {
    id: 'L-second1',
    name: '郑国华',
    post: '二级巡视员（原副市长）',
    rankOrder: 2,
    precedence: 8,
    line: 'second',
    principal: false,
    chargeAreas: [],
    chargeDepartmentIds: [],
  },
  second2: {
    id: 'L-second2',
    name: '黄丽',
    post: '一级巡视员（原市政协副主席）',
    rankOrder: 2,
    precedence: 9,
    line: 'second',
    principal: false,
    chargeAreas: [],
    chargeDepartmentIds: [],
  },
} satisfies Record<string, LeaderFacts>;

export const LEADERS: LeaderFacts[] = Object.values(L);

export const NO_EXCEPTIONS: ActivityExceptions = {
  superiorLeaderAttends: false,
  unifiedCommemoration: false,
  advancesCentralWork: false,
  outstandingActivity: false,
};

/** A 09:00–11:00 activity on Tuesday 2026-10-13 (China time), 20 minutes away. */
export function activity(over: Partial<ActivityFacts> = {}): ActivityFacts {
  return {
    id: 'act-1',
    title: '全市教育工作会议',
    category: '会议',
    heldInName: 'government',
    organiserDepartmentId: null,
    area: null,
    startsAt: '2026-10-13T09:00:00+08:00',
    endsAt: '2026-10-13T11:00:00+08:00',
    travelMinutes: 20,
    requestedLeaderIds: [],
    exceptions: { ...NO_EXCEPTIONS },
    ...over,
  };
}

export function absence(leaderId: string, startsAt: string, endsAt: string, title = '赴省委党校学习', refId = `abs-${leaderId}`): BusyPeriod {
  return { leaderId, kind: 'absence', refId, title, startsAt, endsAt, travelMinutes: 0, firm: true };
}

export function busyActivity(
  leaderId: string,
  refId: string,
  startsAt: string,
  endsAt: string,
  opts: { title?: string; travelMinutes?: number; firm?: boolean; kind?: BusyPeriod['kind'] } = {},
): BusyPeriod {
  return {
    leaderId,
    kind: opts.kind ?? 'activity',
    refId,
    title: opts.title ?? refId,
    startsAt,
    endsAt,
    travelMinutes: opts.travelMinutes ?? 0,
    firm: opts.firm ?? true,
  };
}
