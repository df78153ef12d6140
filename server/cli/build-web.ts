/** `npm run build:web`: builds the web app if its sources changed (server/http/web-build.ts). */
import { ensureWebBuilt } from '../http/web-build.ts';

ensureWebBuilt(console.log).then(
  (outcome) => outcome === 'up to date' && console.log('web app: up to date (web/dist)'),
  (error: unknown) => {
    console.error('web app: the build failed:', error);
    process.exit(1);
  },
);
