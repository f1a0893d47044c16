/**
 * The demo organisation: 某市人民政府 (this organ) with its office, departments, leaders,
 * liaisons and drafters, the three separated administrators, its superior, peer and
 * subordinate organs, and a few leaders' absences in the coming weeks (relative to the clock).
 *
 * Modelling decisions:
 * - 中共某市委员会 and 某市人民政府 are *peers* (平级), not superior and subordinate: the Party
 *   committee's leadership of the government is political leadership, not the 隶属关系 that
 *   decides 行文关系 (the two issue jointly and write to each other as 同级机关). So 市委 has
 *   superior 省委, 市政府 has superior 省政府, and `organRelation` gives 平级 between them.
 * - The city's working departments exist twice, on purpose: as `departments` of this organ
 *   (people belong to them; they handle matters, give opinions, countersign) and as organs of
 *   kind 部门 with parent 市政府 (they send and receive documents: a 请示 from 市教育局 to
 *   市政府 is a document from a subordinate organ). Departments and organs share the name.
 * - Ranks: a prefecture-level city's 市长 is 正厅级, 副市长 副厅级, 秘书长 正处级. `rankOrder`
 *   follows the civil-service grades, smaller is higher (see RANK_ORDER).
 * - Second-line leaders are former office-holders now in 职级 posts (二级巡视员, 一级调研员).
 * - One scrypt hash of the demo password is computed once and reused for every demo account:
 *   seeding is then a single transaction of plain inserts.
 */
import type { Role } from '@xietiao/domain';
import type { Insertable } from 'kysely';
import type { AppContext } from '../platform/context';
import type { DepartmentsTable, LeadersTable, OrgansTable, UsersTable } from '../platform/db/schema';
import { appendAudit } from '../platform/audit';
import { hashPassword } from '../platform/auth/password';
import { newId, newToken } from '../platform/ids';
import { toJson } from '../platform/json';
import { runTx } from '../platform/db/tx';

export const DEMO_PASSWORD = 'xietiao-demo';

/** Civil-service grades, smaller is higher (LeaderInput.rankOrder). */
export const RANK_ORDER: Readonly<Record<string, number>> = {
  国家级正职: 1,
  国家级副职: 2,
  正部级: 3,
  副部级: 4,
  正厅级: 5,
  副厅级: 6,
  正处级: 7,
  副处级: 8,
  正科级: 9,
  副科级: 10,
};

export interface DemoLogin {
  username: string;
  name: string;
  label: string;
}

interface DemoOrgan {
  key: string;
  name: string;
  short: string | null;
  kind: string;
  level: number;
  parent?: string;
  superiors?: string[];
  self?: true;
  docCode?: string;
}

const ORGANS: DemoOrgan[] = [
  { key: 'province_party', name: '中共某省委员会', short: '某省委', kind: '党委', level: 2, docCode: '某省发' },
  { key: 'province_gov', name: '某省人民政府', short: '某省政府', kind: '政府', level: 2, docCode: '某省政发' },
  { key: 'province_edu', name: '某省教育厅', short: '省教育厅', kind: '部门', level: 2, parent: 'province_gov', docCode: '某省教' },
  { key: 'province_fin', name: '某省财政厅', short: '省财政厅', kind: '部门', level: 2, parent: 'province_gov', docCode: '某省财' },
  { key: 'province_drc', name: '某省发展和改革委员会', short: '省发展改革委', kind: '部门', level: 2, parent: 'province_gov', docCode: '某省发改' },
  { key: 'city_party', name: '中共某市委员会', short: '某市委', kind: '党委', level: 3, superiors: ['province_party'], docCode: '某市发' },
  { key: 'city_gov', name: '某市人民政府', short: '某市政府', kind: '政府', level: 3, superiors: ['province_gov'], self: true, docCode: '某政' },
  { key: 'city_office', name: '某市人民政府办公室', short: '市政府办公室', kind: '办公厅室', level: 3, parent: 'city_gov', docCode: '某政办' },
  { key: 'city_npc', name: '某市人民代表大会常务委员会', short: '市人大常委会', kind: '人大常委会', level: 3, docCode: '某人常' },
  { key: 'county_a', name: '甲县人民政府', short: '甲县政府', kind: '政府', level: 4, superiors: ['city_gov'], docCode: '甲政' },
  { key: 'county_b', name: '乙县人民政府', short: '乙县政府', kind: '政府', level: 4, superiors: ['city_gov'], docCode: '乙政' },
  { key: 'county_a_party', name: '中共甲县委员会', short: '甲县委', kind: '党委', level: 4, superiors: ['city_party'], docCode: '甲发' },
  { key: 'town_a', name: '甲县某镇人民政府', short: '某镇政府', kind: '政府', level: 5, superiors: ['county_a'], docCode: '某镇政' },
];

interface DemoDepartment {
  key: string;
  name: string;
  short: string;
  docCode: string | null;
  functions: string[];
  liaison?: [string, string];
}

/** Departments of 某市人民政府, in the order of the government's own listing. */
const DEPARTMENTS: DemoDepartment[] = [
  {
    key: 'office',
    name: '市政府办公室',
    short: '市政府办',
    docCode: null,
    functions: [
      '负责市政府日常运转，协助市政府领导处理日常工作',
      '负责市政府文电、会务、机要、档案工作，审核以市政府、市政府办公室名义发出的公文',
      '协调安排市政府领导同志的公务活动',
      '负责市政府重要决策部署和领导批示事项的督查督办',
      '负责政务信息、政务公开和政务值班工作',
    ],
  },
  {
    key: 'drc',
    name: '市发展和改革委员会',
    short: '市发展改革委',
    docCode: '某发改',
    liaison: ['fgw.liaison', '黄志刚'],
    functions: [
      '拟订并组织实施全市国民经济和社会发展规划、年度计划',
      '统筹协调经济社会发展，监测分析经济形势',
      '负责重大项目谋划、审批核准和固定资产投资综合管理',
      '推进经济体制改革和营商环境建设',
      '负责价格管理、粮食和能源安全综合协调',
    ],
  },
  {
    key: 'finance',
    name: '市财政局',
    short: '市财政局',
    docCode: '某财',
    liaison: ['czj.liaison', '钱慧敏'],
    functions: [
      '拟订全市财政发展规划和财税政策',
      '编制市级年度预算、决算草案并组织执行',
      '负责政府债务管理和行政事业单位国有资产管理',
      '负责政府采购监督管理',
      '监督财经法规和会计制度的执行',
    ],
  },
  {
    key: 'education',
    name: '市教育局',
    short: '市教育局',
    docCode: '某教',
    liaison: ['liaison', '周晓梅'],
    functions: [
      '统筹规划和管理全市各级各类教育事业',
      '负责义务教育均衡发展、学前教育和特殊教育',
      '指导学校安全稳定、校园周边环境治理',
      '负责教师队伍建设和教育督导',
      '组织实施中考、高考等招生考试工作',
    ],
  },
  {
    key: 'police',
    name: '市公安局',
    short: '市公安局',
    docCode: '某公',
    liaison: ['gaj.liaison', '冯建平'],
    functions: [
      '维护社会治安秩序，预防、制止和侦查违法犯罪活动',
      '负责道路交通安全管理',
      '负责重大活动和重要目标的安全保卫',
      '负责户籍、居民身份证和出入境管理',
    ],
  },
  {
    key: 'civil',
    name: '市民政局',
    short: '市民政局',
    docCode: '某民',
    liaison: ['mzj.liaison', '何丽娟'],
    functions: [
      '负责城乡最低生活保障、特困人员救助等社会救助工作',
      '统筹推进养老服务体系建设',
      '负责社会组织登记和监督管理',
      '负责婚姻登记、殡葬管理和儿童福利',
      '负责行政区划、地名和界线管理',
    ],
  },
  {
    key: 'land',
    name: '市自然资源和规划局',
    short: '市自然资源规划局',
    docCode: '某自然资规',
    liaison: ['zrzy.liaison', '曹文斌'],
    functions: [
      '负责自然资源调查监测和统一确权登记',
      '组织编制和实施国土空间规划',
      '负责耕地保护、土地征收和建设用地审批',
      '负责矿产资源管理和测绘地理信息工作',
    ],
  },
  {
    key: 'housing',
    name: '市住房和城乡建设局',
    short: '市住房城乡建设局',
    docCode: '某建',
    liaison: ['zjj.liaison', '邓振宇'],
    functions: [
      '负责住房保障和房地产市场监督管理',
      '负责建筑市场和工程质量安全监督管理',
      '推进城市更新和老旧小区改造',
      '负责城市燃气、供排水等市政公用事业管理',
    ],
  },
  {
    key: 'health',
    name: '市卫生健康委员会',
    short: '市卫生健康委',
    docCode: '某卫健',
    liaison: ['wjw.liaison', '许海燕'],
    functions: [
      '统筹规划全市医疗卫生服务体系',
      '负责疾病预防控制和突发公共卫生事件应急处置',
      '负责医疗机构和医疗服务行业监督管理',
      '负责妇幼健康、老龄健康和人口监测',
    ],
  },
  {
    key: 'emergency',
    name: '市应急管理局',
    short: '市应急管理局',
    docCode: '某应急',
    liaison: ['yjj.liaison', '韩立军'],
    functions: [
      '组织编制全市应急预案体系并指导演练',
      '负责安全生产综合监督管理和危险化学品安全监管',
      '组织协调防汛抗旱、森林防灭火工作',
      '负责自然灾害救助和救灾物资储备',
    ],
  },
  {
    key: 'foreign',
    name: '市外事办公室',
    short: '市外办',
    docCode: '某外办',
    liaison: ['wb.liaison', '邱雅琴'],
    functions: [
      '贯彻执行国家外交方针政策和外事法规',
      '负责重要外宾接待和重大外事活动的组织协调',
      '负责因公出国（境）管理',
      '负责国际友好城市交流合作',
      '协调处置涉外突发事件和涉外案件',
    ],
  },
  {
    key: 'culture',
    name: '市文化广电旅游局',
    short: '市文化广电旅游局',
    docCode: '某文旅',
    liaison: ['wlj.liaison', '罗佳怡'],
    functions: [
      '负责文化事业、文化产业和旅游业发展规划',
      '负责文物保护和非物质文化遗产保护传承',
      '组织重大文化、节庆和群众性文体活动',
      '负责文化和旅游市场、广播电视行业监督管理',
    ],
  },
];

interface DemoPerson {
  username: string;
  name: string;
  title: string | null;
  dept: string | null;
  roles: Role[];
  label: string;
  login?: true;
}

const PEOPLE: DemoPerson[] = [
  { username: 'admin', name: '马骏', title: '系统管理员', dept: 'office', roles: ['sysadmin'], label: '系统管理员', login: true },
  { username: 'secadmin', name: '贺宁', title: '安全保密管理员', dept: 'office', roles: ['secadmin'], label: '安全保密管理员', login: true },
  { username: 'auditor', name: '石磊', title: '安全审计员', dept: 'office', roles: ['auditor'], label: '安全审计员', login: true },
  { username: 'office', name: '王建国', title: '市政府副秘书长、办公室主任', dept: 'office', roles: ['office_director'], label: '办公室主任', login: true },
  { username: 'secretary1', name: '李明', title: '秘书一科科长', dept: 'office', roles: ['secretary', 'office_staff'], label: '秘书（市长）', login: true },
  {
    username: 'secretary2',
    name: '赵雪',
    title: '秘书二科科长',
    dept: 'office',
    roles: ['secretary', 'office_staff'],
    label: '秘书（常务副市长）',
    login: true,
  },
  { username: 'reviewer', name: '陈静', title: '文电科科长', dept: 'office', roles: ['reviewer', 'office_staff'], label: '核稿人', login: true },
  { username: 'clerk', name: '刘洋', title: '文电科科员', dept: 'office', roles: ['clerk', 'office_staff'], label: '收发员', login: true },
  { username: 'staff', name: '孙丽', title: '督查科副科长', dept: 'office', roles: ['office_staff'], label: '办公室工作人员', login: true },
  { username: 'drafter', name: '吴晓东', title: '市教育局办公室副主任', dept: 'education', roles: ['drafter'], label: '拟稿人（市教育局）', login: true },
  { username: 'czj.drafter', name: '林晓峰', title: '市财政局预算科科员', dept: 'finance', roles: ['drafter'], label: '拟稿人（市财政局）' },
  { username: 'fgw.drafter', name: '蒋文博', title: '市发展改革委综合科科员', dept: 'drc', roles: ['drafter'], label: '拟稿人（市发展改革委）' },
];

interface DemoLeader {
  username: string;
  name: string;
  post: string;
  rank: keyof typeof RANK_ORDER;
  precedence: number;
  line: 'first' | 'second';
  principal?: true;
  secretary?: string;
  charges: [area: string, dept?: string][];
  login?: true;
}

const LEADERS: DemoLeader[] = [
  {
    username: 'leader',
    name: '张国华',
    post: '市长',
    rank: '正厅级',
    precedence: 1,
    line: 'first',
    principal: true,
    secretary: 'secretary1',
    login: true,
    charges: [['主持市政府全面工作'], ['审计']],
  },
  {
    username: 'deputy',
    name: '李卫东',
    post: '常务副市长',
    rank: '副厅级',
    precedence: 2,
    line: 'first',
    secretary: 'secretary2',
    login: true,
    charges: [['发展改革', 'drc'], ['财政', 'finance'], ['自然资源和规划', 'land'], ['市政府办公室日常工作', 'office'], ['金融、税务']],
  },
  {
    username: 'wangfang',
    name: '王芳',
    post: '副市长',
    rank: '副厅级',
    precedence: 3,
    line: 'first',
    secretary: 'secretary2',
    login: true,
    charges: [
      ['教育', 'education'],
      ['卫生健康', 'health'],
      ['民政', 'civil'],
      ['文化和旅游', 'culture'],
    ],
  },
  {
    username: 'zhaojj',
    name: '赵建军',
    post: '副市长、市公安局局长',
    rank: '副厅级',
    precedence: 4,
    line: 'first',
    charges: [['公安', 'police'], ['司法行政'], ['信访']],
  },
  {
    username: 'liuzq',
    name: '刘志强',
    post: '副市长',
    rank: '副厅级',
    precedence: 5,
    line: 'first',
    charges: [['住房和城乡建设', 'housing'], ['应急管理和安全生产', 'emergency'], ['交通运输'], ['城市管理']],
  },
  {
    username: 'zhouht',
    name: '周海涛',
    post: '副市长',
    rank: '副厅级',
    precedence: 6,
    line: 'first',
    charges: [['外事', 'foreign'], ['商务和招商引资'], ['农业农村']],
  },
  {
    username: 'sunlx',
    name: '孙立新',
    post: '市政府秘书长',
    rank: '正处级',
    precedence: 7,
    line: 'first',
    charges: [['协助市长处理市政府日常工作'], ['市政府办公室', 'office']],
  },
  {
    username: 'wugp',
    name: '吴国平',
    post: '市政府二级巡视员（原副市长）',
    rank: '副厅级',
    precedence: 21,
    line: 'second',
    login: true,
    charges: [['联系老干部工作'], ['重大项目建设督导']],
  },
  {
    username: 'zhengxl',
    name: '郑秀兰',
    post: '市政府一级调研员（原市政府秘书长）',
    rank: '正处级',
    precedence: 22,
    line: 'second',
    charges: [['联系群众性文体活动', 'culture'], ['关心下一代工作']],
  },
];

/** The accounts shown in the startup banner. */
export const DEMO_LOGINS: readonly DemoLogin[] = [
  ...PEOPLE.filter((p) => p.login).map((p) => ({ username: p.username, name: p.name, label: p.label })),
  ...LEADERS.filter((l) => l.login).map((l) => ({ username: l.username, name: l.name, label: `领导·${l.post}` })),
  { username: 'liaison', name: '周晓梅', label: '部门联络员（市教育局）' },
];

const DAY_MS = 86_400_000;

/** `days` from now, at hh:mm China time, moved past a weekend to the next Monday. */
function chinaTime(now: Date, days: number, hh: number, mm = 0): Date {
  let d = new Date(now.getTime() + 8 * 3600_000 + days * DAY_MS);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d = new Date(d.getTime() + DAY_MS);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hh - 8, mm));
}

/** Load the demo organisation into an empty database; does nothing if any user exists. */
export async function seedDemo(ctx: Pick<AppContext, 'db' | 'clock'>): Promise<void> {
  const { db, clock } = ctx;
  if (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) return;
  const hash = await hashPassword(DEMO_PASSWORD);
  const nowDate = clock.now();
  const now = nowDate.toISOString();

  await runTx(db, async (tx) => {
    if (await tx.selectFrom('users').select('id').limit(1).executeTakeFirst()) return;

    // organs: the list above, then the city's departments as organs of kind 部门
    const organId = new Map(ORGANS.map((o) => [o.key, newId()]));
    for (const d of DEPARTMENTS) if (d.key !== 'office') organId.set(`dept:${d.key}`, newId());
    const organRows: Insertable<OrgansTable>[] = [
      ...ORGANS.map((o) => ({
        id: organId.get(o.key)!,
        name: o.name,
        short_name: o.short,
        kind: o.kind,
        level: o.level,
        parent_id: o.parent ? organId.get(o.parent)! : null,
        is_self: (o.self ? 1 : 0) as 0 | 1,
        doc_code: o.docCode ?? null,
        active: 1 as const,
        version: 1,
        created_at: now,
        updated_at: now,
      })),
      ...DEPARTMENTS.filter((d) => d.key !== 'office').map((d) => ({
        id: organId.get(`dept:${d.key}`)!,
        name: `某${d.name}`,
        short_name: d.short,
        kind: '部门',
        level: 3,
        parent_id: organId.get('city_gov')!,
        is_self: 0 as const,
        doc_code: d.docCode,
        active: 1 as const,
        version: 1,
        created_at: now,
        updated_at: now,
      })),
    ];
    // parents before children (foreign keys)
    await tx
      .insertInto('organs')
      .values(organRows.filter((o) => !o.parent_id))
      .execute();
    await tx
      .insertInto('organs')
      .values(organRows.filter((o) => o.parent_id))
      .execute();
    await tx
      .insertInto('organ_superiors')
      .values(
        ORGANS.flatMap((o) =>
          (o.superiors ?? []).map((s) => ({
            organ_id: organId.get(o.key)!,
            superior_id: organId.get(s)!,
          })),
        ),
      )
      .execute();
    const self = organId.get('city_gov')!;

    const deptId = new Map(DEPARTMENTS.map((d) => [d.key, newId()]));
    await tx
      .insertInto('departments')
      .values(
        DEPARTMENTS.map(
          (d, i): Insertable<DepartmentsTable> => ({
            id: deptId.get(d.key)!,
            organ_id: self,
            name: d.name,
            short_name: d.short,
            functions: toJson(d.functions),
            sort: (i + 1) * 10,
            active: 1,
            version: 1,
            created_at: now,
            updated_at: now,
          }),
        ),
      )
      .execute();

    const people: (DemoPerson & { id: string })[] = [
      ...PEOPLE,
      ...DEPARTMENTS.filter((d) => d.liaison).map((d) => ({
        username: d.liaison![0],
        name: d.liaison![1],
        title: `${d.short}办公室科员`,
        dept: d.key,
        roles: ['liaison'] as Role[],
        label: '部门联络员',
      })),
      ...LEADERS.map((l) => ({ username: l.username, name: l.name, title: l.post, dept: null, roles: ['leader'] as Role[], label: l.post })),
    ].map((p) => ({ ...p, id: newId() }));
    const userId = new Map(people.map((p) => [p.username, p.id]));
    await tx
      .insertInto('users')
      .values(
        people.map(
          (p): Insertable<UsersTable> => ({
            id: p.id,
            username: p.username,
            name: p.name,
            password_hash: hash,
            organ_id: self,
            department_id: p.dept ? deptId.get(p.dept)! : null,
            title: p.title,
            phone: null,
            active: 1,
            must_change_password: 0,
            feed_token: newToken(),
            version: 1,
            created_at: now,
            updated_at: now,
          }),
        ),
      )
      .execute();
    await tx
      .insertInto('user_roles')
      .values(people.flatMap((p) => p.roles.map((role) => ({ user_id: p.id, role }))))
      .execute();

    await tx
      .insertInto('leaders')
      .values(
        LEADERS.map(
          (l): Insertable<LeadersTable> => ({
            user_id: userId.get(l.username)!,
            post: l.post,
            rank: l.rank,
            rank_order: RANK_ORDER[l.rank],
            precedence: l.precedence,
            line: l.line,
            principal: l.principal ? 1 : 0,
            secretary_id: l.secretary ? userId.get(l.secretary)! : null,
            version: 1,
            updated_at: now,
          }),
        ),
      )
      .execute();
    await tx
      .insertInto('leader_charges')
      .values(
        LEADERS.flatMap((l) =>
          l.charges.map(([area, dept]) => ({
            id: newId(),
            leader_id: userId.get(l.username)!,
            area,
            department_id: dept ? deptId.get(dept)! : null,
          })),
        ),
      )
      .execute();

    const office = userId.get('office')!;
    const absences: [string, 'leave' | 'trip' | 'business' | 'blocked', Date, Date, string, string][] = [
      ['leader', 'business', chinaTime(nowDate, 1, 14, 30), chinaTime(nowDate, 1, 17, 30), '赴甲县调研乡村振兴工作', 'secretary1'],
      ['deputy', 'trip', chinaTime(nowDate, 3, 8), chinaTime(nowDate, 4, 18), '赴省城参加全省经济工作会议', 'secretary2'],
      ['wangfang', 'leave', chinaTime(nowDate, 8, 0), chinaTime(nowDate, 9, 24), '年休假', 'office'],
      ['zhouht', 'trip', chinaTime(nowDate, 12, 8), chinaTime(nowDate, 14, 20), '带队赴深圳开展招商引资活动', 'office'],
      ['liuzq', 'business', chinaTime(nowDate, 16, 9), chinaTime(nowDate, 16, 12), '赴省应急管理厅汇报安全生产工作', 'office'],
    ];
    await tx
      .insertInto('absences')
      .values(
        absences.map(([who, kind, s, e, note, by]) => ({
          id: newId(),
          user_id: userId.get(who)!,
          kind,
          starts_at: s.toISOString(),
          ends_at: e.toISOString(),
          note,
          created_by: userId.get(by) ?? office,
          created_at: now,
        })),
      )
      .execute();

    await appendAudit(tx, clock, {
      actorId: null,
      action: 'system.demo_seeded',
      entityType: 'system',
      detail: { organs: organRows.length, departments: DEPARTMENTS.length, people: people.length, leaders: LEADERS.length, absences: absences.length },
    });
  });
}
