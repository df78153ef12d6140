import { signal } from '@preact/signals';

/**
 * Hash routes, so the server only has to serve index.html at `/`: #/explore, #/paths, #/maps,
 * #/views. Signed out, every route shows the sign-in form. Outreach, import and account screens add their route here and in App.
 */
/** Screens only roles with the outreach scope see (admin, staff, consultant). */
export const outreachRoutes = [
  'people',
  'segments',
  'events',
  'pipeline',
  'follow-ups',
  'report',
  'consultants',
] as const;

const routeNames = [
  'explore',
  'paths',
  'maps',
  'views',
  ...outreachRoutes,
  'import',
  'duplicates',
  'admin',
] as const;
export type RouteName = (typeof routeNames)[number];

/** True for the outreach screens. */
export const isOutreachRoute = (name: RouteName): boolean =>
  (outreachRoutes as readonly string[]).includes(name);

export interface Route {
  name: RouteName;
  params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const name = (routeNames as readonly string[]).includes(path) ? (path as RouteName) : 'explore';
  return { name, params: new URLSearchParams(query) };
}

export const route = signal<Route>(parseRoute(globalThis.location?.hash ?? ''));

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => {
    route.value = parseRoute(window.location.hash);
  });
}

export function href(name: RouteName, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return `#/${name}${query ? `?${query}` : ''}`;
}

export function navigate(name: RouteName, params: Record<string, string> = {}): void {
  window.location.hash = href(name, params);
}
