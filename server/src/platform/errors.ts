/**
 * Application errors carry their HTTP status, a stable code and a Chinese message that says what
 * to do. Services throw them; the HTTP layer renders the one error shape.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, path?: string) => new AppError(400, 'bad_request', message, path);
export const unauthorized = (message = '请先登录') => new AppError(401, 'unauthorized', message);
export const forbidden = (message = '您没有权限执行此操作') => new AppError(403, 'forbidden', message);
/** Also used for "exists but not yours to see": need-to-know must not leak existence. */
export const notFound = (what = '记录') => new AppError(404, 'not_found', `${what}不存在或您无权查看`);
export const conflict = (message = '该记录已被他人修改，请刷新后重试') => new AppError(409, 'conflict', message);
export const ruleViolation = (message: string, path?: string) => new AppError(422, 'rule_violation', message, path);
export const tooMany = (message: string) => new AppError(429, 'too_many_requests', message);
