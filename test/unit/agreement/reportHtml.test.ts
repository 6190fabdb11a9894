import assert from 'node:assert/strict';
import type { AgreementReport } from '../../../src/core/agreement/agreementReport';
import { compareSides } from '../../../src/core/agreement/compareSides';
import type { Annotation } from '../../../src/core/sidecar/model';
import { reportHtml, type ReportLabels } from '../../../src/vscode/agreement/reportHtml';
import { escapeHtml } from '../../../src/vscode/webviewPage';

const labels: ReportLabels = {
  title: 'Agreement',
  comparing: '{0} (ours) compared with {1} (theirs)',
  overall: 'Overall',
  exactF1: 'Exact F1',
  overlapF1: 'Overlap F1',
  kappa: 'Kappa',
  notDefined: 'not defined',
  tokens: '{0} tokens',
  counts: '{0} matched, {1} ours, {2} theirs',
  byType: 'By type',
  exact: 'Exact',
  overlap: 'Overlap',
  byDocument: 'By document',
  document: 'Document',
  ours: 'Ours',
  theirs: 'Theirs',
  disagreements: 'Disagreements',
  none: 'None.',
  skipped: 'Skipped',
  sortHint: 'Sort',
  more: '{0} more',
  kinds: { 'only-left': 'only ours', 'only-right': 'only theirs', type: 'type differs', boundary: 'bounds differ' },
  skipReasons: { 'missing-left': 'not in ours', 'missing-right': 'not in theirs', 'text-differs': 'text differs' },
};

const hostileText = 'Hi <script>alert(1)</script> \u202Eevil\u202C & "quoted" <img src=x onerror=alert(2)>';
const hostileType = '<script>x</script>';
const path = 'news/<b>"bad".txt';

function annotationOver(id: string, type: string, start: number, end: number): Annotation {
  return { id, type, start, end, text: [...hostileText].slice(start, end).join('') };
}

function hostileReport(): AgreementReport {
  const ours = [annotationOver('a', hostileType, 3, 28)];
  const theirs = [annotationOver('b', 'PERSON', 29, 35), annotationOver('c', hostileType, 3, 11)];
  return compareSides({ name: '<i>ours</i>', documents: [{ path, text: hostileText, annotations: ours }] }, { name: 'git:"x"', documents: [{ path, text: hostileText, annotations: theirs }] });
}

function page(report: AgreementReport): string {
  return reportHtml({ report, labels, nonce: 'NONCE123', cspSource: 'vscode-webview://x', language: 'es' });
}

describe('reportHtml', () => {
  it('escapes article text, types, paths and side names: no markup and no bidi control gets through', () => {
    const report = hostileReport();
    assert.ok(report.disagreements.length >= 2);
    const html = page(report);
    // Exactly one script element: the page's own, carrying the nonce.
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.ok(html.includes('<script nonce="NONCE123">'));
    assert.ok(!html.includes('<img'), 'an img tag from the text must not reach the page');
    assert.ok(!html.includes('<b>') && !html.includes('<i>'));
    assert.ok(html.includes('&lt;script&gt;x&lt;/script&gt;'), 'the type is shown, escaped');
    assert.ok(html.includes('news/&lt;b&gt;&quot;bad&quot;.txt'));
    assert.ok(!/[\u202a-\u202e\u2066-\u2069]/.test(html), 'bidi controls are shown as escapes, never passed on');
    assert.ok(html.includes('\\u202e'));
  });

  it('has a strict content security policy: nothing but its own nonce runs, nothing loads from the network', () => {
    const html = page(hostileReport());
    const policy = (/http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '').replace(/&#39;/g, "'");
    assert.ok(policy.includes("default-src 'none'"));
    assert.ok(policy.includes("script-src 'nonce-NONCE123'"));
    assert.ok(!policy.includes('unsafe-inline') && !policy.includes('http'), policy);
    assert.ok(!/\bstyle="/.test(html), 'inline style attributes would be blocked by the policy');
    assert.ok(!/https?:\/\//.test(html.replace(/http-equiv/g, '')), 'no network address in the page');
    assert.ok(html.includes('<html lang="es">'));
  });

  it('draws F1 per type as bars, a sortable table and one clickable button per disagreement', () => {
    const report = hostileReport();
    const html = page(report);
    assert.equal(html.match(/<rect class="bar exact"/g)?.length, Object.keys(report.byType).length + 1, 'one exact bar per type, plus the legend');
    assert.equal(html.match(/class="sort"/g)?.length, 5);
    assert.ok(html.includes('aria-sort="none"'));
    const buttons = [...html.matchAll(/class="disagreement" data-index="(\d+)"/g)].map((match) => Number(match[1]));
    assert.deepEqual(buttons, report.disagreements.map((_, index) => index));
    assert.ok(html.includes(`Disagreements (${report.disagreements.length})`));
  });

  it('fills templates after escaping, and says when kappa is not defined', () => {
    const report = { ...hostileReport(), kappa: null };
    const html = page(report);
    assert.ok(html.includes('&lt;i&gt;ours&lt;/i&gt;</bdi> (ours) compared with <bdi>git:&quot;x&quot;</bdi> (theirs)'));
    assert.ok(html.includes('not defined'));
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
