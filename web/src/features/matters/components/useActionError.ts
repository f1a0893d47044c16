import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { applyServerError } from '../../../lib/forms';
import { errorMessage, isConflict, isStale } from '../../../lib/http';

export const STALE_MESSAGE = '该事项已被他人更新，已刷新为最新状态';

/**
 * How every action on a matter reports a failure: a lost race (409) refreshes the matter and
 * says so; a bad field goes onto the form; anything else is a toast with the server's message.
 * Returns true when the failure was a stale version (the caller may close its dialog).
 */
export function useActionError(refresh: () => void) {
  const { message } = App.useApp();
  return useCallback(
    (e: unknown, form?: FormInstance): boolean => {
      if (isConflict(e)) {
        // stale_version: someone else was first; invalid_state: the step no longer applies (the server says why)
        message.warning(isStale(e) ? STALE_MESSAGE : errorMessage(e));
        refresh();
        return true;
      }
      if (form && applyServerError(form, e)) return false;
      message.error(errorMessage(e));
      return false;
    },
    [message, refresh],
  );
}
