/** The sign-in form; `next` is where the browser goes afterwards (already checked). */
import type { PageContext } from '../../page-context.js';
import { Problem } from '../../components/notices.js';

export interface LoginViewProps {
  ctx: PageContext;
  next: string;
  /** Why the last attempt did not sign in, in words. */
  problem?: string;
}

export function LoginView({ ctx, next, problem }: LoginViewProps) {
  return (
    <>
      {problem && <Problem text={problem} />}
      <form method="post" action="/login">
        <input type="hidden" name="next" value={next} />
        <label for="login">{ctx.t('login.name')}</label>
        <input id="login" name="login" autocomplete="username" required />
        <label for="password">{ctx.t('login.password')}</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
        />
        <p>
          <button type="submit">{ctx.t('login.submit')}</button>
        </p>
      </form>
    </>
  );
}
