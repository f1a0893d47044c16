/** The whole app, loaded after the entry (see main.tsx): locale set-up, then the providers and routes. */
import { z } from 'zod';
import { api } from '@xietiao/domain';
import zhCN from 'zod/v4/locales/zh-CN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './App';

dayjs.locale('zh-cn');
// Validation messages of the shared schemas that carry no message of their own, in Chinese.
z.config(zhCN());
z.config({ customError: api.chineseIssueMessage });

export function AppRoot() {
  return <App />;
}
