/**
 * Demo coordination matters, made through the real services (so they are audited, timed and
 * visible exactly as users' own would be): one with an open disagreement between departments,
 * one being carried out with a task already overdue, one awaiting a leader's decision, and items
 * in the office's, a leader's and a liaison's inbox.
 */
import type { AppContext } from '../platform/context';
import { ManualClock } from '../platform/clock';
import { loadActor } from '../platform/auth/plugin';
import { createContainer } from '../container';

export async function seedDemoMatters(ctx: Pick<AppContext, 'db' | 'clock' | 'calendar'>): Promise<void> {
  const { db } = ctx;
  const user = async (username: string) => {
    const u = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    return u ? loadActor(ctx, u.id) : null;
  };
  const dept = async (name: string) => (await db.selectFrom('departments').select('id').where('name', '=', name).executeTakeFirst())?.id ?? null;
  const office = await user('office');
  const leader = await user('leader');
  const liaison = await user('liaison');
  const secretary = (await user('secretary1')) ?? office;
  if (!office || !leader || !liaison || !secretary) return;

  // Matters registered a while ago: run the services on a clock set back, so deadlines fall due.
  const now = ctx.clock.now();
  const past = new ManualClock(new Date(now.getTime() - 12 * 86400_000));
  const pastCtx = { ...ctx, clock: past };
  const { matters, tasks, consultations: consult } = createContainer(pastCtx);

  const edu = await dept('市教育局');
  const land = await dept('市自然资源和规划局');
  const housing = await dept('市住房和城乡建设局');
  const finance = await dept('市财政局');
  const emergency = await dept('市应急管理局');

  // 1. An overdue task in execution.
  const safety = await matters.create(office, {
    kind: 'coordination',
    title: '关于做好元旦春节期间安全生产工作的协调',
    priority: 'urgent',
    restricted: false,
    description: '按照市政府常务会议部署，协调应急、住建、教育等部门落实节日期间安全生产检查。',
    departmentId: emergency,
    ownerId: secretary.id,
    dueWorkingDays: 20,
    accessUserIds: [],
    accessDepartmentIds: [],
  });
  await matters.fireEvent(secretary, safety.id, 'startExecution', { version: safety.version, comment: null });
  if (emergency)
    await tasks.add(secretary, safety.id, { title: '制定节日期间安全生产大检查方案', kind: 'handle', assigneeDepartmentId: emergency, dueWorkingDays: 5 });
  if (edu)
    await tasks.add(secretary, safety.id, { title: '开展校园及周边安全隐患排查并报送情况', kind: 'handle', assigneeDepartmentId: edu, dueWorkingDays: 15 });
  await tasks.add(secretary, safety.id, { title: '汇总各部门检查情况，形成专报', kind: 'handle', assigneeUserId: office.id, dueWorkingDays: 10 });

  // 2. A consultation with an open disagreement.
  past.set(new Date(now.getTime() - 5 * 86400_000));
  const school = await matters.create(office, {
    kind: 'coordination',
    title: '关于协调解决市第一中学扩建用地问题',
    priority: 'normal',
    restricted: false,
    description: '市教育局报请协调市第一中学扩建项目用地指标及建设资金来源。',
    departmentId: edu,
    ownerId: office.id,
    dueWorkingDays: 15,
    accessUserIds: [],
    accessDepartmentIds: [],
  });
  await matters.fireEvent(office, school.id, 'startCoordination', { version: school.version, comment: null });
  const parties = [land, housing, finance, edu].filter((d): d is string => !!d);
  const c = await consult.start(office, school.id, {
    subject: '扩建用地及资金来源',
    question: '请就扩建用地指标调整和建设资金来源提出意见。',
    departmentIds: parties,
    userIds: [],
    dueWorkingDays: 5,
  });
  const landUser = land ? await db.selectFrom('users').select('id').where('department_id', '=', land).limit(1).executeTakeFirst() : undefined;
  const financeUser = finance ? await db.selectFrom('users').select('id').where('department_id', '=', finance).limit(1).executeTakeFirst() : undefined;
  if (landUser)
    await consult.respond((await loadActor(ctx, landUser.id))!, c.id, {
      position: 'agree_with_changes',
      text: '同意调整用地指标，建议同步修改控制性详细规划。',
    });
  if (financeUser)
    await consult.respond((await loadActor(ctx, financeUser.id))!, c.id, {
      position: 'disagree',
      text: '今年预算已安排完毕，建议资金纳入明年预算，或由教育费附加统筹解决。',
    });

  // 3. Awaiting the principal leader's decision.
  past.set(new Date(now.getTime() - 2 * 86400_000));
  const festival = await matters.create(secretary, {
    kind: 'coordination',
    title: '关于市文化旅游节开幕式出席领导的协调',
    priority: 'normal',
    restricted: false,
    description: '市文化广电旅游局邀请市领导出席开幕式，请领导定夺出席人选。',
    departmentId: null,
    ownerId: secretary.id,
    dueWorkingDays: 3,
    accessUserIds: [],
    accessDepartmentIds: [],
  });
  await matters.fireEvent(secretary, festival.id, 'submitForDecision', {
    version: festival.version,
    comment: '拟请分管文化旅游的副市长出席，并邀请二线领导同志参加。',
  });

  // 4. Something to read for the leader and the liaison.
  past.set(now);
  const report = await matters.create(office, {
    kind: 'coordination',
    title: '市政府常务会议议定事项落实情况通报（第十一期）',
    priority: 'normal',
    restricted: false,
    description: '汇总上月常务会议议定事项的落实进度。',
    departmentId: null,
    ownerId: office.id,
    dueWorkingDays: null,
    accessUserIds: [],
    accessDepartmentIds: [],
  });
  await matters.share(office, report.id, { userIds: [leader.id, liaison.id], departmentIds: [], toRead: true, note: '请阅知。' });
}
