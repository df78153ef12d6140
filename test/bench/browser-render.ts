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
 * Browser rendering benchmark (npm run bench:browser): the web app's graph view in headless Chromium,
 * WebGL on SwiftShader (software: there is no GPU here), against the explorer's targets.
 * 1. A 500-node neighbourhood shown the way the explorer shows one (fcose in a worker): first paint
 *    (target ≤ 1 s) and layout done, on canvas and with WebGL.
 * 2. Expanding a node of it: 40 new neighbours drawn one by one, and 500 held in group nodes — time
 *    until the new nodes are on screen and the page answers input (target ≤ 300 ms).
 * 3. 5,000 nodes / 20,000 edges generated in the page, drawn at fixed positions: time to first frame,
 *    then frame times while dragging to pan and wheel-zooming with real input events (target ≥ 30
 *    fps) — canvas with the large-graph settings ("WebGL off") and Cytoscape's WebGL renderer.
 * Writes test/bench/RESULTS-browser.md (BENCH_RESULTS: another file, e.g. for a check at small size).
 * BENCH_NODES / BENCH_EDGES / BENCH_HOOD / BENCH_RUNS size it; BENCH_MODES picks the 5k rows
 * (large, webgl, canvas = default settings); BENCH_ARGS replaces the Chromium flags.
 */

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const pageRoot = fileURLToPath(new URL('./browser-page/', import.meta.url));
const resultsFile =
  process.env.BENCH_RESULTS ?? fileURLToPath(new URL('./RESULTS-browser.md', import.meta.url));
const outDir = join(tmpdir(), `talentgraph-bench-page-${process.pid}`);
const nodes = Number(process.env.BENCH_NODES ?? 5000);
const edges = Number(process.env.BENCH_EDGES ?? 20000);
const hoodSize = Number(process.env.BENCH_HOOD ?? 500);
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
  renderer: string;
};
type Expand = {
  interactive: number;
  laidOut: number;
  drawn: number;
  groups: number;
  renderer: string;
};
type Bench = {
  big(
    n: number,
    e: number,
    mode: string,
  ): Promise<{ firstRender: number; nodes: number; edges: number; renderer: string }>;
  neighbourhood(n: number, webgl: boolean): Promise<Hood>;
  expand(added: number, webgl: boolean): Promise<Expand>;
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
  // The frames the last input caused: two animation frames later they are drawn and counted.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  return page.evaluate(() => bench.stopFrames());
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

const p50 = (values: number[]) => fmt(percentile(values, 50));
const meets = (ok: boolean) => (ok ? 'yes' : '**no**');

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
      ...(process.env.BENCH_ARGS ?? '--use-angle=swiftshader --enable-unsafe-swiftshader').split(
        ' ',
      ),
    ],
  });
  const version = browser.version();
  const hoodRows: string[] = [];
  const expandRows: string[] = [];
  const bigRows: string[] = [];
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
    const rendererName = (r: string) => (r === 'webgl' ? 'WebGL' : 'canvas');

    for (const webgl of [false, true]) {
      console.log(`neighbourhood ${hoodSize}, webgl ${webgl}…`);
      const hood: Hood[] = [];
      for (let r = 0; r < runs; r++)
        hood.push(
          await page.evaluate(([n, w]) => bench.neighbourhood(n as number, w as boolean), [
            hoodSize,
            webgl,
          ] as const),
        );
      const first = hood.map((h) => h.firstPaint);
      const line = `| ${rendererName(hood[0]!.renderer)} | ${hood[0]!.nodes} / ${hood[0]!.edges} | ${p50(first)} | ${meets(percentile(first, 50) <= 1000)} | ${p50(hood.map((h) => h.laidOut))} | ${p50(hood.map((h) => h.longestFrame))} |`;
      console.log(line);
      hoodRows.push(line);
    }

    for (const webgl of [false, true])
      for (const added of [40, 500]) {
        console.log(`expand +${added}, webgl ${webgl}…`);
        const results: Expand[] = [];
        for (let r = 0; r < runs; r++)
          results.push(
            await page.evaluate(([a, w]) => bench.expand(a as number, w as boolean), [
              added,
              webgl,
            ] as const),
          );
        const first = results[0]!;
        const interactive = results.map((x) => x.interactive);
        const line = `| ${rendererName(first.renderer)} | +${added} | ${first.drawn} nodes${first.groups ? ` + ${first.groups} groups` : ''} | ${p50(interactive)} | ${meets(percentile(interactive, 50) <= 300)} | ${p50(results.map((x) => x.laidOut))} |`;
        console.log(line);
        expandRows.push(line);
      }

    // WebGL last: on SwiftShader at 5,000 nodes it once took the whole browser down.
    const modes: string[] = (process.env.BENCH_MODES ?? 'large,webgl')
      .split(',')
      .filter((m): boolean => m === 'large' || m === 'canvas' || m === 'webgl')
      .sort((a, b) => Number(a === 'webgl') - Number(b === 'webgl'));
    for (const mode of modes) {
      try {
        const first: number[] = [];
        const frames: number[] = [];
        let drawn = { nodes: 0, edges: 0, renderer: '' };
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
        const label =
          mode === 'canvas'
            ? 'canvas, default settings'
            : mode === 'large'
              ? 'canvas, large-graph settings (WebGL off)'
              : `WebGL renderer (${drawn.renderer === 'webgl' ? 'on' : 'unavailable: drew on canvas'})`;
        const fps = 1000 / percentile(frames, 50);
        const line = `| ${label} | ${drawn.nodes.toLocaleString('en')} / ${drawn.edges.toLocaleString('en')} | ${p50(first)} | ${frames.length} | ${p50(frames)} | ${fmt(percentile(frames, 95))} | ${fmt(fps)} | ${meets(fps >= 30)} |`;
        console.log(line);
        bigRows.push(line);
      } catch (error) {
        const line = `| ${mode} | ${nodes} / ${edges} | failed: ${(error as Error).message.split('\n')[0]} | | | | | |`;
        console.log(line);
        bigRows.push(line);
        if (!browser.isConnected()) break;
        await page.close().catch(() => undefined);
        page = await open();
      }
    }

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
The web app's own graph view (web/graph/graph-view.ts: stylesheet, settings, layouts, group nodes) in
headless Chromium, viewport 1280×800, on graphs generated in the page (clusters of 50 nodes, 85 % of
edges inside a cluster), ${runs} runs each, p50 shown. WebGL runs on SwiftShader (software: no GPU
here); on a real GPU it should do better, the canvas rows less so.

## First paint of a ${hoodSize}-node neighbourhood (target ≤ 1 s)

From \`show()\` (elements added on a radial placement) to the second frame after it; fcose then
refines the layout in a Web Worker.

| renderer | nodes / edges | first paint ms | ≤ 1 s | layout done ms | longest frame until laid out ms |
| --- | --- | ---: | --- | ---: | ---: |
${hoodRows.join('\n')}

## Expanding a node of it (target: interactive ≤ 300 ms)

From the answer's arrival (toElements, the fan-out split, group nodes) to the second frame after
\`merge()\` returned: the new nodes are on screen and the page answers input. +40 are drawn one by
one; +500 exceed the fan-out limit and are held in group nodes (by decade, from the ties' years).

| renderer | new neighbours | drawn | interactive ms | ≤ 300 ms | layout done ms |
| --- | --- | --- | ---: | --- | ---: |
${expandRows.join('\n')}

## Pan and zoom at ${nodes.toLocaleString('en')} nodes / ${edges.toLocaleString('en')} edges (target ≥ 30 fps)

Drawn at fixed positions (no layout). First render = from \`cy.add\` of every element to the second
painted frame. Frame times come from requestAnimationFrame while Playwright drags the canvas (pan)
and turns the wheel (zoom) with real input events; fps = 1000 / p50 frame time.

| renderer | nodes / edges | first render ms | frames | frame p50 ms | frame p95 ms | fps (p50) | ≥ 30 fps |
| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |
${bigRows.join('\n')}

"Large-graph settings" = \`hideEdgesOnViewport\`, \`textureOnViewport\`, \`pixelRatio: 1\` and the
large-graph styles (haystack edges, plain labels). The WebGL renderer is Cytoscape's
\`renderer: { name: 'canvas', webgl: true }\` (3.31+), which the explorer uses whenever the browser has WebGL2.

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
