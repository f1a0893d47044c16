import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { api } from '@xietiao/domain';
import zhCN from 'zod/v4/locales/zh-CN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './App';
import './styles.css';

dayjs.locale('zh-cn');
// Validation messages of the shared schemas that carry no message of their own, in Chinese.
z.config(zhCN());
z.config({ customError: api.chineseIssueMessage });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
