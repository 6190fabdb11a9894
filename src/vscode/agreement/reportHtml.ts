/**
 * The agreement report's web page, built as a string from the report and the words to show (the
 * caller localises them), with no editor types, so tests can read it. Everything that comes from
 * files (paths, entity types, article text, side names) is made printable (control and bidi
 * characters shown as escapes) and HTML-escaped. The page runs only its own inline script (a
 * nonce in a strict content security policy), loads nothing from the network, and takes its
 * colours from the theme's `--vscode-*` variables.
 */
import type { AgreementReport, Disagreement, DisagreementKind, MatchScores, Scores } from '../../core/agreement/agreementReport';
import type { Annotation } from '../../core/sidecar/model';
import { printable } from '../../core/text/printable';
import { escapeHtml, webviewPage } from '../webviewPage';

export interface ReportLabels {
  readonly title: string;
  /** Templates keep their placeholders ({0}, {1}): they are filled here, after escaping what goes in. */
  readonly comparing: string;
  readonly overall: string;
  readonly exactF1: string;
  readonly overlapF1: string;
  readonly kappa: string;
  readonly notDefined: string;
  readonly tokens: string;
  /** {0} matched, {1} ours, {2} theirs. */
  readonly counts: string;
  readonly byType: string;
  readonly exact: string;
  readonly overlap: string;
  readonly byDocument: string;
  readonly document: string;
  readonly ours: string;
  readonly theirs: string;
  readonly disagreements: string;
  readonly none: string;
  readonly skipped: string;
  readonly sortHint: string;
  readonly more: string;
  readonly kinds: Readonly<Record<DisagreementKind, string>>;
  readonly skipReasons: Readonly<Record<'missing-left' | 'missing-right' | 'text-differs', string>>;
}

export interface ReportPage {
  readonly report: AgreementReport;
  readonly labels: ReportLabels;
  /** A fresh random value per render: only scripts and styles carrying it run. */
  readonly nonce: string;
  /** The webview's own source (`webview.cspSource`). */
  readonly cspSource: string;
  /** The display language (`vscode.env.language`), for the page's `lang`. */
  readonly language: string;
}

/** The most disagreements the page lists; the rest are reached with Next Disagreement. */
export const listedDisagreements = 1000;


/** Text from a file: control and bidi characters as visible escapes, then HTML-escaped. */
function fromFile(text: string): string {
  return escapeHtml(printable(text));
}

/** Fills `{0}`, `{1}` … of a localised template with already escaped pieces. */
function fill(template: string, ...pieces: string[]): string {
  return escapeHtml(template).replace(/\{(\d+)\}/g, (whole, index: string) => pieces[Number(index)] ?? whole);
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function scoreCells(scores: Scores): string {
  return `<td class="number" data-value="${scores.f1}">${percent(scores.f1)}</td>`;
}

function overall(report: AgreementReport, labels: ReportLabels): string {
  const kappa = report.kappa === null ? escapeHtml(labels.notDefined) : report.kappa.toFixed(3);
  const tile = (label: string, value: string, detail: string) => `<div class="tile"><div class="tile-label">${escapeHtml(label)}</div><div class="tile-value">${value}</div><div class="tile-detail">${detail}</div></div>`;
  const counts = (scores: Scores) => fill(labels.counts, String(scores.matched), String(scores.left), String(scores.right));
  return `<section class="tiles" aria-label="${escapeHtml(labels.overall)}">${tile(labels.exactF1, percent(report.exact.f1), counts(report.exact))}${tile(labels.overlapF1, percent(report.overlap.f1), counts(report.overlap))}${tile(labels.kappa, kappa, fill(labels.tokens, String(report.tokens)))}</section>`;
}

/** F1 per type as horizontal bars drawn in SVG (no inline styles, which the policy forbids). */
function typeChart(byType: Readonly<Record<string, MatchScores>>, labels: ReportLabels): string {
  const types = Object.keys(byType).sort();
  if (types.length === 0) return `<p>${escapeHtml(labels.none)}</p>`;
  const rowHeight = 34;
  const labelWidth = 130;
  const barWidth = 320;
  const height = types.length * rowHeight + 24;
  const rows = types.map((type, row) => {
    const scores = byType[type];
    const y = row * rowHeight + 4;
    const bar = (value: number, offset: number, kind: 'exact' | 'overlap') =>
      `<rect class="bar ${kind}" x="${labelWidth}" y="${y + offset}" width="${Math.max(1, Math.round(value * barWidth))}" height="12"><title>${escapeHtml(kind === 'exact' ? labels.exact : labels.overlap)} ${percent(value)}</title></rect>` +
      `<text class="value" x="${labelWidth + Math.round(value * barWidth) + 6}" y="${y + offset + 10}">${percent(value)}</text>`;
    return `<g><text class="type" x="${labelWidth - 8}" y="${y + 17}" text-anchor="end">${fromFile(type)}</text>${bar(scores.exact.f1, 0, 'exact')}${bar(scores.overlap.f1, 14, 'overlap')}</g>`;
  });
  const legendY = types.length * rowHeight + 16;
  const legend = `<g class="legend"><rect class="bar exact" x="${labelWidth}" y="${legendY - 9}" width="10" height="10"/><text x="${labelWidth + 14}" y="${legendY}">${escapeHtml(labels.exact)}</text><rect class="bar overlap" x="${labelWidth + 110}" y="${legendY - 9}" width="10" height="10"/><text x="${labelWidth + 124}" y="${legendY}">${escapeHtml(labels.overlap)}</text></g>`;
  return `<svg class="chart" role="img" aria-label="${escapeHtml(labels.byType)}" width="${labelWidth + barWidth + 70}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 70} ${height}">${rows.join('')}${legend}</svg>`;
}

function documentTable(report: AgreementReport, labels: ReportLabels): string {
  const header = (label: string, column: number, numeric: boolean) =>
    `<th scope="col" aria-sort="none"><button type="button" class="sort" data-column="${column}" data-numeric="${numeric}">${escapeHtml(label)}</button></th>`;
  const rows = report.byDocument.map(
    (document) =>
      `<tr><td class="path" data-value="${fromFile(document.path)}"><bdi>${fromFile(document.path)}</bdi></td>${scoreCells(document.exact)}${scoreCells(document.overlap)}<td class="number" data-value="${document.exact.left}">${document.exact.left}</td><td class="number" data-value="${document.exact.right}">${document.exact.right}</td></tr>`,
  );
  return `<p class="hint">${escapeHtml(labels.sortHint)}</p><table id="documents"><thead><tr>${header(labels.document, 0, false)}${header(labels.exactF1, 1, true)}${header(labels.overlapF1, 2, true)}${header(labels.ours, 3, true)}${header(labels.theirs, 4, true)}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function side(annotation: Annotation | undefined, label: string): string {
  if (!annotation) return `<span class="side empty">${escapeHtml(label)}: —</span>`;
  return `<span class="side">${escapeHtml(label)}: <span class="entity-type">${fromFile(annotation.type)}</span> “<bdi>${fromFile(annotation.text)}</bdi>”</span>`;
}

function disagreementList(disagreements: readonly Disagreement[], labels: ReportLabels): string {
  if (disagreements.length === 0) return `<p>${escapeHtml(labels.none)}</p>`;
  const items = disagreements.slice(0, listedDisagreements).map(
    (item, index) =>
      `<li><button type="button" class="disagreement" data-index="${index}"><span class="where"><bdi>${fromFile(item.path)}</bdi>:${item.line}:${item.column}</span> <span class="kind">${escapeHtml(labels.kinds[item.kind])}</span> ${side(item.left, labels.ours)} ${side(item.right, labels.theirs)}</button></li>`,
  );
  const rest = disagreements.length - listedDisagreements;
  return `<ol class="disagreements">${items.join('')}</ol>${rest > 0 ? `<p class="hint">${fill(labels.more, String(rest))}</p>` : ''}`;
}

function skippedList(report: AgreementReport, labels: ReportLabels): string {
  if (report.skipped.length === 0) return '';
  const items = report.skipped.map((item) => `<li><bdi>${fromFile(item.path)}</bdi>: ${escapeHtml(labels.skipReasons[item.reason])}</li>`);
  return `<details><summary>${escapeHtml(labels.skipped)} (${report.skipped.length})</summary><ul>${items.join('')}</ul></details>`;
}

const style = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 20px 24px; }
h1 { font-size: 1.4em; font-weight: 600; margin: 16px 0 4px; }
h2 { font-size: 1.1em; font-weight: 600; margin: 22px 0 8px; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); padding-bottom: 4px; }
.subtitle, .hint, .tile-detail { color: var(--vscode-descriptionForeground); }
.hint { font-size: 0.9em; margin: 4px 0; }
.tiles { display: flex; gap: 12px; flex-wrap: wrap; margin-top: 12px; }
.tile { border: 1px solid var(--vscode-widget-border, var(--vscode-panel-border, transparent)); background: var(--vscode-sideBar-background, transparent); border-radius: 4px; padding: 10px 16px; min-width: 150px; }
.tile-label { font-size: 0.9em; color: var(--vscode-descriptionForeground); }
.tile-value { font-size: 1.8em; font-weight: 600; }
.chart text { fill: var(--vscode-foreground); font-size: 12px; }
.chart .value { fill: var(--vscode-descriptionForeground); font-size: 11px; }
.bar.exact { fill: var(--vscode-charts-blue, #3794ff); }
.bar.overlap { fill: var(--vscode-charts-green, #89d185); }
table { border-collapse: collapse; min-width: 60%; }
th, td { text-align: left; padding: 3px 12px 3px 0; border-bottom: 1px solid var(--vscode-widget-border, transparent); }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
th button.sort { background: none; border: none; color: var(--vscode-foreground); font: inherit; font-weight: 600; cursor: pointer; padding: 2px 0; }
th[aria-sort="ascending"] button.sort::after { content: " ▲"; }
th[aria-sort="descending"] button.sort::after { content: " ▼"; }
ol.disagreements { padding-left: 0; list-style: none; margin: 0; }
button.disagreement { display: block; width: 100%; text-align: left; background: none; border: none; border-radius: 3px; color: var(--vscode-foreground); font: inherit; padding: 4px 6px; cursor: pointer; }
button.disagreement:hover { background: var(--vscode-list-hoverBackground); }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
.where { color: var(--vscode-textLink-foreground); }
.kind { display: inline-block; border: 1px solid var(--vscode-badge-background); color: var(--vscode-badge-foreground); background: var(--vscode-badge-background); border-radius: 8px; padding: 0 6px; font-size: 0.85em; }
.side { margin-left: 8px; }
.side.empty { color: var(--vscode-descriptionForeground); }
.entity-type { font-weight: 600; }
`;

/** Sorting the table and opening a disagreement; runs in the webview with the page's nonce. */
const script = `
const vscode = acquireVsCodeApi();
for (const button of document.querySelectorAll('button.disagreement')) {
  button.addEventListener('click', () => vscode.postMessage({ type: 'reveal', index: Number(button.dataset.index) }));
}
const table = document.getElementById('documents');
if (table) {
  for (const button of table.querySelectorAll('button.sort')) {
    button.addEventListener('click', () => {
      const header = button.parentElement;
      const column = Number(button.dataset.column);
      const numeric = button.dataset.numeric === 'true';
      const ascending = header.getAttribute('aria-sort') !== 'ascending';
      for (const other of table.querySelectorAll('th')) other.setAttribute('aria-sort', 'none');
      header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const body = table.tBodies[0];
      const rows = Array.from(body.rows);
      const value = (row) => row.cells[column].dataset.value;
      rows.sort((a, b) => {
        const order = numeric ? Number(value(a)) - Number(value(b)) : value(a).localeCompare(value(b));
        return ascending ? order : -order;
      });
      for (const row of rows) body.appendChild(row);
    });
  }
}
`;

export function reportHtml({ report, labels, nonce, cspSource, language }: ReportPage): string {
  return webviewPage({
    nonce,
    cspSource,
    language,
    title: labels.title,
    style,
    script,
    body: `<h1>${escapeHtml(labels.title)}</h1>
<p class="subtitle">${fill(labels.comparing, `<bdi>${fromFile(report.left)}</bdi>`, `<bdi>${fromFile(report.right)}</bdi>`)}</p>
${overall(report, labels)}
<h2>${escapeHtml(labels.byType)}</h2>
${typeChart(report.byType, labels)}
<h2>${escapeHtml(labels.byDocument)}</h2>
${documentTable(report, labels)}
<h2>${escapeHtml(labels.disagreements)} (${report.disagreements.length})</h2>
${disagreementList(report.disagreements, labels)}
${skippedList(report, labels)}`,
  });
}
