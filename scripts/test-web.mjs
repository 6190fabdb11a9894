// `npm run test:web`: the extension's browser build in code-server's web worker extension host.
//
// 1. The web suite (test/web, bundled for the browser by buildWebTests.mjs) runs inside the
//    worker and prints the host kind, its reporter lines and its totals, which come back through
//    the workbench's log (`codeAutomationLog`) and are printed here.
// 2. The UI smoke test (test/ui/smokeTest.mjs) runs once more, against the browser build.
//
// An extension with both `main` and `browser` runs in the Node host by default; the run's own
// user settings force it into the web worker (`remote.extensionKind`). The run fails when a test
// fails, when the suite reports no totals, or when the suite did not run in a web worker.
//
//   NEWS_ANNOTATOR_TEST_VERBOSE=1  print every workbench log line
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { buildWebTests } from './buildWebTests.mjs';
import { launchBrowser, runSuiteInPage } from './host/browser.mjs';
import { freePort, startCodeServer, workbenchUrl } from './host/codeServer.mjs';
import { ensureHost } from './host/install.mjs';
import { runUiSmokeTest } from '../test/ui/smokeTest.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const verbose = Boolean(process.env.NEWS_ANNOTATOR_TEST_VERBOSE);
const screenshotDir = path.join(root, '.test-artifacts');
// What the suite puts before each of its lines (test/web/runInWorker.ts).
const suiteLineMark = '[web suite] ';
// Lines the web workbench logs as errors on every run, unrelated to the extension.
const benignWorkbenchError = /Long running operations during shutdown are unsupported in the web|\(Canceled: Canceled\)|Timed out waiting for authentication provider 'github'/;

/** The user setting that sends the extension to the web worker host instead of the Node one. */
export const webWorkerSettings = { 'remote.extensionKind': { 'news-annotator.news-annotator': ['web'] } };

/** The browser entry package.json names, or a reason why there is none to test. */
export function browserEntry() {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  if (typeof manifest.browser !== 'string') return { missing: 'package.json has no "browser" entry' };
  const file = path.join(root, manifest.browser);
  if (!existsSync(file)) return { missing: `${manifest.browser} does not exist: build first (\`npm run build\`)` };
  return { file };
}

/** Starts code-server with the web worker setting (and any other `settings`), and Chromium. */
export async function startWebHost(scratch, { log = () => {}, settings = {} } = {}) {
  const host = ensureHost();
  const server = await startCodeServer({ host, stateDir: path.join(scratch, 'code-server'), port: await freePort(), settings: { ...settings, ...webWorkerSettings }, log });
  const browser = await launchBrowser(host.chromium);
  return {
    server,
    browser,
    async stop() {
      await browser.close();
      await server.stop();
    },
  };
}

/** A throw-away copy of the sample corpus to open as the workspace. */
export function scratchWorkspace(scratch, name) {
  const folder = path.join(scratch, name);
  cpSync(path.join(root, 'sample-corpus'), folder, { recursive: true });
  return folder;
}

/**
 * Runs the bundled suite in the worker. The suite's console lines arrive as workbench log lines,
 * each starting with the mark test/web/runInWorker.ts puts on them; they are printed as they come.
 */
async function runWebSuite(host, scratch) {
  const suite = await buildWebTests();
  const lines = [];
  const onLog = (type, args) => {
    const text = typeof args[0] === 'string' ? format(...args) : args.map(String).join(' ');
    if (text.startsWith(suiteLineMark)) {
      const line = text.slice(suiteLineMark.length);
      lines.push(line);
      process.stdout.write(`${line}\n`);
    } else if (verbose || ((type === 'error' || type === 'pageerror') && !benignWorkbenchError.test(text))) {
      process.stderr.write(`[workbench ${type}] ${verbose ? text : text.split('\n')[0]}\n`);
    }
  };
  const exitCode = await runSuiteInPage(
    host.browser,
    workbenchUrl(host.server, { folder: scratchWorkspace(scratch, 'web-suite-workspace'), extensionPath: root, testsPath: suite }),
    { onLog, timeoutMs: 3 * 60_000 },
  );
  const hostLine = lines.find((line) => line.startsWith('web suite host:')) ?? '';
  const totals = /web worker suite: (\d+) passed, (\d+) failed, in a web worker: (true|false)/.exec(lines.join('\n'));
  const activation = /web worker activation: ([\d.]+) ms/.exec(lines.join('\n'));
  return {
    exitCode,
    hostLine,
    inWorker: totals?.[3] === 'true' && /typeof process === 'undefined' is true, global is \w*WorkerGlobalScope/.test(hostLine),
    passed: Number(totals?.[1] ?? 0),
    failed: totals ? Number(totals[2]) : 1,
    activationMs: activation ? Number(activation[1]) : undefined,
  };
}

async function main() {
  const entry = browserEntry();
  if (entry.missing) {
    process.stderr.write(`test-web: ${entry.missing}\n`);
    return 1;
  }
  const started = Date.now();
  const scratch = mkdtempSync(path.join(tmpdir(), 'news-annotator-web-'));
  let host;
  try {
    host = await startWebHost(scratch, { log: verbose ? (line) => process.stderr.write(`[code-server] ${line}\n`) : () => {} });
    process.stdout.write(`\n  web worker suite (${path.relative(root, entry.file)}, forced to the web worker by remote.extensionKind)\n`);
    const suite = await runWebSuite(host, scratch);
    if (!suite.hostLine) process.stdout.write('  ✘ the suite printed nothing from the worker (did the web extension host start?)\n');
    else if (!suite.inWorker) process.stdout.write(`  ✘ the suite did not run in a web worker: ${suite.hostLine}\n`);
    const smoke = await runUiSmokeTest(
      host.browser,
      workbenchUrl(host.server, { folder: scratchWorkspace(scratch, 'web-ui-workspace'), extensionPath: root }),
      { title: 'browser build in the web worker host', screenshotDir, screenshotName: 'ui-smoke-web.png', webWorker: true },
    );
    const passed = suite.passed + smoke.passed;
    const failed = suite.failed + smoke.failed + (suite.inWorker ? 0 : 1);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const activation = suite.activationMs === undefined ? 'not reported' : `${suite.activationMs} ms`;
    process.stdout.write(`\nweb: ${passed} passed, ${failed} failed (host: ${suite.hostLine.replace('web suite host: ', '') || 'unknown'}; activation ${activation}; ${seconds} s)\n`);
    return suite.exitCode !== 0 || failed > 0 ? 1 : 0;
  } finally {
    await host?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(await main());
}
