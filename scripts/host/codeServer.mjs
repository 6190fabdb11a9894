// Starts code-server (a real VS Code workbench and Node extension host) on loopback, with all of
// its state in one folder, so runs neither read nor write the user's own VS Code settings.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

const quietSettings = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'git.enabled': false,
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * @param {{ host: ReturnType<import('./install.mjs').hostPaths>, stateDir: string, port: number,
 *   settings?: Record<string, unknown>, extraArgs?: string[], log?: (line: string) => void }} options
 */
export async function startCodeServer({ host, stateDir, port, settings = {}, extraArgs = [], log = () => {} }) {
  const userData = path.join(stateDir, 'user-data');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  mkdirSync(path.join(stateDir, 'extensions'), { recursive: true });
  writeFileSync(path.join(stateDir, 'config.yaml'), 'auth: none\ncert: false\n');
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...quietSettings, ...settings }, null, 2));

  const args = [
    host.codeServerEntry,
    '--config', path.join(stateDir, 'config.yaml'),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userData,
    '--extensions-dir', path.join(stateDir, 'extensions'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--disable-proxy',
    // Without the smoke-test driver the built workbench ignores extensionDevelopmentPath and
    // extensionTestsPath, and a test run waits forever.
    '--vscode-option', 'enable-smoke-test-driver',
    ...extraArgs,
  ];
  const env = {
    ...process.env,
    EXTENSIONS_GALLERY: '{}',
    XDG_DATA_HOME: path.join(stateDir, 'xdg-data'),
    XDG_CONFIG_HOME: path.join(stateDir, 'xdg-config'),
    XDG_CACHE_HOME: path.join(stateDir, 'xdg-cache'),
  };
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.VSCODE_IPC_HOOK_CLI;
  const child = spawn(host.node, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 60 s:\n${output.join('')}`)), 60_000);
    const onData = (chunk) => {
      const text = chunk.toString();
      output.push(text);
      for (const line of text.split('\n')) if (line.trim()) log(line);
      if (text.includes('HTTP server listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with code ${code} before it was ready:\n${output.join('')}`));
    });
  });
  await ready;
  return {
    url: `http://127.0.0.1:${port}`,
    remoteUri: (absolutePath) => `vscode-remote://127.0.0.1:${port}${absolutePath}`,
    process: child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The workbench URL that opens `folder` (or a `.code-workspace` file) with the extension under development (and its tests). */
export function workbenchUrl(server, { folder, workspace, extensionPath, testsPath }) {
  const payload = [['skipWelcome', 'true']];
  if (extensionPath) payload.push(['extensionDevelopmentPath', server.remoteUri(extensionPath)]);
  if (testsPath) payload.push(['extensionTestsPath', server.remoteUri(testsPath)]);
  const target = workspace ? `workspace=${encodeURIComponent(workspace)}` : `folder=${encodeURIComponent(folder)}`;
  return `${server.url}/?${target}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Installs a packaged .vsix into the extensions folder a server started on `stateDir` will use. */
export function installVsix({ host, stateDir, vsix }) {
  mkdirSync(path.join(stateDir, 'user-data'), { recursive: true });
  writeFileSync(path.join(stateDir, 'config.yaml'), 'auth: none\ncert: false\n');
  const result = spawnSync(
    host.node,
    [
      host.codeServerEntry,
      '--config', path.join(stateDir, 'config.yaml'),
      '--user-data-dir', path.join(stateDir, 'user-data'),
      '--extensions-dir', path.join(stateDir, 'extensions'),
      '--install-extension', vsix,
    ],
    { encoding: 'utf8', env: { ...process.env, EXTENSIONS_GALLERY: '{}' } },
  );
  if (result.status !== 0) throw new Error(`installing ${vsix} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}
