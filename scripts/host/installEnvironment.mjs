// The environment the host installer gives `npm install node` and `npm install code-server`.
//
// Why it is built from an allow-list instead of copying process.env: started from an npm script
// (`npm start`, `npm test`), the installer inherits npm's lifecycle variables, and npm reads every
// npm_config_* variable as configuration. npm_config_user_agent ("npm/11 node/v20.20.2 ...") is
// one: the nested npm, though it runs under Node 24, takes it as its user-agent setting and passes
// it on unchanged to install scripts, and code-server's postinstall reads the Node major from that
// string, so it stopped with "requires node v24". Others (npm_config_node_gyp, npm_config_prefix,
// npm_config_nodedir, NODE, the node_modules/.bin folders on PATH) point at the outer npm's Node
// too. So nothing is inherited but what says who the user is and how to reach the registry.
import path from 'node:path';

/** Variables passed through as they are. */
const inherited = new Set([
  'HOME', 'USER', 'LOGNAME', 'SHELL', 'TERM', 'TZ', 'LANG', 'LANGUAGE',
  'TMPDIR', 'TMP', 'TEMP',
  'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'no_proxy', 'all_proxy',
  'SSL_CERT_FILE', 'SSL_CERT_DIR', 'NODE_EXTRA_CA_CERTS',
  // node-gyp builds code-server's native modules with these.
  'PYTHON', 'CC', 'CXX', 'MAKEFLAGS',
  'CI',
]);

/** npm settings (npm_config_<name>, any case) about the registry and npm's own files, none of which decides which Node runs. */
const inheritedNpmSettings = new Set([
  'registry', 'cache', 'cafile', 'ca', 'proxy', 'https_proxy', 'noproxy', 'strict_ssl',
  'userconfig', 'globalconfig', 'fetch_retries', 'fetch_timeout', 'offline', 'prefer_offline',
]);

/** PATH folders npm adds before running a script: bins of the enclosing projects and npm's node-gyp shim. */
function isAddedByNpm(folder) {
  const normalized = folder.replace(/\\/g, '/').replace(/\/+$/, '');
  return normalized.endsWith('/node_modules/.bin') || normalized.endsWith('/run-script/lib/node-gyp-bin');
}

/**
 * @param {Record<string, string | undefined>} parent  the installer's own environment
 * @param {{ nodeHome: string, machineNode: string, allowAllScripts?: boolean }} options
 *   nodeHome: the Node 24 folder (bin/node, include/node); machineNode: the Node running the
 *   installer, whose prefix holds the machine's global npmrc; allowAllScripts: let npm run the
 *   install scripts of dependencies (code-server's postinstall is its install).
 * @returns {Record<string, string>}
 */
export function installEnvironment(parent, { nodeHome, machineNode, allowAllScripts = false }) {
  /** @type {Record<string, string>} */
  const env = {};
  for (const [name, value] of Object.entries(parent)) {
    if (value === undefined) continue;
    const npmSetting = /^npm_config_(.+)$/i.exec(name);
    if (npmSetting) {
      const setting = npmSetting[1].toLowerCase();
      if (inheritedNpmSettings.has(setting)) env[`npm_config_${setting}`] = value;
    } else if (inherited.has(name) || name.startsWith('LC_')) {
      env[name] = value;
    }
  }

  const parentPath = (parent.PATH ?? '').split(path.delimiter).filter((folder) => folder && !isAddedByNpm(folder));
  env.PATH = [...new Set([path.join(nodeHome, 'bin'), ...parentPath])].join(path.delimiter);

  // The machine's npm config may point node-gyp at Node 20's headers (nodedir=/usr); the
  // environment outranks every npmrc.
  env.npm_config_nodedir = nodeHome;
  // Node 24's npm would look for the global npmrc under Node 24's prefix: keep the machine's.
  env.npm_config_globalconfig ??= path.join(path.dirname(path.dirname(machineNode)), 'etc', 'npmrc');
  if (allowAllScripts) env.npm_config_dangerously_allow_all_scripts = 'true';
  return env;
}
