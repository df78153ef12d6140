import { useState } from 'preact/hooks';
import { request } from '../../app/api.ts';
import { t } from '../../app/i18n.ts';
import { errorText } from '../../app/problems.ts';
import { session } from '../../app/session.ts';
import { loginMutation } from './queries.ts';

/**
 * The sign-in form. The server answers with an HttpOnly session cookie (the token never reaches page
 * scripts); the form only learns who signed in.
 */
export function SignInView() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem('');
    try {
      const { login } = await request(loginMutation, { email, password });
      if ('data' in login) session.value = { account: login.data.account, checked: true };
      else setProblem(`${t('signIn.failed')}${t('problem.colon')}${errorText(login)}`);
    } catch (error) {
      setProblem(`${t('signIn.failed')}: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="page sign-in-page" id="sign-in">
      <form class="sign-in" aria-label={t('nav.signIn')} onSubmit={submit}>
        <h2>{t('nav.signIn')}</h2>
        <label for="sign-in-email">{t('signIn.email')}</label>
        <input
          id="sign-in-email"
          type="email"
          autocomplete="username"
          required
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        <label for="sign-in-password">{t('signIn.password')}</label>
        <input
          id="sign-in-password"
          type="password"
          autocomplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        <button type="submit" class="button" disabled={busy}>
          {t('nav.signIn')}
        </button>
        <p class="sign-in-problem" role="alert">
          {problem}
        </p>
      </form>
    </main>
  );
}
