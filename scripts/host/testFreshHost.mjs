// `npm run test:fresh-host`: what a machine without the host cache goes through. Installs Node 24
// and code-server into a cache folder that does not exist yet, serves the workbench with the
// extension and a copy of the sample corpus, checks in Chromium that it loads and shows the
// Corpus view, saves a screenshot to .test-artifacts/fresh-host.png, then stops and deletes it all.
// Run it from npm (as here) whenever the installer, the versions or the set-up change: npm's
// script environment is what broke the install before (see installEnvironment.mjs).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './browser.mjs';
import { freePort, startCodeServer, workbenchUrl } from './codeServer.mjs';
import { codeServerVersion, ensureHost, nodeVersion } from './install.mjs';
import { runUiSmokeTest } from '../../test/ui/smokeTest.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = (message) => process.stdout.write(`[fresh-host ${seconds()}] ${message}\n`);

if (!existsSync(path.join(root, 'dist', 'extension.js'))) {
  process.stderr.write('test:fresh-host: build first (`npm run test:fresh-host` does it for you)\n');
  process.exit(1);
}

const scratch = mkdtempSync(path.join(tmpdir(), 'news-annotator-fresh-host-'));
const cache = path.join(scratch, 'cache');
let failed = 1;
try {
  say(`started ${process.env.npm_lifecycle_event ? `from npm script "${process.env.npm_lifecycle_event}"` : 'from a plain shell'} under Node ${process.version}`);
  if (process.env.npm_config_user_agent) say(`inherited npm_config_user_agent: ${process.env.npm_config_user_agent}`);
  say(`installing the host into ${cache} (exists before: ${existsSync(cache)})`);
  const host = ensureHost({ cache });
  const hostNode = execFileSync(host.node, ['--version'], { encoding: 'utf8' }).trim();
  const installed = JSON.parse(readFileSync(path.join(path.dirname(path.dirname(path.dirname(host.codeServerEntry))), 'package.json'), 'utf8')).version;
  say(`installed: Node ${hostNode} (wanted v${nodeVersion}), code-server ${installed} (wanted ${codeServerVersion})`);
  if (hostNode !== `v${nodeVersion}` || installed !== codeServerVersion) throw new Error('the installed versions are not the pinned ones');

  const server = await startCodeServer({ host, stateDir: path.join(scratch, 'state'), port: await freePort() });
  say(`code-server is serving ${server.url}`);
  const browser = await launchBrowser(host.chromium);
  try {
    const corpus = path.join(scratch, 'sample-corpus');
    cpSync(path.join(root, 'sample-corpus'), corpus, { recursive: true });
    const result = await runUiSmokeTest(browser, workbenchUrl(server, { folder: corpus, extensionPath: root }), {
      title: 'workbench served from the fresh cache',
      screenshotDir: path.join(root, '.test-artifacts'),
      screenshotName: 'fresh-host.png',
    });
    say(`UI checks: ${result.passed} passed, ${result.failed} failed`);
    failed = result.failed;
  } finally {
    await browser.close();
    await server.stop();
    say('code-server stopped');
  }
} catch (error) {
  process.stderr.write(`test:fresh-host: ${error instanceof Error ? error.message : String(error)}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
  say(`removed ${scratch}`);
}
say(failed === 0 ? 'fresh host: OK' : 'fresh host: FAILED');
process.exit(failed === 0 ? 0 : 1);
