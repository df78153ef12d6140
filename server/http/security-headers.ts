/**
 * Headers every response carries (web app, API, downloads). The policy fits the built web app:
 * scripts, workers and data only from our own origin; inline style attributes are allowed because
 * ECharts writes its tooltips with them; images may be data: or blob: URLs (graph and chart exports).
 */
const webAppPolicy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * GraphiQL (development only) is one self-contained page from @graphql-yoga/render-graphiql: no CDN,
 * but an inline script and its editor's workers made from blob: URLs.
 */
const graphiqlPolicy = {
  ...webAppPolicy,
  'script-src': ["'self'", "'unsafe-inline'", 'blob:'],
};

const toHeader = (policy: Record<string, string[]>) =>
  Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');

const contentSecurityPolicy = toHeader(webAppPolicy);
export const graphiqlContentSecurityPolicy = toHeader(graphiqlPolicy);

/** The headers for every response; HSTS only when served over https (`COOKIE_SECURE`). */
export function securityHeaders(https: boolean): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy,
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin',
    ...(https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
