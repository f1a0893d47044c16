import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { SessionDialog } from '../components/SessionDialog';
import { ApiError, http, setCsrfToken } from './http';
import type { Me } from './types';

interface AuthValue {
  me: Me | null;
  loading: boolean;
  error: unknown;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  changePassword(oldPassword: string, newPassword: string): Promise<void>;
  refresh(): Promise<unknown>;
}

/**
 * Log in again after the session ended, from the login dialog: unlike `login` the page's queries
 * stay (the failed requests are sent again). The new session's CSRF token replaces the old one.
 * The person is only taken as `me` when it is the same person; the dialog reloads otherwise.
 */
async function loginAgain(qc: ReturnType<typeof useQueryClient>, username: string, password: string): Promise<Me> {
  const me = await http.post<Me>('/auth/login', { username, password }, { noRedirect: true });
  setCsrfToken(me.csrfToken, me.id);
  const before = qc.getQueryData<Me | null>(ME_KEY);
  if (before && before.id === me.id) qc.setQueryData(ME_KEY, me);
  return me;
}

const AuthContext = createContext<AuthValue | null>(null);
export const ME_KEY = ['auth', 'me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await http.get<Me>('/auth/me', undefined, { noRedirect: true });
    setCsrfToken(me.csrfToken, me.id);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, refetchOnWindowFocus: false });

  const login = useCallback(
    async (username: string, password: string) => {
      const me = await http.post<Me>('/auth/login', { username, password }, { noRedirect: true });
      setCsrfToken(me.csrfToken, me.id);
      qc.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      qc.setQueryData(ME_KEY, me);
      return me;
    },
    [qc],
  );

  const logout = useCallback(async () => {
    try {
      await http.post('/auth/logout', {}, { noRedirect: true });
    } catch {
      /* the session may already be gone */
    }
    setCsrfToken(null);
    qc.clear();
    qc.setQueryData(ME_KEY, null);
  }, [qc]);

  const changePassword = useCallback(
    async (oldPassword: string, newPassword: string) => {
      await http.post('/auth/password', { oldPassword, newPassword });
      await qc.invalidateQueries({ queryKey: ME_KEY });
    },
    [qc],
  );

  const value = useMemo<AuthValue>(
    () => ({ me: q.data ?? null, loading: q.isPending, error: q.error, login, logout, changePassword, refresh: () => q.refetch() }),
    [q.data, q.isPending, q.error, login, logout, changePassword, q],
  );
  const relogin = useCallback((username: string, password: string) => loginAgain(qc, username, password), [qc]);
  return (
    <AuthContext.Provider value={value}>
      {children}
      {/* inside the providers, outside the router: the page under it stays mounted while it is open */}
      <SessionDialog me={value.me} relogin={relogin} />
    </AuthContext.Provider>
  );
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** The current user inside the authenticated layout (never null there). */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a session');
  return me;
}
