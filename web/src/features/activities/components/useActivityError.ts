import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { errorMessage, isConflict, isStale } from '../../../lib/http';
import { placeServerError } from './ActivityFields';

export const ACTIVITY_STALE_MESSAGE = '该活动已被他人更新，已刷新为最新状态';

/** A 409 refetches and says so; a 400 naming a field goes onto it; anything else is a toast. Returns true on 409. */
export function useActivityError(refresh: () => void) {
  const { message } = App.useApp();
  return useCallback(
    (e: unknown, form?: FormInstance, place?: (form: FormInstance, e: unknown) => boolean): boolean => {
      if (isConflict(e)) {
        // stale_version: someone else was first; invalid_state: the step no longer applies (the server says why)
        message.warning(isStale(e) ? ACTIVITY_STALE_MESSAGE : errorMessage(e));
        refresh();
        return true;
      }
      if (form && (place ?? placeServerError)(form, e)) return false;
      message.error(errorMessage(e));
      return false;
    },
    [message, refresh],
  );
}
