import type { Request } from '../../api/graphql-client.ts';
import { loginMutation, meQuery, type SignedInAccount } from '../../api/operations.ts';
import { h } from '../../ui/dom.ts';

/**
 * Resolves with the signed-in account: at once when the session cookie is valid, otherwise after the
 * user signs in with the form shown in `host` (the server sets the HttpOnly cookie).
 */
export async function ensureSignedIn(
  host: HTMLElement,
  request: Request,
): Promise<SignedInAccount> {
  const { me } = await request(meQuery, {});
  if (me) return me;
  return new Promise((resolve) => {
    const email = h('input', {
      id: 'sign-in-email',
      type: 'email',
      autocomplete: 'username',
      required: true,
    });
    const password = h('input', {
      id: 'sign-in-password',
      type: 'password',
      autocomplete: 'current-password',
      required: true,
    });
    const problem = h('p', { class: 'sign-in-problem', role: 'alert' });
    const form = h(
      'form',
      { class: 'sign-in', 'aria-label': '登录 (sign in)' },
      h('h2', {}, '登录 (sign in)'),
      h('label', { for: 'sign-in-email' }, '邮箱 (e-mail)'),
      email,
      h('label', { for: 'sign-in-password' }, '密码 (password)'),
      password,
      h('button', { type: 'submit' }, '登录 (sign in)'),
      problem,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      problem.textContent = '';
      void request(loginMutation, { email: email.value, password: password.value }).then(
        ({ login }) => {
          if (login.data) {
            host.hidden = true;
            form.remove();
            resolve(login.data.account);
          } else {
            problem.textContent = `登录失败 (sign-in failed): ${login.message ?? login.__typename}`;
          }
        },
        (error: Error) => {
          problem.textContent = `登录失败 (sign-in failed): ${error.message}`;
        },
      );
    });
    host.append(form);
    host.hidden = false;
    email.focus();
  });
}
