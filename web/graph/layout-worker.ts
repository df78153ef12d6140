import { type FcoseRequest, runFcose } from './fcose-layout.ts';

/** The Web Worker that runs fcose off the main thread: a request in, every node's position out. */
self.onmessage = (event: MessageEvent<{ ticket: number; request: FcoseRequest }>) => {
  const { ticket, request } = event.data;
  try {
    self.postMessage({ ticket, positions: runFcose(request) });
  } catch (error) {
    self.postMessage({ ticket, error: (error as Error).message });
  }
};
