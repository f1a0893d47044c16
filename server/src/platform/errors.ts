/**
 * Application errors carry their HTTP status, a stable code and a Chinese message that says what
 * to do. Services throw them; the HTTP layer renders the one error shape. Clients react to the
 * code, never to the text:
 *
 * | status | code | meaning |
 * |---|---|---|
 * | 400 | bad_request / validation_failed | the request itself is wrong (the path names the field) |
 * | 403 | forbidden | the actor may not take this action |
 * | 404 | not_found | no such record, or not the actor's to see (need-to-know) |
 * | 409 | stale_version | someone else changed the record first: reload and retry |
 * | 409 | invalid_state | the record is not in a state where this action applies |
 * | 409 | duplicate | a unique value (a name, a number) is taken |
 * | 409 | concurrent_update | the database could not serialise the change after retries |
 * | 422 | rule_violation | a rule refuses the step (a guard), e.g. an open disagreement |
 * | 422 | owned_event | the event belongs to a command with its own route |
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
/** A compare-and-set lost: the row's version moved on since the client read it. */
export const staleVersion = (message = '该记录已被他人修改，请刷新后重试') => new AppError(409, 'stale_version', message);
/** The action does not apply in the record's current state (closed, already done, wrong step). */
export const invalidState = (message: string) => new AppError(409, 'invalid_state', message);
/** A unique value is taken. */
export const duplicate = (message: string, path?: string) => new AppError(409, 'duplicate', message, path);
export const concurrentUpdate = (message = '系统繁忙，多人同时修改了相关记录，请稍后重试') => new AppError(409, 'concurrent_update', message);
export const ruleViolation = (message: string, path?: string) => new AppError(422, 'rule_violation', message, path);
export const ownedEvent = (message: string) => new AppError(422, 'owned_event', message);
export const tooMany = (message: string) => new AppError(429, 'too_many_requests', message);
