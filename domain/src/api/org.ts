import { z } from 'zod';
import { Id, IsoDateTime, NonEmpty, Timestamp, Version } from './common';
import { ROLES } from '../kernel/roles';

export const ORGAN_KIND_VALUES = [
  '党委',
  '政府',
  '人大',
  '人大常委会',
  '政协',
  '部门',
  '办公厅室',
  '内设机构',
  '议事协调机构',
  '事业单位',
  '群团',
  '企业',
  '其他',
] as const;
export const LEVEL_LABELS: Record<number, string> = { 1: '中央', 2: '省级', 3: '市级', 4: '县级', 5: '乡镇级', 6: '村（社区）' };

export const Organ = z
  .object({
    id: z.string(),
    name: z.string(),
    shortName: z.string().nullable(),
    kind: z.string(),
    level: z.number().int(),
    parentId: z.string().nullable(),
    superiorIds: z.array(z.string()),
    isSelf: z.boolean(),
    docCode: z.string().nullable(),
    active: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'Organ', title: '机关', description: '机关（党委、政府、部门、外单位等），含级别和上级机关' });
export type Organ = z.infer<typeof Organ>;
const OrganFields = z.object({
  name: NonEmpty(100),
  shortName: z.string().trim().max(50).nullable().optional(),
  kind: z.enum(ORGAN_KIND_VALUES, { message: '机关类别不在允许范围内' }),
  level: z.number().int().min(1, '级别为1（中央）至6（村社区）').max(6, '级别为1（中央）至6（村社区）'),
  parentId: Id.nullable().optional(),
  superiorIds: z.array(Id).max(20),
  docCode: z.string().trim().max(20).nullable().optional(),
});
export const OrganInput = OrganFields.extend({ superiorIds: OrganFields.shape.superiorIds.default([]) });
/** A patch tells "not given" from "given": no defaults, so absent fields stay as they are. */
export const OrganPatch = OrganFields.partial().extend({ version: Version });
export const OrganRelation = z
  .object({
    from: z.string(),
    to: z.string(),
    relation: z.enum(['self', 'superior', 'subordinate', 'peer', 'unrelated']),
    label: z.string(),
  })
  .meta({ id: 'OrganRelation', title: '机关关系', description: '两个机关之间的关系：本机关、上级、下级、平级或不相隶属' });

export const Department = z
  .object({
    id: z.string(),
    organId: z.string(),
    name: z.string(),
    shortName: z.string().nullable(),
    functions: z.array(z.string()),
    sort: z.number().int(),
    active: z.boolean(),
    version: z.number().int(),
    liaisons: z.array(z.object({ id: z.string(), name: z.string() })),
    leaders: z.array(z.object({ id: z.string(), name: z.string(), post: z.string() })),
  })
  .meta({ id: 'Department', title: '部门', description: '本机关的部门及其职责、联络员和分管领导' });
export type Department = z.infer<typeof Department>;
const DepartmentFields = z.object({
  name: NonEmpty(100),
  shortName: z.string().trim().max(30).nullable().optional(),
  functions: z.array(NonEmpty(500)).max(50),
  sort: z.number().int().min(0).max(9999),
});
export const DepartmentInput = DepartmentFields.extend({
  functions: DepartmentFields.shape.functions.default([]),
  sort: DepartmentFields.shape.sort.default(0),
});
export const DepartmentPatch = DepartmentFields.partial().extend({ version: Version });

export const LEADER_LINES = ['first', 'second'] as const;
export const LeaderProfile = z
  .object({
    post: z.string(),
    rank: z.string(),
    rankOrder: z.number().int(),
    precedence: z.number().int(),
    line: z.enum(LEADER_LINES),
    principal: z.boolean(),
    secretaryId: z.string().nullable(),
    charges: z.array(z.object({ area: z.string(), departmentId: z.string().nullable(), departmentName: z.string().nullable() })),
  })
  .meta({ id: 'LeaderProfile', title: '领导信息', description: '职务、级别、排序、一线/二线和分管范围' });
export const Person = z
  .object({
    id: z.string(),
    username: z.string(),
    name: z.string(),
    title: z.string().nullable(),
    phone: z.string().nullable(),
    organId: z.string(),
    departmentId: z.string().nullable(),
    departmentName: z.string().nullable(),
    roles: z.array(z.enum(ROLES)),
    active: z.boolean(),
    version: z.number().int(),
    leader: LeaderProfile.nullable(),
  })
  .meta({ id: 'Person', title: '人员', description: '本机关的人员（账号），含角色；领导另有领导信息' });
export type Person = z.infer<typeof Person>;
export const PersonInput = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_.-]{2,31}$/, '用户名为3至32位小写字母、数字、下划线、点或连字符，以字母开头'),
  name: NonEmpty(50),
  title: z.string().trim().max(100).nullable().optional(),
  phone: z.string().trim().max(30).nullable().optional(),
  departmentId: Id.nullable().optional(),
  roles: z
    .array(z.enum(ROLES, { message: '角色不在允许范围内' }))
    .min(1, '至少需要一个角色')
    .max(ROLES.length),
  password: z.string().min(10, '初始密码至少10位').max(256),
});
export const PersonPatch = z.object({
  name: NonEmpty(50).optional(),
  title: z.string().trim().max(100).nullable().optional(),
  phone: z.string().trim().max(30).nullable().optional(),
  departmentId: Id.nullable().optional(),
  version: Version,
});
export const RolesInput = z.object({
  roles: z
    .array(z.enum(ROLES, { message: '角色不在允许范围内' }))
    .min(1, '至少需要一个角色')
    .max(ROLES.length),
  version: Version,
});
export const ResetPasswordInput = z.object({ password: z.string().min(10, '密码至少10位').max(256) });
export const LeaderInput = z.object({
  post: NonEmpty(50),
  rank: NonEmpty(30),
  rankOrder: z.number().int().min(1).max(99),
  precedence: z.number().int().min(1).max(999),
  line: z.enum(LEADER_LINES, { message: '一线/二线取值应为 first 或 second' }),
  principal: z.boolean().default(false),
  secretaryId: Id.nullable().optional(),
  charges: z
    .array(z.object({ area: NonEmpty(100), departmentId: Id.nullable().optional() }))
    .max(30)
    .default([]),
});

export const ABSENCE_KINDS = ['leave', 'trip', 'business', 'blocked'] as const;
export const ABSENCE_LABELS: Record<(typeof ABSENCE_KINDS)[number], string> = { leave: '请假', trip: '出差', business: '公务外出', blocked: '时间已占用' };
export const Absence = z
  .object({
    id: z.string(),
    userId: z.string(),
    userName: z.string(),
    kind: z.enum(ABSENCE_KINDS),
    startsAt: Timestamp,
    endsAt: Timestamp,
    note: z.string().nullable(),
    /** on creation: what recording it changed (e.g. activities that now need another leader) */
    notices: z.array(z.string()).optional(),
  })
  .meta({ id: 'Absence', title: '外出、请假', description: '人员外出、请假或时间已占用的时段 [startsAt, endsAt)' });
export type Absence = z.infer<typeof Absence>;
export const AbsenceInput = z
  .object({
    userId: Id,
    kind: z.enum(ABSENCE_KINDS, { message: '类型应为 请假/出差/公务外出/时间已占用 之一' }),
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    note: z.string().trim().max(500).nullable().optional(),
  })
  .refine((v) => Date.parse(v.endsAt) > Date.parse(v.startsAt), { message: '结束时间必须晚于开始时间', path: ['endsAt'] });
