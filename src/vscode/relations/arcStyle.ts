/**
 * The arc view's page style: written to dist/webview/arcView.css at build time
 * (scripts/webviewAssets.mjs) and loaded by the page from there, like the page script.
 */
// Colours and fonts come from the theme's CSS variables, so the view follows light, dark and
// high-contrast themes. The script sets each tagged piece's top padding: the room its row needs.
export const arcStyle = `
body { color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); padding: 0 16px 24px; }
h1 { font-size: 1.1em; font-weight: 600; margin: 12px 0; }
#empty { color: var(--vscode-descriptionForeground); }
#page { position: relative; }
#article { font-family: var(--vscode-editor-font-family), sans-serif; font-size: calc(var(--vscode-editor-font-size, 14px) + 1px); line-height: 1.6; white-space: pre-wrap; overflow-wrap: anywhere; }
.line { min-height: 1.6em; }
.tagged { display: inline-block; padding-top: 18px; background-clip: content-box; border-bottom: 2px solid transparent; cursor: pointer; white-space: pre; }
.tagged:hover { outline: 1px solid var(--vscode-focusBorder); }
#overlay { position: absolute; left: 0; top: 0; pointer-events: none; overflow: visible; }
#overlay .label { pointer-events: auto; cursor: pointer; }
#overlay .label text { fill: var(--vscode-editor-foreground); }
#overlay .arc-box { fill: var(--vscode-editor-background); fill-opacity: 0.85; }
#overlay .arc-target { stroke: transparent; stroke-width: 10px; pointer-events: stroke; }
#overlay.focused .arc, #overlay.focused .arc-label, #overlay.focused .label { opacity: 0.25; }
#overlay.focused .hot { opacity: 1; }
#overlay.focused .arc.hot { stroke: var(--vscode-focusBorder); stroke-width: 2.4px; }
#overlay.focused .label.hot rect { stroke-width: 2px; }
.tagged:focus { outline: 2px solid var(--vscode-focusBorder); }
`;
