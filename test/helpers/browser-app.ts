import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { TestAccount } from './test-accounts.ts';
import { startTestServer, type TestServer } from './test-server.ts';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Where browser tests save their screenshots (git-ignored); `npm run screenshots` copies the ones the
 * README shows into web/screenshots/.
 */
export const screenshots = fileURLToPath(new URL('../.artifacts/screenshots/', import.meta.url));

/** The built web app served by the real server, open in one page of Debian's headless Chromium. */
export interface BrowserApp {
  server: TestServer;
  page: Page;
  /** Uncaught page errors and console errors, for a test to assert there were none. */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * Chromium flags for WebGL without a GPU: SwiftShader, the software rasteriser (what the explorer's
 * WebGL renderer draws with in headless tests and the browser bench).
 */
export const swiftShaderArgs = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

export async function openBrowserApp(options: { args?: string[] } = {}): Promise<BrowserApp> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`,
    );
  }
  const server = await startTestServer();
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        ...(options.args ?? ['--disable-gpu']),
      ],
    });
  } catch (error) {
    await server.close();
    throw error;
  }
  // The smallest screen the app must work on.
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(msg.text());
  });
  mkdirSync(screenshots, { recursive: true });
  return {
    server,
    page,
    pageErrors,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Signs in with the form as `account`, from a fresh session; resolves once the app shows it. */
export async function signInWithForm(app: BrowserApp, account: TestAccount, name?: string) {
  const { page } = app;
  await page.context().clearCookies();
  await page.goto(`${app.server.url}/`);
  await page.locator('form.sign-in').waitFor();
  await page.getByLabel('邮箱').fill(account.email);
  await page.getByLabel('密码').fill(account.password);
  await page.locator('form.sign-in button[type=submit]').click();
  await page.locator('#account', name ? { hasText: name } : {}).waitFor();
}
