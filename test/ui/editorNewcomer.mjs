// What a newcomer does in the real workbench, driven with real keys (issue 12): type a type's
// name into the tag picker, tag right-to-left text, read the ✓ button, see the badge at start-up.
// Each flow checks what a person would see and keeps screenshots to look at.
//
//   npm run build && node test/ui/editorNewcomer.mjs [--extension <folder>] [--shots <folder>]
// (also run by scripts/test-integration.mjs after the UI smoke test)
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { uiSteps } from './uiSteps.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const timeout = 30_000;

// Our own right-to-left lines (a Persian line after Latin links, as scraped pages have them; an
// Arabic line; a Persian sentence), each with the words to tag and their type key letter.
export const rightToLeftLines = [
  { text: 'Links: example.org news.example کتابخانه ملی در شهر تهران', tag: 'شهر تهران', key: 'l', name: 'persian-after-links' },
  { text: 'Source: وصل الوفد إلى القاهرة صباح الأحد', tag: 'القاهرة', key: 'l', name: 'arabic' },
  { text: 'علی رضایی امروز به تهران رسید', tag: 'علی رضایی', key: 'p', name: 'persian' },
];

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(check, what, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Opens a workspace file with Quick Open, as a person would. */
async function openFile(page, relative) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor({ timeout });
  await input.fill(relative);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(relative) }).first().waitFor({ timeout });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: path.basename(relative) }).first().waitFor({ timeout });
  await sleep(800); // the session loads and decorations paint (debounced)
}

/** Selects the first occurrence of `text` in the active editor with the find widget. */
async function selectText(page, text) {
  await page.locator('.monaco-editor .view-lines').first().click({ position: { x: 2, y: 2 }, force: true });
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+F');
  const find = page.locator('.find-widget textarea, .find-widget input').first();
  await find.waitFor({ timeout });
  await find.fill(text);
  await sleep(300);
  await page.keyboard.press('Escape');
  await sleep(200);
}

function sidecarEntries(file) {
  const sidecar = `${file}.ann.yaml`;
  if (!existsSync(sidecar)) return [];
  return parse(readFileSync(sidecar, 'utf8')).annotations ?? [];
}

/**
 * The left-to-right screen order of the words of one editor line, read from the rendered DOM:
 * each word's left edge, from a DOM Range over its characters. Labels drawn by decorations are
 * left out (they are not words of the line).
 */
/* global document, NodeFilter -- this function runs in the page */
async function visualWordOrder(page, lineText) {
  return page.evaluate((wanted) => {
    const words = wanted.split(' ');
    const lines = [...document.querySelectorAll('.monaco-editor .view-line')];
    const plain = (node) => node.textContent.replace(/[\u2068\u2069\u00a0]/g, (c) => (c === '\u00a0' ? ' ' : ''));
    const line = lines.find((candidate) => plain(candidate).includes(words[0]) && plain(candidate).includes(words[words.length - 1]));
    if (!line) return undefined;
    const positions = [];
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    const seen = new Set();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.replace(/\u00a0/g, ' ');
      for (const word of words) {
        if (seen.has(word)) continue;
        const at = text.indexOf(word);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + word.length);
        const rect = range.getBoundingClientRect();
        positions.push({ word, left: rect.left });
        seen.add(word);
      }
    }
    return positions.sort((a, b) => a.left - b.left).map((entry) => entry.word);
  }, lineText);
}

/**
 * What the active editor shows, row by row from the top (a wrapped line is several rows), with
 * the inlay hints the editor lays out among the words.
 */
async function renderedRows(page) {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll('.monaco-editor .view-lines .view-line')];
    rows.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
    return rows.map((row) => row.textContent.replace(/\u00a0/g, ' ').replace(/[\u2068\u2069]/g, '')).join('\n');
  });
}

/** Starts a workbench on a scratch copy of the sample corpus and returns the page and the folder. */
async function openWorkbench(browser, host, scratch, name, { extensionPath, settings = {}, prepare = () => {} }) {
  const { startCodeServer, freePort, workbenchUrl } = await import('../../scripts/host/codeServer.mjs');
  const folder = path.join(scratch, name);
  cpSync(path.join(root, 'sample-corpus'), folder, { recursive: true });
  prepare(folder);
  const server = await startCodeServer({ host, stateDir: path.join(scratch, `state-${name}`), port: await freePort(), settings });
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  await page.goto(workbenchUrl(server, { folder, extensionPath }));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await sleep(2500); // activation and the first index
  return { page, folder, server };
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {object} host  from scripts/host/install.mjs ensureHost()
 * @param {{ extensionPath?: string, screenshotDir: string, keepOpen?: boolean }} options
 */
export async function runEditorNewcomerTest(browser, host, { extensionPath = root, screenshotDir }) {
  mkdirSync(screenshotDir, { recursive: true });
  const scratch = mkdtempSync(path.join(tmpdir(), 'news-annotator-newcomer-'));
  let current;
  const { results, step } = uiSteps({ screenshotDir, failureName: (failed) => `failure-newcomer-${failed}.png`, page: () => current?.page, messageLines: 6 });
  process.stdout.write('\n  UI test: what a newcomer does in the editor\n');
  try {
    current = await openWorkbench(browser, host, scratch, 'picker', { extensionPath, settings: { 'files.autoSave': 'afterDelay', 'files.autoSaveDelay': 1000, 'editor.wordWrap': 'on' } });
    const { page, folder } = current;
    const article = path.join(folder, 'en', 'nile-basin-water-project.txt');
    const original = readFileSync(article);

    for (const [typed, name, type] of [
      ['person', 'Helena Okwuosa-Brandt', 'PERSON'],
      ['loc', 'Bahir Dar', 'LOCATION'],
      ['LOCATION', 'Entebbe', 'LOCATION'],
    ]) {
      await step(`typing "${typed}" + Enter in the tag picker tags "${name}" as ${type}, and nothing typed reaches the article`, async () => {
        await openFile(page, 'en/nile-basin-water-project.txt');
        await selectText(page, name);
        await page.keyboard.press('Control+Alt+T');
        await page.locator('.quick-input-widget', { hasText: 'PERSON' }).first().waitFor({ timeout });
        await page.keyboard.type(typed, { delay: 90 });
        await page.keyboard.press('Enter');
        await waitFor(() => sidecarEntries(article).some((entry) => entry.text === name && entry.type === type), `a ${type} tag on ${name} in the sidecar`);
        // Auto-save (on in this workbench, as in the report) would write stray keystrokes within a second.
        await sleep(2500);
        if (!readFileSync(article).equals(original)) throw new Error('keystrokes reached the article: it changed on disk');
        if ((await page.locator('.tab.dirty').count()) > 0) throw new Error('keystrokes reached the article: it has unsaved changes');
      });
    }
    await step('a key letter typed alone picks its type without Enter', async () => {
      await selectText(page, 'Lake Victoria');
      await page.keyboard.press('Control+Alt+T');
      await page.locator('.quick-input-widget', { hasText: 'PERSON' }).first().waitFor({ timeout });
      await page.keyboard.type('m');
      await waitFor(() => sidecarEntries(article).some((entry) => entry.text === 'Lake Victoria' && entry.type === 'MISC'), 'a MISC tag on Lake Victoria');
      await sleep(2500);
      if (!readFileSync(article).equals(original)) throw new Error('the article changed on disk');
    });
    await page.screenshot({ path: path.join(screenshotDir, 'newcomer-picker.png') });
    await step('with word wrap on, every tag of a long paragraph shows its whole label (the editor cuts inlay hints after 43 characters a line unless told otherwise)', async () => {
      // Line 8 of the article is one paragraph with eight tags: 52 characters of labels.
      await openFile(page, 'en/cartagena-hangzhou-sister-cities.txt');
      let rows = '';
      try {
        await waitFor(async () => /Mejía\s*LOCATION/.test((rows = await renderedRows(page))), 'a LOCATION label after "Teatro Adolfo Mejía", the last tag of line 8');
      } catch (error) {
        throw new Error(`${error.message}; the editor shows:\n${rows.split('\n').filter((row) => row.includes('Mingyuan') || row.includes('Mejía')).join('\n')}`);
      }
      if (!/Mingyuan\s*PERSON/.test(rows)) throw new Error('no whole PERSON label after "Zhou Mingyuan"');
      if (rows.includes('\u2026')) throw new Error(`a label is cut short: ${rows.split('\n').find((row) => row.includes('\u2026'))}`);
    });
    await page.screenshot({ path: path.join(screenshotDir, 'newcomer-long-paragraph.png') });
    await current.page.close();
    await current.server.stop();

    current = await openWorkbench(browser, host, scratch, 'rtl', {
      extensionPath,
      settings: { 'editor.fontSize': 18, 'editor.minimap.enabled': false },
      prepare: (folder) => {
        mkdirSync(path.join(folder, 'rtl'), { recursive: true });
        writeFileSync(path.join(folder, 'rtl', 'right-to-left.txt'), `${rightToLeftLines.map((line) => line.text).join('\n\n')}\n`);
      },
    });
    const rtlPage = current.page;
    await openFile(rtlPage, 'rtl/right-to-left.txt');
    const editorBox = await rtlPage.locator('.monaco-editor').first().boundingBox();
    const clip = { x: editorBox.x, y: editorBox.y, width: Math.min(editorBox.width, 800), height: 200 };
    const before = [];
    for (const line of rightToLeftLines) before.push(await visualWordOrder(rtlPage, line.text));
    await rtlPage.screenshot({ path: path.join(screenshotDir, 'rtl-before-tagging.png'), clip });
    for (const [index, line] of rightToLeftLines.entries()) {
      await step(`tagging "${line.tag}" keeps the visual order of the ${line.name} line`, async () => {
        await selectText(rtlPage, line.tag);
        await rtlPage.keyboard.press('Control+Alt+T');
        await rtlPage.locator('.quick-input-widget', { hasText: 'PERSON' }).first().waitFor({ timeout });
        await rtlPage.keyboard.type(line.key);
        await rtlPage.keyboard.press('Enter');
        const file = path.join(current.folder, 'rtl', 'right-to-left.txt');
        await waitFor(() => sidecarEntries(file).some((entry) => entry.text === line.tag), `the tag on ${line.tag}`);
        await sleep(800);
        const after = await visualWordOrder(rtlPage, line.text);
        if (JSON.stringify(after) !== JSON.stringify(before[index])) throw new Error(`words left to right before: ${before[index].join(' | ')}\n after: ${after?.join(' | ')}`);
      });
    }
    await rtlPage.screenshot({ path: path.join(screenshotDir, 'rtl-after-tagging.png'), clip });
    await current.page.close();
    await current.server.stop();

    // A folder of plain .txt articles, no sidecars and no project file (like the seed corpus).
    current = await openWorkbench(browser, host, scratch, 'plain', {
      extensionPath,
      prepare: (folder) => {
        for (const language of ['en', 'es', 'zh']) {
          for (const name of readdirSync(path.join(folder, language))) if (name.endsWith('.ann.yaml')) rmSync(path.join(folder, language, name));
        }
      },
    });
    const plainPage = current.page;
    await step('the activity-bar badge counts the files to do at start-up, before the view was ever opened', async () => {
      const badge = plainPage.locator('.activitybar [aria-label^="News Annotator"] .badge-content, .activitybar .action-item:has([aria-label^="News Annotator"]) .badge-content').first();
      await badge.waitFor({ timeout });
      // The badge element can show before its count does (the index is still being built).
      let count = '';
      for (const deadline = Date.now() + timeout; Date.now() < deadline; await sleep(200)) {
        count = ((await badge.textContent()) ?? '').trim();
        if (count !== '') break;
      }
      if (count !== '10') throw new Error(`badge shows ${JSON.stringify(count)}, expected 10 (every article is untouched)`);
    });
    await step('the editor title ✓ says Mark File Done, and Mark File In Progress once the file is done', async () => {
      await openFile(plainPage, 'en/nile-basin-water-project.txt');
      const done = plainPage.locator('.editor-actions [aria-label^="Mark File Done"]').first();
      await done.waitFor({ timeout });
      await done.click();
      await plainPage.locator('.editor-actions [aria-label^="Mark File In Progress"]').first().waitFor({ timeout });
      if ((await plainPage.locator('.editor-actions [aria-label^="Mark File Done"]').count()) > 0) throw new Error('both titles are shown');
      await plainPage.locator('.editor-actions [aria-label^="Mark File In Progress"]').first().click();
      await done.waitFor({ timeout });
    });
  } finally {
    await current?.page.close().catch(() => {});
    await current?.server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
  return results;
}

// Run on its own: node test/ui/editorNewcomer.mjs [--extension <folder>] [--shots <folder>]
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const option = (name, fallback) => {
    const at = process.argv.indexOf(name);
    return at >= 0 ? path.resolve(process.argv[at + 1]) : fallback;
  };
  const { ensureHost } = await import('../../scripts/host/install.mjs');
  const { launchBrowser } = await import('../../scripts/host/browser.mjs');
  const host = ensureHost();
  const browser = await launchBrowser(host.chromium);
  try {
    const results = await runEditorNewcomerTest(browser, host, { extensionPath: option('--extension', root), screenshotDir: option('--shots', path.join(root, '.test-artifacts')) });
    process.stdout.write(`\nnewcomer UI test: ${results.passed} passed, ${results.failed} failed\n`);
    process.exitCode = results.failed > 0 ? 1 : 0;
  } finally {
    await browser.close();
  }
}
