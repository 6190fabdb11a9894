/**
 * Work over many files shared between this thread and worker threads: the files are cut into
 * short runs, and each run goes to whichever thread is free, this one included. A worker starts
 * late and cold (its code, its own copy of what it needs), so a fixed share each left the faster
 * thread waiting; with runs handed out as threads come free they finish close together.
 *
 * The worker's side of the exchange is `serveRuns` (below): it says it is ready, then answers
 * each run it is sent until it is told there are no more.
 */
import { parentPort, type MessagePort, type Worker } from 'node:worker_threads';

/** To a worker: a run of items to do, or that there are no more. */
export type RunRequest<Item> = { kind: 'run'; items: readonly Item[] } | { kind: 'end' };

/** From a worker: ready for runs, a run's outcome, or a failure. */
export type RunReply<Outcome> = { kind: 'ready' } | { kind: 'done'; outcome: Outcome } | { kind: 'failed'; error: string };

export interface ShareRunsOptions<Item, Outcome> {
  items: readonly Item[];
  /** Threads in all, this one included. */
  threads: number;
  /** Starts one worker thread that answers through `serveRuns`. */
  startWorker: () => Worker;
  /** Does a run in this thread; undefined: only the workers do runs (tests check their work so). */
  own: ((items: readonly Item[]) => Promise<Outcome>) | undefined;
  /**
   * The longest run this thread takes (default: as long as the workers'): a thread that must keep
   * answering (the extension host) does its share in short runs.
   */
  ownRunSize?: number;
  /** Called once per run, in whatever order runs finish; `start` is the run's first index in `items`. */
  finished: (outcome: Outcome, items: readonly Item[], start: number) => void;
  /** Checked before each run is handed out: no new runs once it says so. */
  isCancelled?: () => boolean;
}

/**
 * The next run's length: a share of what is left, so runs shrink towards the end and the threads
 * finish close together (a worker holding two long runs kept this thread waiting 120 ms at the
 * end), and never so short that a message per run costs anything beside it.
 */
export function runSize(left: number, threads: number): number {
  return Math.max(Math.min(left, 8), Math.min(250, Math.ceil(left / (threads * 4))));
}

/** Does every run (unless cancelled); the first worker failure, if any. */
export async function shareRuns<Item, Outcome>(options: ShareRunsOptions<Item, Outcome>): Promise<{ error: string } | undefined> {
  let next = 0;
  // A failed worker fails the whole: no thread starts another run after it.
  let failed = false;
  const take = (limit = Infinity): { items: readonly Item[]; start: number } | undefined => {
    if (failed || next >= options.items.length || options.isCancelled?.() === true) return undefined;
    const start = next;
    next = start + Math.min(limit, runSize(options.items.length - start, options.threads));
    return { items: options.items.slice(start, next), start };
  };
  const workers = Array.from({ length: options.threads - 1 }, () =>
    runWorker(options, take).then((result) => {
      if (result !== undefined) failed = true;
      return result;
    }),
  );
  if (options.own !== undefined) {
    const limit = Math.max(1, options.ownRunSize ?? Infinity);
    for (let run = take(limit); run !== undefined; run = take(limit)) {
      options.finished(await options.own(run.items), run.items, run.start);
      // Synchronous reads settle every promise at once: without a turn of the event loop between
      // runs, the workers' messages (ready, done) would wait until this thread had done them all.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  const failures = (await Promise.all(workers)).filter((result): result is { error: string } => result !== undefined);
  return failures[0];
}

/**
 * Runs for one worker until there are none (undefined), or its failure. Each worker holds one run
 * beyond the one it is doing: this thread answers messages only between its own runs, and a worker
 * that had to wait for that sat idle a third of the time.
 */
function runWorker<Item, Outcome>(options: ShareRunsOptions<Item, Outcome>, take: () => { items: readonly Item[]; start: number } | undefined): Promise<{ error: string } | undefined> {
  return new Promise((resolve) => {
    let settled = false;
    let ended = false;
    const sent: { items: readonly Item[]; start: number }[] = [];
    const worker = options.startWorker();
    const settle = (result: { error: string } | undefined) => {
      if (settled) return;
      settled = true;
      resolve(result);
      void worker.terminate();
    };
    const send = () => {
      const run = ended ? undefined : take();
      if (run !== undefined) {
        sent.push(run);
        worker.postMessage({ kind: 'run', items: run.items } satisfies RunRequest<Item>);
        return;
      }
      ended = true;
      if (sent.length > 0) return;
      worker.postMessage({ kind: 'end' } satisfies RunRequest<Item>);
      settle(undefined);
    };
    worker.on('message', (message: RunReply<Outcome>) => {
      // After a failure the worker may still answer the run it held; that answer is not this run's.
      if (settled) return;
      if (message.kind === 'failed') return settle({ error: `a worker thread failed: ${message.error}` });
      if (message.kind === 'ready') {
        send();
        if (!ended) send();
        return;
      }
      const run = sent.shift();
      if (run !== undefined) options.finished(message.outcome, run.items, run.start);
      send();
    });
    worker.on('error', (error) => settle({ error: `a worker thread failed: ${error.message}` }));
    worker.on('exit', (code) => settle({ error: `a worker thread stopped (exit code ${code}) before it finished` }));
  });
}

/**
 * The worker's side: `prepare` makes what every run needs (opening the corpus, building a
 * matcher), then each run is answered by `run` until the main thread says there are no more.
 */
export function serveRuns<Item, Outcome, Prepared>(prepare: () => Promise<Prepared>, run: (prepared: Prepared, items: readonly Item[]) => Promise<Outcome>): void {
  const port: MessagePort | null = parentPort;
  if (port === null) return;
  const post = (message: RunReply<Outcome>) => port.postMessage(message);
  const failed = (error: unknown) => post({ kind: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  prepare().then((prepared) => {
    // One run at a time, in the order sent: the main thread sends the next before this one is done.
    let queue: Promise<unknown> = Promise.resolve();
    port.on('message', (request: RunRequest<Item>) => {
      if (request.kind === 'end') return void queue.then(() => port.close());
      queue = queue.then(() => run(prepared, request.items)).then((outcome) => post({ kind: 'done', outcome }), failed);
    });
    post({ kind: 'ready' });
  }, failed);
}
