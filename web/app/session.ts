import { computed, signal } from '@preact/signals';

/**
 * Who is using the app: the one place role-aware rendering reads from. Filled from the server's `me`
 * on load and by sign-in; the session itself is an HttpOnly cookie the page never sees.
 */
export type Role = 'viewer' | 'staff' | 'consultant' | 'admin';

export interface Session {
  /** Null until known: `checked` says whether the server was asked yet. */
  account: { id: string; name: string; email: string; role: Role } | null;
  checked: boolean;
}

export const session = signal<Session>({ account: null, checked: false });

const rank: Record<Role, number> = { viewer: 0, consultant: 1, staff: 2, admin: 3 };

/** True when the signed-in role is at least `role` (viewer < consultant < staff < admin). */
export function atLeast(role: Role): boolean {
  const account = session.value.account;
  return account !== null && rank[account.role] >= rank[role];
}

/** Screens for editors and outreach check this before rendering their controls. */
export const canEdit = computed(() => atLeast('staff'));

/** Outreach screens (people … report, consultants): admin, staff, consultant. */
export const canOutreach = computed(() => atLeast('consultant'));
