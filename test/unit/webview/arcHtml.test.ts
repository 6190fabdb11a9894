/**
 * The arc view's page loads its script and style from the extension's files (dist/webview), under
 * the same strict policy as an inline page: nothing from the network, the script only by nonce.
 */
import assert from 'node:assert/strict';
import { arcHtml } from '../../../src/vscode/relations/arcHtml';

const origin = 'https://file+.vscode-resource.vscode-cdn.net';
const files = { script: `${origin}/ext/dist/webview/arcView.js`, style: `${origin}/ext/dist/webview/arcView.css?a="b"` };

describe('the arc view page', () => {
  const html = arcHtml('n0nce', origin, 'en', 'No tags <yet>', files);
  const policy = (/http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '').replace(/&#39;/g, "'");

  it('loads the script and the style from the given files, with the nonce, and inlines neither', () => {
    assert.ok(html.includes(`<script nonce="n0nce" src="${files.script}"></script>`));
    assert.ok(html.includes(`<link rel="stylesheet" nonce="n0nce" href="${origin}/ext/dist/webview/arcView.css?a=&quot;b&quot;">`), 'the URI is escaped');
    assert.ok(!html.includes('<style'), 'no inline style');
    assert.ok(!/<script nonce="n0nce">/.test(html), 'no inline script');
    assert.ok(html.includes('No tags &lt;yet&gt;'));
  });

  it('allows scripts only by nonce and styles only from the extension or by nonce', () => {
    assert.match(policy, /default-src 'none';/);
    assert.match(policy, /script-src 'nonce-n0nce';/);
    assert.match(policy, new RegExp(`style-src ${origin.replace(/[.+]/g, '\\$&')} 'nonce-n0nce';`));
  });
});
