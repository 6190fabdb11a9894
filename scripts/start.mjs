// `npm start`: serves a real VS Code (code-server) on 127.0.0.1 with the extension loaded from
// this folder and the bundled sample corpus open. Ctrl+C stops it.
//   PORT=8080 npm start            choose the port (default 3920)
//   npm start -- path/to/corpus    open another folder instead of sample-corpus/
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer, workbenchUrl } from './host/codeServer.mjs';
import { ensureHost } from './host/install.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const folder = path.resolve(process.argv[2] ?? path.join(root, 'sample-corpus'));
const port = Number(process.env.PORT ?? 3920);

let host;
try {
  host = ensureHost();
} catch (error) {
  process.stderr.write(`npm start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

// Settings and window state persist between runs in .host/ (git-ignored), like a normal profile.
const server = await startCodeServer({ host, stateDir: path.join(root, '.host', 'start'), port }).catch((error) => {
  process.stderr.write(`npm start: ${error.message}\nIs port ${port} in use? Choose another with PORT=8080 npm start\n`);
  process.exit(1);
});

const url = workbenchUrl(server, { folder, extensionPath: root });
process.stdout.write(
  `\nNews Annotator is running in VS Code (code-server) with ${path.relative(process.cwd(), folder) || '.'} open.\n\n` +
    `  Open this URL in a browser on this machine:\n\n  ${url}\n\n` +
    `  (The plain address ${server.url}/ opens VS Code without the extension under development.)\n` +
    '  Press Ctrl+C to stop.\n\n',
);

let stopping = false;
const stop = async (signal) => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`\n${signal}: stopping code-server…\n`);
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
server.process.once('exit', (code) => {
  if (stopping) return;
  process.stderr.write(`code-server exited unexpectedly (code ${code}).\n`);
  process.exit(1);
});
