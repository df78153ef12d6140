import type { FcoseRequest } from './fcose-layout.ts';
import type { Positions } from './placement.ts';

type Reply = { ticket: number; positions?: Positions; error?: string };

let worker: Worker | null | undefined;
let tickets = 0;
const pending = new Map<number, { resolve: (p: Positions) => void; reject: (e: Error) => void }>();

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<Reply>) => {
      const { ticket, positions, error } = event.data;
      const waiting = pending.get(ticket);
      pending.delete(ticket);
      if (positions) waiting?.resolve(positions);
      else waiting?.reject(new Error(error ?? 'layout failed'));
    };
    worker.onerror = (event) => {
      // A worker that cannot start (no module workers, blocked by CSP): fall back for good.
      event.preventDefault();
      worker?.terminate();
      worker = null;
      for (const [ticket, waiting] of pending) {
        pending.delete(ticket);
        waiting.reject(new Error('layout worker failed'));
      }
    };
  } catch {
    worker = null;
  }
  return worker;
}

async function onMainThread(request: FcoseRequest): Promise<Positions> {
  const { runFcose } = await import('./fcose-layout.ts');
  return runFcose(request);
}

/**
 * Sends one request to the worker; computed on the main thread instead when the worker fails or is
 * gone (it may fail while a request waits).
 */
async function inWorker(request: FcoseRequest): Promise<Positions> {
  const w = startWorker();
  if (!w) return onMainThread(request);
  const ticket = ++tickets;
  try {
    return await new Promise<Positions>((resolve, reject) => {
      pending.set(ticket, { resolve, reject });
      w.postMessage({ ticket, request });
    });
  } catch {
    return onMainThread(request);
  }
}

/** The request waiting for the worker (at most one: a newer one replaces it). */
let waiting: {
  request: FcoseRequest;
  resolve: (p: Positions) => void;
  reject: (e: unknown) => void;
} | null = null;
let working = false;

async function work(): Promise<void> {
  working = true;
  for (let next = waiting; next; next = waiting) {
    waiting = null;
    // A layout that fails even on the main thread fails its caller, never the queue.
    await inWorker(next.request).then(next.resolve, next.reject);
  }
  working = false;
}

/**
 * fcose positions computed in a Web Worker, so the page keeps painting and answering input while
 * the layout runs; on the main thread when a worker cannot be had.
 *
 * One request at a time, and only the newest waits: a layout asked for while another waits makes
 * the waiting one stale (each layout places the whole graph, and the view applies only its newest
 * one), so the stale one is answered at once with no positions instead of being computed. Regrouping
 * asks for one layout per hub; queued one after another, a new graph's layout waited behind them.
 */
export function fcosePositions(request: FcoseRequest): Promise<Positions> {
  if (!startWorker()) return onMainThread(request);
  return new Promise<Positions>((resolve, reject) => {
    waiting?.resolve({});
    waiting = { request, resolve, reject };
    if (!working) void work();
  });
}
