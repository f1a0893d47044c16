/**
 * A month of demo leader activities in every state, made through the real services (audited,
 * with tasks, notifications, assignments and reminder timers as users' own would have): held on
 * working days of the past fortnight and the coming four weeks, relative to the clock.
 */
import { addCalendarDays, addWorkingDays, chinaDate, previousWorkingDay, type ActivityCategory, type HeldInName } from '@xietiao/domain';
import type { AppContext } from '../platform/context';
import { ManualClock } from '../platform/clock';
import { loadActor } from '../platform/auth/plugin';
import type { Actor } from '../platform/auth/actor';
import { createContainer } from '../container';

type Target = 'submitted' | 'awaiting_approval' | 'approved' | 'confirmed' | 'recoordinating' | 'completed' | 'declined' | 'cancelled';

interface Spec {
  title: string;
  category: ActivityCategory;
  held: HeldInName;
  organiser: string;
  dept: string | null;
  filer: string;
  day: number;
  at: string;
  hours: number;
  place: string;
  travel: number;
  area: string | null;
  requested: string[];
  leaders: string[];
  /** `day` counts calendar days rather than working days (a commemoration on its fixed date) */
  calendarDay?: true;
  target: Target;
  exceptions?: Partial<Record<'superiorLeaderAttends' | 'unifiedCommemoration' | 'advancesCentralWork' | 'outstandingActivity', boolean>>;
  note?: string;
}

const SPECS: Spec[] = [
  {
    title: '全市教育工作会议',
    category: '会议',
    held: 'government',
    organiser: '市教育局',
    dept: '市教育局',
    filer: 'liaison',
    day: -12,
    at: '09:00',
    hours: 2.5,
    place: '市政府第一会议室',
    travel: 10,
    area: '教育',
    requested: ['wangfang'],
    leaders: ['wangfang'],
    target: 'completed',
  },
  {
    title: '全市安全生产工作电视电话会议',
    category: '会议',
    held: 'government',
    organiser: '市应急管理局',
    dept: '市应急管理局',
    filer: 'yjj.liaison',
    day: -9,
    at: '15:00',
    hours: 1.5,
    place: '市政府视频会议室',
    travel: 10,
    area: '应急管理',
    requested: ['liuzq', 'deputy'],
    leaders: ['liuzq'],
    target: 'completed',
  },
  {
    title: '省教育厅领导来市调研职业教育座谈会',
    category: '视察调研',
    held: 'other',
    organiser: '市教育局',
    dept: '市教育局',
    filer: 'liaison',
    day: -6,
    at: '14:30',
    hours: 2,
    place: '市职业技术学院',
    travel: 30,
    area: '教育',
    requested: ['leader', 'wangfang'],
    leaders: ['leader', 'wangfang'],
    target: 'completed',
    exceptions: { superiorLeaderAttends: true },
  },
  {
    title: '某商贸公司十周年庆典',
    category: '庆典',
    held: 'other',
    organiser: '某商贸有限公司',
    dept: null,
    filer: 'staff',
    day: -4,
    at: '10:00',
    hours: 2,
    place: '国际会展中心',
    travel: 35,
    area: '商务',
    requested: ['leader', 'zhouht'],
    leaders: ['zhouht'],
    target: 'declined',
    note: '企业自办庆典，不安排市领导出席。',
  },
  {
    title: '市民政局养老服务中心揭牌仪式',
    category: '庆典',
    held: 'other',
    organiser: '市民政局',
    dept: '市民政局',
    filer: 'mzj.liaison',
    day: -2,
    at: '09:30',
    hours: 1,
    place: '城南养老服务中心',
    travel: 25,
    area: '民政',
    requested: ['wangfang'],
    leaders: ['wangfang'],
    target: 'cancelled',
    note: '主办单位推迟活动。',
  },
  {
    title: '全市卫生健康工作推进会',
    category: '会议',
    held: 'government',
    organiser: '市卫生健康委员会',
    dept: '市卫生健康委员会',
    filer: 'wjw.liaison',
    day: 3,
    at: '09:00',
    hours: 2,
    place: '市政府第二会议室',
    travel: 10,
    area: '卫生健康',
    requested: ['wangfang', 'deputy'],
    leaders: ['wangfang'],
    target: 'confirmed',
  },
  {
    title: '国家公祭日悼念活动',
    category: '纪念活动',
    held: 'party',
    organiser: '市委宣传部',
    dept: null,
    filer: 'staff',
    day: 16,
    calendarDay: true,
    at: '10:00',
    hours: 1,
    place: '市烈士陵园',
    travel: 30,
    area: null,
    requested: ['leader'],
    leaders: ['leader', 'wugp', 'zhengxl'],
    target: 'approved',
    exceptions: { unifiedCommemoration: true },
  },
  {
    title: '外国友好城市代表团会见',
    category: '涉外活动',
    held: 'government',
    organiser: '市外事办公室',
    dept: '市外事办公室',
    filer: 'wb.liaison',
    day: 5,
    at: '16:00',
    hours: 1,
    place: '市政府贵宾厅',
    travel: 10,
    area: '外事',
    requested: ['leader', 'zhouht'],
    leaders: ['zhouht'],
    target: 'recoordinating',
    note: '周海涛副市长需赴省参加紧急会议，需重新协调出席领导。',
  },
  {
    title: '全市公安工作会议',
    category: '会议',
    held: 'government',
    organiser: '市公安局',
    dept: '市公安局',
    filer: 'gaj.liaison',
    day: 6,
    at: '09:00',
    hours: 2,
    place: '市公安局指挥中心',
    travel: 20,
    area: '公安',
    requested: ['zhaojj', 'leader'],
    leaders: ['zhaojj'],
    target: 'awaiting_approval',
  },
  {
    title: '市第十届全民运动会开幕式',
    category: '文艺体育活动',
    held: 'government',
    organiser: '市文化广电旅游局',
    dept: '市文化广电旅游局',
    filer: 'wlj.liaison',
    day: 11,
    at: '19:00',
    hours: 2,
    place: '市体育中心',
    travel: 25,
    area: '文化和旅游',
    requested: ['leader', 'deputy', 'wangfang', 'zhouht'],
    leaders: [],
    target: 'submitted',
  },
  {
    title: '招商引资重点项目集中签约仪式',
    category: '庆典',
    held: 'government',
    organiser: '市发展和改革委员会',
    dept: '市发展和改革委员会',
    filer: 'fgw.liaison',
    day: 4,
    at: '10:00',
    hours: 1.5,
    place: '市民中心多功能厅',
    travel: 15,
    area: '发展改革',
    requested: ['leader', 'deputy'],
    leaders: ['deputy', 'wugp'],
    target: 'approved',
    exceptions: { outstandingActivity: true },
  },
  {
    title: '城市更新项目现场调研',
    category: '视察调研',
    held: 'other',
    organiser: '市住房和城乡建设局',
    dept: '市住房和城乡建设局',
    filer: 'zjj.liaison',
    day: 7,
    at: '14:30',
    hours: 3,
    place: '老城区改造片区',
    travel: 20,
    area: '住房和城乡建设',
    requested: ['liuzq'],
    leaders: [],
    target: 'submitted',
  },
  {
    title: '2027年新春团拜会',
    category: '晚会',
    held: 'party',
    organiser: '市委办公室',
    dept: null,
    filer: 'staff',
    day: 20,
    at: '19:30',
    hours: 2,
    place: '市大剧院',
    travel: 20,
    area: null,
    requested: ['leader', 'deputy', 'wangfang', 'zhaojj', 'liuzq', 'zhouht'],
    leaders: [],
    target: 'submitted',
  },
  {
    title: '社区志愿服务月启动仪式',
    category: '群众性集会',
    held: 'other',
    organiser: '市民政局',
    dept: '市民政局',
    filer: 'mzj.liaison',
    day: 9,
    at: '09:30',
    hours: 1,
    place: '人民广场',
    travel: 15,
    area: '民政',
    requested: ['wangfang'],
    leaders: ['zhengxl'],
    target: 'awaiting_approval',
  },
];

const HOUR = 3600_000;

/** `n` working days from `date` (back when negative): demo activities fall on working days. */
function workingDay(date: string, n: number): string {
  if (n >= 0) return addWorkingDays(date, n);
  let d = date;
  for (let i = 0; i < -n; i++) d = previousWorkingDay(d);
  return d;
}

export async function seedDemoActivities(ctx: Pick<AppContext, 'db' | 'clock' | 'calendar'>): Promise<void> {
  const { db } = ctx;
  const ids = new Map((await db.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.username, u.id]));
  const actor = async (username: string): Promise<Actor | null> => (ids.has(username) ? loadActor(ctx, ids.get(username)!) : null);
  const depts = new Map((await db.selectFrom('departments').select(['id', 'name']).execute()).map((d) => [d.name, d.id]));
  const office = await actor('office');
  const principal = await actor('leader');
  const staffId = ids.get('staff') ?? ids.get('office');
  if (!office || !principal || !staffId) return;

  const now = ctx.clock.now();
  const today = chinaDate(now);
  const clock = new ManualClock(now);
  const { activities: svc, matters } = createContainer({ ...ctx, clock });

  for (const s of SPECS) {
    const filer = (await actor(s.filer)) ?? office;
    const startsAt = new Date(`${s.calendarDay ? addCalendarDays(today, s.day) : workingDay(today, s.day)}T${s.at}:00+08:00`);
    const endsAt = new Date(startsAt.getTime() + s.hours * HOUR);
    // Requests come in some days before the activity (past ones were handled in the past); the
    // steps after filing take six hours more, all before now: nothing is stamped in the future.
    clock.set(new Date(Math.min(now.getTime() - 7 * HOUR, startsAt.getTime() - 5 * 24 * HOUR)));
    let a = await svc.create(filer, {
      category: s.category,
      title: s.title,
      organiserName: s.organiser,
      organiserDepartmentId: s.dept ? (depts.get(s.dept) ?? null) : null,
      heldInName: s.held,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      place: s.place,
      travelMinutes: s.travel,
      area: s.area,
      requestedLeaderIds: s.requested.map((u) => ids.get(u)).filter((x): x is string => !!x),
      exceptions: { superiorLeaderAttends: false, unifiedCommemoration: false, advancesCentralWork: false, outstandingActivity: false, ...s.exceptions },
      description: null,
      contact: null,
    });
    if (s.target === 'submitted') continue;
    if (s.target === 'cancelled' && !s.leaders.length) {
      await matters.fireEvent(office, a.id, 'cancel', { version: a.version, comment: s.note ?? '主办单位取消活动' });
      continue;
    }
    clock.set(new Date(clock.now().getTime() + 2 * HOUR));
    const leaderIds = s.leaders.map((u) => ids.get(u)).filter((x): x is string => !!x);
    const names = a.candidates
      .filter((c) => leaderIds.includes(c.leaderId))
      .map((c) => `${c.post}${c.name}`)
      .join('、');
    a = await svc.propose(office, a.id, {
      version: a.version,
      leaderIds,
      proposal: `拟请${names || '有关领导'}出席。妥否，请审示。`,
      responsibleStaffId: staffId,
    });
    if (s.target === 'awaiting_approval') continue;
    clock.set(new Date(clock.now().getTime() + 3 * HOUR));
    if (s.target === 'declined') {
      await svc.decide(principal, a.id, { version: a.version, decision: 'decline', instruction: s.note ?? '不安排市领导出席。' });
      continue;
    }
    a = await svc.decide(principal, a.id, { version: a.version, decision: 'approve', instruction: '同意。' });
    if (s.target === 'cancelled') {
      await matters.fireEvent(office, a.id, 'cancel', { version: a.version, comment: s.note ?? '主办单位取消活动' });
      continue;
    }
    if (s.target === 'recoordinating') {
      await svc.reopen(office, a.id, { version: a.version, reason: s.note ?? '出席领导有其他重要任务', leaderId: leaderIds[0] ?? null });
      continue;
    }
    if (s.target === 'approved') continue;
    clock.set(new Date(clock.now().getTime() + HOUR));
    for (const leaderId of leaderIds) a = await svc.confirm(office, a.id, leaderId);
    if (s.target === 'confirmed') continue;
    // completed: reminded, departed, held, closed by the office.
    clock.set(new Date(startsAt.getTime() - (s.travel + 40) * 60_000));
    a = await svc.remind(office, a.id, 'reminded');
    clock.set(new Date(startsAt.getTime() - (s.travel + 10) * 60_000));
    a = await svc.remind(office, a.id, 'departed');
    clock.set(new Date(Math.min(endsAt.getTime() + HOUR, now.getTime())));
    await matters.fireEvent(office, a.id, 'complete', { version: a.version, comment: null });
  }
}
