// `npm run test:package`: what a project lead gets from `npm install news-annotator`. Packs this
// project with `npm pack` (whose prepack hook builds dist/), installs the tarball into an empty
// folder from the registry, and runs the installed `news-annotator` bin through npx on a copy of
// the sample corpus. The project is packed from a scratch copy, so the production build the
// prepack hook writes does not replace this work tree's development build in dist/.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installEnvironment } from '../../scripts/host/installEnvironment.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const started = Date.now();

/** Everything the tarball may hold, and must: the command line and what its users read. */
const expectedFiles = [
  'CHANGELOG.md',
  'LICENSE',
  'README.md',
  'dist/agreeWorker.js',
  'dist/cli.js',
  'dist/suggestWorker.js',
  'dist/summaryWorker.js',
  'docs/command-line.md',
  'docs/export-formats.md',
  'docs/project-file.md',
  'docs/sidecar-format.md',
  'package.json',
  'schemas/project.schema.json',
  'schemas/sidecar.schema.json',
];

// Top-level entries of the work tree that are build output, local state or installed packages.
const notSources = new Set(['node_modules', '.git', 'dist', 'out', '.host', '.test-artifacts', '.vscode-test']);
const isSource = (source) => {
  const relative = path.relative(root, source);
  const top = relative.split(path.sep)[0];
  return !(notSources.has(top) || top.startsWith('out-') || top.endsWith('.vsix') || top.endsWith('.tgz'));
};

// npm and npx run with an environment of their own: started from `npm test`, this script inherits
// npm's lifecycle variables, which a user's shell would not have (see scripts/host/installEnvironment.mjs).
const env = installEnvironment(process.env, { nodeHome: path.dirname(path.dirname(process.execPath)), machineNode: process.execPath });

function run(command, args, cwd) {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8' });
}

const results = { passed: 0, failed: 0 };
function check(title, condition, details = '') {
  if (condition) {
    results.passed++;
    process.stdout.write(`  ✔ ${title}\n`);
  } else {
    results.failed++;
    process.stdout.write(`  ✘ ${title}\n${details ? `      ${details.trim().split('\n').join('\n      ')}\n` : ''}`);
  }
  return condition;
}

const scratch = mkdtempSync(path.join(tmpdir(), 'news-annotator-package-'));
process.stdout.write('\n  package: npm pack, install the tarball into an empty folder, run the bin\n');
try {
  const project = path.join(scratch, 'project');
  cpSync(root, project, { recursive: true, filter: isSource });
  symlinkSync(realpathSync(path.join(root, 'node_modules')), path.join(project, 'node_modules'), 'dir');
  const packed = run('npm', ['pack', '--pack-destination', scratch, '--loglevel=error'], project);
  const tarballName = readdirSync(scratch).find((name) => name.endsWith('.tgz'));
  if (!check('`npm pack` builds dist/ (prepack) and writes a tarball', packed.status === 0 && tarballName !== undefined, packed.stderr + packed.stdout)) throw new Error('no tarball');
  const tarball = path.join(scratch, tarballName);

  // In a clone, `npx news-annotator` runs dist/cli.js itself, as the build left it.
  const inClone = run('npx', ['--yes=false', 'news-annotator', '--version'], project);
  check(
    'the build leaves dist/cli.js executable: `npx news-annotator --version` in the project folder',
    (statSync(path.join(project, 'dist', 'cli.js')).mode & 0o111) !== 0 && inClone.status === 0 && inClone.stdout.trim() === `news-annotator ${version}`,
    `exit ${inClone.status}\n${inClone.stdout}${inClone.stderr}`,
  );

  const listing = run('tar', ['tzf', tarball], scratch);
  const files = listing.stdout.split('\n').filter(Boolean).map((name) => name.replace(/^package\//, '')).sort();
  check(
    `the tarball holds only what runs and what its users read (${files.length} files, ${Math.round(statSync(tarball).size / 1024)} KB)`,
    JSON.stringify(files) === JSON.stringify(expectedFiles),
    `expected: ${expectedFiles.join(' ')}\nactual:   ${files.join(' ')}`,
  );

  const consumer = path.join(scratch, 'consumer');
  mkdirSync(consumer);
  writeFileSync(path.join(consumer, 'package.json'), '{"private":true}\n');
  const installed = run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball], consumer);
  if (!check('`npm install <tarball>` into an empty folder', installed.status === 0, installed.stderr)) throw new Error('install failed');

  // --yes=false: never fetch a package of that name from the registry; the installed bin must answer.
  const versionRun = run('npx', ['--yes=false', 'news-annotator', '--version'], consumer);
  check(
    `\`npx news-annotator --version\` prints news-annotator ${version}`,
    versionRun.status === 0 && versionRun.stdout.trim() === `news-annotator ${version}`,
    `exit ${versionRun.status}\n${versionRun.stdout}${versionRun.stderr}`,
  );

  cpSync(path.join(root, 'sample-corpus'), path.join(consumer, 'corpus'), { recursive: true });
  const clean = run('npx', ['--yes=false', 'news-annotator', 'validate', 'corpus'], consumer);
  check(
    '`npx news-annotator validate corpus` on the sample corpus: no problems, exit 0',
    clean.status === 0 && clean.stdout === '' && /^Checked 10 files \(4 sidecars\)( and news-annotator\.yaml)?: 0 errors, 0 warnings\.$/m.test(clean.stderr),
    `exit ${clean.status}\n${clean.stdout}${clean.stderr}`,
  );

  // A merge left half done in one sidecar: the check a pre-commit hook or CI job is there for.
  const sidecar = path.join('corpus', 'en', 'mombasa-port-modernisation-deal.txt.ann.yaml');
  appendFileSync(path.join(consumer, sidecar), '<<<<<<< HEAD\n=======\n>>>>>>> other\n');
  const broken = run('npx', ['--yes=false', 'news-annotator', 'validate', 'corpus'], consumer);
  const problemLine = new RegExp(`^${sidecar.replace(/[.]/g, '\\.')}:\\d+:\\d+: error: .*merge conflict`, 'm');
  check(
    '`npx news-annotator validate corpus` with a merge conflict left in a sidecar: path:line:column error, exit 1',
    broken.status === 1 && problemLine.test(broken.stdout),
    `exit ${broken.status}\n${broken.stdout}${broken.stderr}`,
  );
  // Two threads (the installed dist/summaryWorker.js reads half the files): the very same report.
  const split = run('npx', ['--yes=false', 'news-annotator', 'validate', 'corpus', '--no-cache', '--jobs', '2'], consumer);
  check(
    '`npx news-annotator validate corpus --jobs 2`: the same report as one thread',
    split.status === broken.status && split.stdout === broken.stdout && split.stderr === broken.stderr,
    `exit ${split.status}\n${split.stdout}${split.stderr}`,
  );
  // Suggest in two threads (the installed dist/suggestWorker.js takes half the files): the same count.
  const suggestWith = (jobs) => run('npx', ['--yes=false', 'news-annotator', 'suggest', 'corpus', '--from-tags', '--dry-run', '--json', '--jobs', jobs], consumer);
  const suggestOne = suggestWith('1');
  const suggestTwo = suggestWith('2');
  check(
    '`npx news-annotator suggest corpus --from-tags --dry-run --jobs 2`: the same count as one thread',
    suggestTwo.status === suggestOne.status && suggestTwo.stdout === suggestOne.stdout && /"added": [1-9]/.test(suggestTwo.stdout),
    `exit ${suggestTwo.status}\n${suggestTwo.stdout}${suggestTwo.stderr}`,
  );
} catch (error) {
  if (results.failed === 0) check('the package test ran to the end', false, error instanceof Error ? error.stack ?? error.message : String(error));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.stdout.write(`\npackage: ${results.passed} passed, ${results.failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
process.exit(results.failed > 0 ? 1 : 0);
