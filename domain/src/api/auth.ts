import { z } from 'zod';
import { ROLES } from '../kernel/roles';

export const LoginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});
export const Me = z.object({
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
  csrfToken: z.string(),
  feedToken: z.string(),
  /** the kinds of matter this person may register (新建): from `mayRegister` */
  mayRegister: z.array(z.string()).default([]),
});
export type Me = z.infer<typeof Me>;
export const ChangePasswordBody = z.object({
  oldPassword: z.string().min(1, '请输入原密码').max(256),
  newPassword: z
    .string()
    .min(10, '新密码至少10位')
    .max(256)
    .refine((v) => /[A-Za-z]/.test(v) && /\d/.test(v), '新密码须同时包含字母和数字'),
});
