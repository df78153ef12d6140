import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg, tmpdir, totalmem } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { percentile } from './percentile.ts';

/**
 * Browser rendering benchmark (npm run bench:browser): the web app's graph view in headless Chromium.
 * 1. 5,000 nodes / 20,000 edges generated in the page, drawn at fixed positions: time to first frame,
 *    then frame times while dragging to pan and wheel-zooming with real input events — with the
 *    default canvas settings, the large-graph settings, and Cytoscape's WebGL renderer.
 * 2. A 500-node neighbourhood shown the way the explorer shows one (fcose, animated): first paint
 *    and layout done.
 * Writes test/bench/RESULTS-browser.md.
 */

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const pageRoot = fileURLToPath(new URL('./browser-page/', import.meta.url));
const resultsFile = fileURLToPath(new URL('./RESULTS-browser.md', import.meta.url));
const outDir = join(tmpdir(), `talentgraph-bench-page-${process.pid}`);
const nodes = Number(process.env.BENCH_NODES ?? 5000);
const edges = Number(process.env.BENCH_EDGES ?? 20000);
const runs = Number(process.env.BENCH_RUNS ?? 3);

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

async function serve(dir: string) {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const file = join(dir, path === '/' ? 'index.html' : path.replace(/\.\.+/g, ''));
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

type Hood = {
  firstPaint: number;
  laidOut: number;
  longestFrame: number;
  nodes: number;
  edges: number;
};
type Bench = {
  big(
    n: number,
    e: number,
    mode: string,
  ): Promise<{ firstRender: number; nodes: number; edges: number; webgl: boolean }>;
  neighbourhood(n: number): Promise<Hood>;
  startFrames(): void;
  stopFrames(): number[];
};
declare const bench: Bench;

/** Drag across the canvas and wheel-zoom in and out, with real input events; returns frame times. */
async function panAndZoom(page: Page): Promise<number[]> {
  await page.evaluate(() => bench.startFrames());
  for (let round = 0; round < 3; round++) {
    await page.mouse.move(640, 400);
    await page.mouse.down();
    await page.mouse.move(340, 250, { steps: 30 });
    await page.mouse.move(640, 400, { steps: 30 });
    await page.mouse.up();
    for (let i = 0; i < 8; i++) await page.mouse.wheel(0, -120);
    for (let i = 0; i < 8; i++) await page.mouse.wheel(0, 120);
  }
  await page.waitForTimeout(300);
  return page.evaluate(() => bench.stopFrames());
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

async function main() {
  await build({ root: pageRoot, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const { server, url } = await serve(outDir);
  const load = loadavg()[0]!.toFixed(1);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // WebGL in headless Chromium without a GPU goes through SwiftShader (software).
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      ...(process.env.BENCH_ARGS ?? '--enable-unsafe-swiftshader').split(' '),
    ],
  });
  const version = browser.version();
  const rows: string[] = [];
  try {
    const open = async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.on('pageerror', (e) => console.error('page error:', e.message));
      page.on('crash', () => console.error('page crashed'));
      await page.goto(url);
      await page.waitForSelector('body[data-ready="yes"]');
      return page;
    };
    let page = await open();
    // WebGL last and only on request: on SwiftShader at 5,000 nodes it took the whole browser down.
    const modes: string[] = (process.env.BENCH_MODES ?? 'large,canvas')
      .split(',')
      .filter((m): boolean => m === 'large' || m === 'canvas')
      .concat(process.env.BENCH_WEBGL ? ['webgl'] : []);
    for (const mode of modes) {
      try {
        const first: number[] = [];
        const frames: number[] = [];
        let drawn = { nodes: 0, edges: 0, webgl: false };
        console.log(`${mode}…`);
        for (let r = 0; r < runs; r++) {
          const result = await page.evaluate(
            ([n, e, m]) => bench.big(n as number, e as number, m as string),
            [nodes, edges, mode] as const,
          );
          first.push(result.firstRender);
          drawn = result;
          frames.push(...(await panAndZoom(page)));
        }
        const line = `| ${mode === 'canvas' ? 'canvas, default settings' : mode === 'large' ? 'canvas, large-graph settings' : 'WebGL renderer'} | ${drawn.nodes.toLocaleString('en')} / ${drawn.edges.toLocaleString('en')} | ${fmt(percentile(first, 50))} | ${frames.length} | ${fmt(percentile(frames, 50))} | ${fmt(percentile(frames, 95))} | ${fmt(1000 / percentile(frames, 50))} |`;
        console.log(line);
        rows.push(line);
      } catch (error) {
        const line = `| ${mode} | ${nodes} / ${edges} | failed: ${(error as Error).message.split('\n')[0]} | | | | |`;
        console.log(line);
        rows.push(line);
        if (!browser.isConnected()) break;
        await page.close().catch(() => undefined);
        page = await open();
      }
    }
    const hood: Hood[] = [];
    if (!browser.isConnected()) throw new Error('the browser crashed; results not written');
    for (let r = 0; r < runs; r++) hood.push(await page.evaluate(() => bench.neighbourhood(500)));
    const hoodLine = `| neighbourhood, fcose animated | ${hood[0]!.nodes} / ${hood[0]!.edges} | first paint p50 ${fmt(
      percentile(
        hood.map((h) => h.firstPaint),
        50,
      ),
    )} ms | layout done p50 ${fmt(
      percentile(
        hood.map((h) => h.laidOut),
        50,
      ),
    )} ms, max ${fmt(Math.max(...hood.map((h) => h.laidOut)))} ms | ${fmt(
      percentile(
        hood.map((h) => h.longestFrame),
        50,
      ),
    )} ms |`;
    console.log(hoodLine);

    const cpu =
      readFileSync('/proc/cpuinfo', 'utf8')
        .split('\n')
        .find((l) => l.startsWith('model name'))
        ?.split(':')[1]
        ?.trim() ?? 'unknown';
    const uname = spawnSync('uname', ['-sr'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(
      resultsFile,
      `# Browser rendering benchmark

Written by \`npm run bench:browser\` (test/bench/browser-render.ts) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.
The web app's own graph view (web/graph/graph-view.ts: stylesheet, settings) in headless Chromium,
viewport 1280×800, on graphs generated in the page (clusters of 50 nodes, 85 % of edges inside a
cluster), ${runs} runs each. Frame times come from requestAnimationFrame while Playwright drags the
canvas (pan) and turns the wheel (zoom) with real input events; fps = 1000 / p50 frame time.
First render = from \`cy.add\` of every element (positions given, no layout) to the second painted frame.

| renderer | nodes / edges | first render p50 ms | frames | frame p50 ms | frame p95 ms | fps (p50) |
| --- | --- | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

| 500-node neighbourhood | nodes / edges | first paint | layout | longest frame until laid out (p50) |
| --- | --- | --- | --- | ---: |
${hoodLine}

"Large-graph settings" = \`hideEdgesOnViewport\`, \`textureOnViewport\`, \`pixelRatio: 1\` (the graph
view turns them on with \`large: true\`). The WebGL renderer is Cytoscape ${'3.34'}'s experimental
\`renderer: { name: 'canvas', webgl: true }\`; headless Chromium here has no GPU, so WebGL runs on
SwiftShader (software) — on a real GPU it should do better, the canvas rows less so.

## Machine

- ${availableParallelism()} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${cpu}
- ${uname}, ${version.startsWith('1') ? `Chromium ${version}` : version}, Node ${process.version}
- load average at start: ${load} (the machine is shared; absolute times suffer from that)
`,
    );
    console.log(`wrote ${resultsFile}`);
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
