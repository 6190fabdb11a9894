// Runs the integration suite (test/integration, compiled to out/) inside a real VS Code extension
// host, then (under code-server) the UI smoke test that drives the real workbench.
//
//   NEWS_ANNOTATOR_TEST_HOST=code-server  (default) code-server + Debian Chromium, installed on first use
//   NEWS_ANNOTATOR_TEST_HOST=electron     VS Code desktop through @vscode/test-electron (needs to download VS Code)
//   NEWS_ANNOTATOR_TEST_GREP=pattern      run only the matching integration tests
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { startCodeServer, freePort, installVsix, workbenchUrl } from './host/codeServer.mjs';
import { ensureHost } from './host/install.mjs';
import { launchBrowser, runSuiteInPage } from './host/browser.mjs';
import { runUiSmokeTest } from '../test/ui/smokeTest.mjs';
import { runEditorNewcomerTest } from '../test/ui/editorNewcomer.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const suitePath = path.join(root, 'out', 'test', 'integration', 'index.js');
const launcher = process.env.NEWS_ANNOTATOR_TEST_HOST || 'code-server';
const verbose = Boolean(process.env.NEWS_ANNOTATOR_TEST_VERBOSE);
// Lines the web workbench logs as errors on every run, unrelated to the extension.
const benignWorkbenchError = /Long running operations during shutdown are unsupported in the web|\(Canceled: Canceled\)/;
const screenshotDir = path.join(root, '.test-artifacts');

function fail(message) {
  process.stderr.write(`test-integration: ${message}\n`);
  process.exit(1);
}

/** A throw-away copy of the sample corpus: the tests tag, edit and break files in it. */
function scratchWorkspace(scratch, name) {
  const folder = path.join(scratch, name);
  cpSync(path.join(root, 'sample-corpus'), folder, { recursive: true });
  return folder;
}

async function runWithElectron(workspace) {
  const { runTests } = await import('@vscode/test-electron');
  if (process.platform === 'linux' && !process.env.DISPLAY) {
    fail('VS Code desktop needs a display: run `xvfb-run -a npm run test:integration` on a headless Linux machine.');
  }
  try {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: suitePath,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** Prints the reporter lines the suite appends to `file` while it runs. */
function followReport(file) {
  let printed = 0;
  const flush = () => {
    if (!existsSync(file)) return;
    const size = statSync(file).size;
    if (size <= printed) return;
    const content = readFileSync(file);
    process.stdout.write(content.subarray(printed));
    printed = content.length;
  };
  const timer = setInterval(flush, 200);
  return () => {
    clearInterval(timer);
    flush();
  };
}

/**
 * Packages the current build with vsce, installs the .vsix into a second code-server with its own
 * extensions folder, and runs the same UI smoke test on what users would install.
 */
async function runPackagedExtension(browser, host, scratch) {
  const vsix = path.join(scratch, 'news-annotator.vsix');
  const packaging = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix],
    { cwd: root, encoding: 'utf8' },
  );
  if (packaging.status !== 0) {
    process.stdout.write(`\n  ✘ vsce package failed:\n${packaging.stdout}${packaging.stderr}\n`);
    return { passed: 0, failed: 1 };
  }
  const stateDir = path.join(scratch, 'code-server-packaged');
  installVsix({ host, stateDir, vsix });
  const server = await startCodeServer({ host, stateDir, port: await freePort() });
  try {
    return await runUiSmokeTest(browser, workbenchUrl(server, { folder: scratchWorkspace(scratch, 'packaged-workspace') }), {
      title: `packaged extension (${Math.round(statSync(vsix).size / 1024)} KB .vsix installed with --install-extension)`,
      screenshotDir,
      screenshotName: 'ui-smoke-packaged.png',
    });
  } finally {
    await server.stop();
  }
}

async function runWithCodeServer(scratch) {
  let host;
  try {
    host = ensureHost();
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const reportFile = path.join(scratch, 'report.txt');
  process.env.NEWS_ANNOTATOR_TEST_REPORT = reportFile;
  const log = verbose ? (line) => process.stderr.write(`[code-server] ${line}\n`) : () => {};
  const server = await startCodeServer({ host, stateDir: path.join(scratch, 'code-server'), port: await freePort(), log });
  const browser = await launchBrowser(host.chromium);
  try {
    const stopFollowing = followReport(reportFile);
    const onLog = (type, args) => {
      const text = args.map(String).join(' ');
      if (verbose || ((type === 'error' || type === 'pageerror') && !benignWorkbenchError.test(text))) process.stderr.write(`[workbench ${type}] ${verbose ? text : text.split('\n')[0]}\n`);
    };
    const suiteCode = await runSuiteInPage(
      browser,
      workbenchUrl(server, { folder: scratchWorkspace(scratch, 'suite-workspace'), extensionPath: root, testsPath: suitePath }),
      { onLog },
    );
    // The same suite entry in a two-folder workspace runs the multi-root tests.
    const workspaceFile = path.join(scratch, 'newsrooms.code-workspace');
    writeFileSync(workspaceFile, JSON.stringify({ folders: [{ path: scratchWorkspace(scratch, 'newsroom-a') }, { path: scratchWorkspace(scratch, 'newsroom-b') }] }));
    // code-server sometimes opens a .code-workspace window without its folders (seen in about one
    // run in three on a busy machine: the suite then finds no folder at all). Such a window is
    // retried once, in a new page; the first attempt's lines are left out of the totals.
    const reportText = () => (existsSync(reportFile) ? readFileSync(reportFile, 'utf8') : '');
    const multiRootUrl = workbenchUrl(server, { workspace: workspaceFile, extensionPath: root, testsPath: suitePath });
    const beforeMultiRoot = reportText().length;
    let multiRootCode = await runSuiteInPage(browser, multiRootUrl, { onLog });
    let discarded = '';
    if (multiRootCode !== 0 && /folders ; listed 0/.test(reportText().slice(beforeMultiRoot))) {
      discarded = reportText().slice(beforeMultiRoot);
      process.stdout.write('\n  (the two-folder window opened without its folders; retrying it once)\n');
      multiRootCode = await runSuiteInPage(browser, multiRootUrl, { onLog });
    }
    // Two windows on one folder at the same time run the twoWindows/ tests: concurrent writers.
    const twoWindows = workbenchUrl(server, { folder: scratchWorkspace(scratch, 'two-windows'), extensionPath: root, testsPath: suitePath });
    const twoWindowCodes = await Promise.all([runSuiteInPage(browser, twoWindows, { onLog }), runSuiteInPage(browser, twoWindows, { onLog })]);
    stopFollowing();
    if (!existsSync(reportFile)) process.stderr.write('test-integration: the suite printed no report (did the extension host start?)\n');
    const smoke = await runUiSmokeTest(
      browser,
      workbenchUrl(server, { folder: scratchWorkspace(scratch, 'ui-workspace'), extensionPath: root }),
      { title: 'extension under development', screenshotDir, screenshotName: 'ui-smoke.png' },
    );
    const packaged = await runPackagedExtension(browser, host, scratch);
    smoke.passed += packaged.passed;
    smoke.failed += packaged.failed;
    // Real keys into the tag picker, right-to-left lines, the ✓ title and the start-up badge.
    const newcomer = await runEditorNewcomerTest(browser, host, { screenshotDir });
    smoke.passed += newcomer.passed;
    smoke.failed += newcomer.failed;
    const report = reportText().replace(discarded, '');
    const suites = [...report.matchAll(/extension host suite: (\d+) passed, (\d+) failed/g)];
    const passed = suites.reduce((sum, match) => sum + Number(match[1]), 0) + smoke.passed;
    const expectedSuites = 4; // one folder, two folders, and two windows on one folder
    const failed = suites.reduce((sum, match) => sum + Number(match[2]), 0) + (expectedSuites - Math.min(expectedSuites, suites.length)) + smoke.failed;
    process.stdout.write(`\nintegration: ${passed} passed, ${failed} failed\n`);
    return suiteCode !== 0 || multiRootCode !== 0 || twoWindowCodes.some((code) => code !== 0) || failed > 0 ? 1 : 0;
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (!existsSync(suitePath) || !existsSync(path.join(root, 'dist', 'extension.js'))) {
  fail('build first: `npm run build` (npm test does it for you)');
}
const scratch = mkdtempSync(path.join(tmpdir(), 'news-annotator-test-'));
let exitCode = 1;
try {
  if (launcher === 'electron') exitCode = await runWithElectron(scratchWorkspace(scratch, 'suite-workspace'));
  else if (launcher === 'code-server') exitCode = await runWithCodeServer(scratch);
  else fail(`unknown NEWS_ANNOTATOR_TEST_HOST '${launcher}' (use code-server or electron)`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(exitCode);
