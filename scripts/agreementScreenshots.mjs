// Takes the screenshots of the agreement report and of adjudication (docs/images/agreement-report.png,
// docs/images/adjudication.png) from the real workbench (code-server + Chromium):
//   npm run build && node scripts/agreementScreenshots.mjs [outDir]
// The sample corpus is copied into a git repository: its tags are alice's on main, and a branch
// "bob" holds a second annotator's tags that differ from them in a fixed pattern (some left out,
// some of another type, some with other bounds). The report compares the work tree (alice) with
// the branch, picked in Compare Annotations' quick pick: the branch is read from git's objects.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { launchBrowser } from './host/browser.mjs';
import { freePort, startCodeServer, workbenchUrl } from './host/codeServer.mjs';
import { ensureHost } from './host/install.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(process.argv[2] ?? path.join(root, 'docs', 'images'));
const otherType = { PERSON: 'ORG', ORG: 'LOCATION', LOCATION: 'ORG', DATE: 'EVENT', EVENT: 'MISC', MISC: 'ORG' };

/** Every sidecar of the copy with `annotate(annotations, fileIndex, text)` as its tags. */
function rewriteSidecars(corpus, annotate) {
  const walk = (folder) => readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? (entry.name === '.git' ? [] : walk(path.join(folder, entry.name))) : [path.join(folder, entry.name)]));
  for (const [fileIndex, file] of walk(corpus).filter((name) => name.endsWith('.ann.yaml')).sort().entries()) {
    const content = readFileSync(file, 'utf8');
    const sidecar = parse(content);
    const text = Array.from(readFileSync(file.slice(0, -'.ann.yaml'.length), 'utf8').replace(/^\uFEFF/, ''));
    const lines = content.split('\n');
    const header = lines.slice(0, lines.indexOf('annotations:') + 1);
    const entry = (annotation) =>
      `  - {id: ${JSON.stringify(annotation.id)}, type: ${JSON.stringify(annotation.type)}, start: ${annotation.start}, end: ${annotation.end}, text: ${JSON.stringify(text.slice(annotation.start, annotation.end).join(''))}, annotator: ${JSON.stringify(annotation.annotator)}}`;
    writeFileSync(file, [...header, ...annotate(sidecar.annotations, fileIndex).map(entry), ''].join('\n').replace('status: "done"', 'status: "in-progress"'));
  }
}

/** Bob's tags: the same as alice's but for a fixed pattern of differences. */
function bobsTags(annotations, fileIndex) {
  return annotations.flatMap((annotation, index) => {
    const id = `b${String(fileIndex * 1000 + index).padStart(7, '0')}`;
    if (index % 7 === 2) return [];
    if (index % 7 === 4) return [{ ...annotation, id, type: otherType[annotation.type] ?? 'MISC', annotator: 'bob' }];
    if (index % 7 === 6 && annotation.end - annotation.start > 4) return [{ ...annotation, id, end: annotation.end - 2, annotator: 'bob' }];
    return [{ ...annotation, id, annotator: 'bob' }];
  });
}

function makeRepository(corpus) {
  const git = (...args) => execFileSync('git', args, { cwd: corpus, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'lead@example.com');
  git('config', 'user.name', 'Lead');
  rewriteSidecars(corpus, (annotations) => annotations.map((annotation) => ({ ...annotation, annotator: 'alice' })));
  git('add', '.');
  git('commit', '-q', '-m', 'alice');
  git('checkout', '-q', '-b', 'bob');
  rewriteSidecars(corpus, bobsTags);
  git('commit', '-q', '-am', 'bob');
  git('checkout', '-q', 'main');
}

async function palette(page, command) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor();
  await input.fill(`>${command}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: command.replace(/^News Annotator: /, '') }).first().waitFor();
  await page.keyboard.press('Enter');
}

async function pick(page, label) {
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().click();
}

const host = ensureHost();
mkdirSync(outDir, { recursive: true });
const scratch = mkdtempSync(path.join(tmpdir(), 'news-annotator-agreement-shots-'));
const browser = await launchBrowser(host.chromium);
const corpus = path.join(scratch, 'newsroom');
cpSync(path.join(root, 'sample-corpus'), corpus, { recursive: true });
makeRepository(corpus);
const server = await startCodeServer({
  host,
  stateDir: path.join(scratch, 'state'),
  port: await freePort(),
  settings: { 'workbench.colorTheme': 'Default Dark Modern', 'editor.minimap.enabled': false, 'editor.wordWrap': 'on', 'editor.fontSize': 15 },
});
const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
try {
  await page.goto(workbenchUrl(server, { folder: corpus, extensionPath: root }));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.activitybar [role="tab"][aria-label^="News Annotator"], .activitybar a[aria-label^="News Annotator"]').first().click();
  await page.locator('.monaco-list-row', { hasText: '.txt' }).first().waitFor({ timeout: 60_000 });
  await palette(page, 'News Annotator: Compare Annotations…');
  await pick(page, 'bob');
  const report = page.frameLocator('iframe.webview').frameLocator('iframe').first();
  await report.locator('h1').waitFor({ timeout: 30_000 });
  // Close the side bar so the report has the width.
  await page.keyboard.press('Control+B');
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(outDir, 'agreement-report.png') });
  process.stdout.write(`wrote ${path.join(outDir, 'agreement-report.png')}\n`);
  // A click on the first type disagreement opens its article with bob's spans beside alice's.
  await report.locator('button.disagreement', { hasText: /type differs/ }).first().click();
  await page.locator('.view-line').first().waitFor();
  // Decorations, CodeLens and the other side's spans arrive a little apart on a busy machine.
  await page.locator('.codelens-decoration', { hasText: 'Accept theirs' }).first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(3000);
  await page.screenshot({ path: path.join(outDir, 'adjudication.png') });
  process.stdout.write(`wrote ${path.join(outDir, 'adjudication.png')}\n`);
} catch (error) {
  await page.screenshot({ path: path.join(outDir, 'failed-agreement.png') });
  throw error;
} finally {
  await page.close();
  await browser.close();
  await server.stop();
  rmSync(scratch, { recursive: true, force: true });
}
