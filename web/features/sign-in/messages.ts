import type { Catalogue } from '../../app/i18n.ts';

/** Signing in and out. */
export const zh = {
  'signIn.email': '邮箱',
  'signIn.password': '密码',
  'signIn.failed': '登录失败',
  'signIn.out': '退出',
} satisfies Catalogue;

export const en: Catalogue<keyof typeof zh> = {
  'signIn.email': 'E-mail',
  'signIn.password': 'Password',
  'signIn.failed': 'Sign-in failed',
  'signIn.out': 'Sign out',
};
