// Screenshots of the arc view on a page of real input (issue 14 asks for one "on a seed page"):
//   npm run build && node scripts/seedArcsScreenshot.mjs SEED_PAGE.txt [outDir]
// The page is copied into a scratch corpus with the sample corpus's project file, tagged by
// importing a brat file this script writes (the names below, every whole-word occurrence), and
// given relations between nearby tags. Seed pages must not be copied into the project, so the
// pictures go to outDir (default: a new temporary folder), never to docs/.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './host/browser.mjs';
import { freePort, startCodeServer, workbenchUrl } from './host/codeServer.mjs';
import { ensureHost } from './host/install.mjs';
import { showArcs } from './host/showArcs.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [seedPage, outArgument] = process.argv.slice(2);
if (!seedPage) {
  process.stderr.write('usage: node scripts/seedArcsScreenshot.mjs SEED_PAGE.txt [outDir]\n');
  process.exit(2);
}
const outDir = path.resolve(outArgument ?? mkdtempSync(path.join(tmpdir(), 'news-annotator-seed-arcs-')));

// The entities the seed corpus's README names, and a few more of its pages' names.
const names = [
  ['Xi Jinping', 'PERSON'], ['Gustavo Petro', 'PERSON'], ['Petro', 'PERSON'], ['Zhao Leji', 'PERSON'], ['Feng Yongbin', 'PERSON'],
  ['Jin Zhuanglong', 'PERSON'], ['Luis Gilberto Murillo', 'PERSON'], ['Li Yan', 'PERSON'],
  ['Global Times', 'ORG'], ['China daily', 'ORG'], ['FAO', 'ORG'], ['MIIT', 'ORG'], ['APEC', 'ORG'], ['CELAC', 'ORG'], ['Celac', 'ORG'],
  ['China-Celac Forum', 'EVENT'], ['Belt and Road', 'MISC'],
  ['Beijing', 'LOCATION'], ['Bogota', 'LOCATION'], ['Colombia', 'LOCATION'], ['China', 'LOCATION'], ['Peru', 'LOCATION'], ['Lima', 'LOCATION'],
  ['Chancay', 'LOCATION'], ['Cartagena', 'LOCATION'], ['Hangzhou', 'LOCATION'], ['South America', 'LOCATION'], ['Munich', 'LOCATION'],
  ['2024-10-11', 'DATE'], ['2025-05-15', 'DATE'], ['2023-10-25', 'DATE'], ['October 25th', 'DATE'],
  // Chinese names (matched inside unspaced text), to look at the view with CJK, e.g. on the sample's zh pages.
  ['周明远', 'PERSON'], ['露西娅·费兰·奥索里奥', 'PERSON'], ['林晓帆', 'PERSON'], ['浙江大学', 'ORG'], ['杭州', 'LOCATION'], ['卡塔赫纳', 'LOCATION'], ['哥伦比亚', 'LOCATION'],
];

/** Every whole-word occurrence of the names, longest first, without overlaps, in code points. */
function findMentions(text) {
  const points = Array.from(text);
  const taken = new Array(points.length).fill(false);
  const mentions = [];
  const isWordPoint = (point) => point !== undefined && /[\p{L}\p{N}]/u.test(point);
  for (const [name, type] of [...names].sort((a, b) => b[0].length - a[0].length)) {
    const namePoints = Array.from(name);
    for (let start = 0; start + namePoints.length <= points.length; start++) {
      const end = start + namePoints.length;
      if (namePoints.some((point, offset) => points[start + offset] !== point)) continue;
      const spaced = !/\p{Script=Han}/u.test(name);
      if (spaced && (isWordPoint(points[start - 1]) || isWordPoint(points[end]))) continue;
      if (taken.slice(start, end).some(Boolean)) continue;
      for (let index = start; index < end; index++) taken[index] = true;
      mentions.push({ start, end, type, text: name });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** Relations the project file allows, between each tag and the next fitting tag within 200 code points. */
function findRelations(mentions) {
  const rules = [['meets', ['PERSON'], ['PERSON']], ['located_in', ['ORG', 'EVENT'], ['LOCATION']]];
  const relations = [];
  mentions.forEach((from, index) => {
    for (const [type, fromTypes, toTypes] of rules) {
      if (!fromTypes.includes(from.type)) continue;
      const to = mentions.slice(index + 1).find((candidate) => toTypes.includes(candidate.type) && candidate.text !== from.text && candidate.start - from.end < 200);
      if (to) relations.push({ type, from: index, to: mentions.indexOf(to) });
    }
  });
  return relations;
}

function prepareCorpus(scratch) {
  const corpus = path.join(scratch, 'corpus');
  const brat = path.join(scratch, 'brat');
  mkdirSync(corpus, { recursive: true });
  mkdirSync(brat, { recursive: true });
  for (const file of ['news-annotator.yaml', 'GUIDELINES.md']) copyFileSync(path.join(root, 'sample-corpus', file), path.join(corpus, file));
  cpSync(path.join(root, 'sample-corpus', 'kb'), path.join(corpus, 'kb'), { recursive: true });
  const text = readFileSync(seedPage, 'utf8');
  const mentions = findMentions(text);
  const relations = findRelations(mentions);
  const lines = [
    ...mentions.map((mention, index) => `T${index + 1}\t${mention.type} ${mention.start} ${mention.end}\t${mention.text}`),
    ...relations.map((relation, index) => `R${index + 1}\t${relation.type} Arg1:T${relation.from + 1} Arg2:T${relation.to + 1}`),
  ];
  copyFileSync(seedPage, path.join(brat, 'page.txt'));
  writeFileSync(path.join(brat, 'page.ann'), `${lines.join('\n')}\n`);
  execFileSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'import', corpus, '--format', 'brat', '--from', brat], { stdio: ['ignore', 'inherit', 'inherit'] });
  process.stdout.write(`tagged ${mentions.length} mentions with ${relations.length} relations\n`);
  return { corpus, firstRelated: mentions[relations[0]?.from ?? 0]?.text };
}

const host = ensureHost();
mkdirSync(outDir, { recursive: true });
const scratch = mkdtempSync(path.join(tmpdir(), 'news-annotator-seed-'));
const browser = await launchBrowser(host.chromium);
try {
  const { corpus, firstRelated } = prepareCorpus(scratch);
  const server = await startCodeServer({
    host,
    stateDir: path.join(scratch, 'state'),
    port: await freePort(),
    settings: { 'workbench.colorTheme': 'Default Light Modern', 'editor.minimap.enabled': false, 'editor.wordWrap': 'on', 'editor.fontSize': 15 },
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(workbenchUrl(server, { folder: corpus, extensionPath: root }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.activitybar [role="tab"][aria-label^="News Annotator"], .activitybar a[aria-label^="News Annotator"]').first().click();
    await page.locator('.monaco-list-row', { hasText: 'page.txt' }).first().click();
    await page.locator('.view-lines').first().waitFor();
    await page.waitForTimeout(1500);
    const view = await showArcs(page);
    await page.screenshot({ path: path.join(outDir, 'arcs-seed.png') });
    // Pointing at a related tag brings out its relations and fades the rest.
    if (firstRelated) {
      await view.locator('.tagged', { hasText: firstRelated }).first().hover({ force: true });
      await page.waitForTimeout(400);
      await page.screenshot({ path: path.join(outDir, 'arcs-seed-focused.png') });
    }
    process.stdout.write(`wrote ${path.join(outDir, 'arcs-seed.png')} and arcs-seed-focused.png\n`);
  } finally {
    await page.close();
    await server.stop();
  }
} finally {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
}
