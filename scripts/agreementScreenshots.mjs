// Takes the screenshots of the agreement report and of adjudication (docs/images/agreement-report.png,
// docs/images/adjudication.png) from the real workbench (code-server + Chromium):
//   npm run build && node scripts/agreementScreenshots.mjs [outDir]
// The sample corpus is copied and each sidecar gets a second annotator, "bob", whose tags differ
// from the original ones ("alice") in a fixed pattern: some left out, some of another type, some
// with other bounds. The report compares alice with bob through the command palette.
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

/** Every sidecar of the copy: the original tags become alice's, and bob's differ from them. */
function addSecondAnnotator(corpus) {
  const walk = (folder) => readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(folder, entry.name)) : [path.join(folder, entry.name)]));
  for (const [fileIndex, file] of walk(corpus).filter((name) => name.endsWith('.ann.yaml')).entries()) {
    const content = readFileSync(file, 'utf8');
    const sidecar = parse(content);
    const text = Array.from(readFileSync(file.slice(0, -'.ann.yaml'.length), 'utf8').replace(/^\uFEFF/, ''));
    const lines = content.split('\n');
    const header = lines.slice(0, lines.indexOf('annotations:') + 1);
    const entry = (annotation) =>
      `  - {id: ${JSON.stringify(annotation.id)}, type: ${JSON.stringify(annotation.type)}, start: ${annotation.start}, end: ${annotation.end}, text: ${JSON.stringify(text.slice(annotation.start, annotation.end).join(''))}, annotator: ${JSON.stringify(annotation.annotator)}}`;
    const alice = sidecar.annotations.map((annotation) => ({ ...annotation, annotator: 'alice' }));
    const bob = sidecar.annotations.flatMap((annotation, index) => {
      const id = `b${String(fileIndex * 1000 + index).padStart(7, '0')}`;
      if (index % 7 === 2) return [];
      if (index % 7 === 4) return [{ ...annotation, id, type: otherType[annotation.type] ?? 'MISC', annotator: 'bob' }];
      if (index % 7 === 6 && annotation.end - annotation.start > 4) return [{ ...annotation, id, end: annotation.end - 2, annotator: 'bob' }];
      return [{ ...annotation, id, annotator: 'bob' }];
    });
    writeFileSync(file, [...header, ...alice.map(entry), ...bob.map(entry), ''].join('\n').replace('status: "done"', 'status: "in-progress"'));
  }
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
addSecondAnnotator(corpus);
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
  await pick(page, 'Two annotators in these files');
  await pick(page, 'alice');
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
  await page.waitForTimeout(1500);
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
