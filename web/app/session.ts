import { computed, signal } from '@preact/signals';

/**
 * Who is using the app: the one place role-aware rendering reads from. Today the server trusts the
 * x-role header and the app reads as staff; when accounts land, sign-in fills `account` and `role`
 * from the server's answer and the rest of the app follows.
 */
export type Role = 'viewer' | 'staff' | 'consultant' | 'admin';

export interface Session {
  role: Role;
  /** The signed-in account; null until accounts exist (then: signed out). */
  account: { id: string; name: string } | null;
}

export const session = signal<Session>({ role: 'staff', account: null });

const rank: Record<Role, number> = { viewer: 0, consultant: 1, staff: 2, admin: 3 };

/** True when the session's role is at least `role` (viewer < consultant < staff < admin). */
export function atLeast(role: Role): boolean {
  return rank[session.value.role] >= rank[role];
}

/** Screens for editors and outreach (not built yet) check this before rendering their controls. */
export const canEdit = computed(() => atLeast('staff'));
