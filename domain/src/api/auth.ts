import { z } from 'zod';
import { ROLES } from '../kernel/roles';

export const LoginBody = z
  .object({
    username: z.string().trim().min(1, '请输入用户名').max(64),
    password: z.string().min(1, '请输入密码').max(256),
  })
  .meta({
    id: 'LoginRequest',
    title: '登录请求',
    description: '用户名和密码。示例为演示数据中的办公室主任账号。',
    examples: [{ username: 'office', password: 'xietiao-demo' }],
  });
export const Me = z
  .object({
    id: z.string(),
    username: z.string(),
    name: z.string(),
    title: z.string().nullable(),
    organId: z.string(),
    departmentId: z.string().nullable(),
    departmentName: z.string().nullable(),
    roles: z.array(z.enum(ROLES)),
    isLeader: z.boolean(),
    mustChangePassword: z.boolean(),
    csrfToken: z.string().meta({ description: '本次会话的 CSRF 令牌：POST、PUT、PATCH、DELETE 请求须在请求头 x-csrf-token 中带上' }),
    feedToken: z.string().meta({ description: '个人日历订阅地址（/api/feeds/{token}/…）中的密钥' }),
    /** the kinds of matter this person may register (新建): from `mayRegister` */
    mayRegister: z.array(z.string()).default([]).meta({ description: '此人可以登记（新建）的事项类型' }),
  })
  .meta({ id: 'Me', title: '当前用户', description: '已登录的人员、其角色和本次会话的 CSRF 令牌' });
export type Me = z.infer<typeof Me>;
export const ChangePasswordBody = z.object({
  oldPassword: z.string().min(1, '请输入原密码').max(256),
  newPassword: z
    .string()
    .min(10, '新密码至少10位')
    .max(256)
    .refine((v) => /[A-Za-z]/.test(v) && /\d/.test(v), '新密码须同时包含字母和数字'),
});
