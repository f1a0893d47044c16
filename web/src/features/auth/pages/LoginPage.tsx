import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../../lib/auth';
import { isAdmin } from '../../../lib/roles';
import type { Me } from '../../../lib/types';
import { LoginForm, safeNext } from '../login/LoginForm';
import { noticeFor } from '../login/standalone';

/** The app's /login route (after a sign-out, or a redirect inside the app): the same form as the shell. */
export function LoginPage() {
  const { me, login } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const where = (who: Me) => (who.mustChangePassword ? '/password' : (safeNext(params.get('next')) ?? (isAdmin(who) ? '/admin' : '/')));

  if (me) return <Navigate to={where(me)} replace />;
  return (
    <LoginForm
      notice={noticeFor(params)}
      login={async (username, password) => {
        const who = await login(username, password);
        navigate(where(who), { replace: true });
      }}
    />
  );
}
