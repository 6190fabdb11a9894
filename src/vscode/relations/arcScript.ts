/**
 * The arc view's page script (runs in the webview under the page's nonce). It lays the article
 * out as ordinary flowing text, so the browser does line breaking, CJK and bidi, then measures
 * each tag with `getClientRects` and draws labels and arcs in an SVG laid over the text. Tagged
 * pieces are inline blocks with room above them (padding), which makes a line with tags taller
 * the way brat's rows are. A first pass measures how high the arcs stack; the second draws.
 */
export const arcScript = `
const vscode = acquireVsCodeApi();
const page = document.getElementById('page');
const article = document.getElementById('article');
const svg = document.getElementById('overlay');
const svgNs = 'http://www.w3.org/2000/svg';
const labelHeight = 14;
const levelStep = 14;
let data;
let segments = [];

function isLight() {
  const classes = document.body.classList;
  return classes.contains('vscode-light') || classes.contains('vscode-high-contrast-light');
}
function colourOf(span) { return isLight() ? span.light : span.dark; }

function build() {
  article.textContent = '';
  segments = [];
  const text = data.text;
  const cuts = new Set([0, text.length]);
  for (const span of data.spans) for (const piece of span.pieces) { cuts.add(piece[0]); cuts.add(piece[1]); }
  for (let index = text.indexOf('\\n'); index >= 0; index = text.indexOf('\\n', index + 1)) { cuts.add(index); cuts.add(index + 1); }
  const sorted = Array.from(cuts).filter((cut) => cut >= 0 && cut <= text.length).sort((a, b) => a - b);
  let line = newLine();
  for (let index = 0; index + 1 < sorted.length; index++) {
    const start = sorted[index];
    const end = sorted[index + 1];
    const piece = text.slice(start, end);
    if (piece === '\\n' || piece === '\\r\\n') { line = newLine(); continue; }
    const covering = data.spans.filter((span) => span.pieces.some((p) => p[0] <= start && end <= p[1]));
    const element = document.createElement('span');
    element.textContent = piece.replace(/\\r$/, '');
    if (covering.length > 0) {
      // The innermost tag colours the piece; every covering tag is listed for clicks.
      covering.sort((a, b) => (a.end - a.start) - (b.end - b.start));
      const colour = colourOf(covering[0]);
      element.className = 'tagged';
      element.style.backgroundColor = colour + '33';
      element.style.borderBottomColor = colour;
      element.dataset.id = covering[0].id;
      element.title = covering.map((span) => span.type).join(', ');
      element.addEventListener('click', () => vscode.postMessage({ type: 'reveal', id: covering[0].id }));
    }
    line.appendChild(element);
    segments.push({ start, end, element });
  }
}

function newLine() {
  const line = document.createElement('div');
  line.className = 'line';
  line.dir = 'auto';
  article.appendChild(line);
  return line;
}

/** The rectangles of a piece of text, one per visual row, relative to the page. */
function pieceRects(piece) {
  const origin = page.getBoundingClientRect();
  const rows = [];
  for (const segment of segments) {
    if (segment.start < piece[0] || segment.end > piece[1]) continue;
    const node = segment.element.firstChild;
    if (!node) continue;
    const range = document.createRange();
    range.selectNodeContents(segment.element);
    for (const rect of range.getClientRects()) {
      if (rect.width === 0) continue;
      const top = rect.top - origin.top;
      const row = rows.find((candidate) => Math.abs(candidate.top - top) < 4);
      if (row) { row.left = Math.min(row.left, rect.left - origin.left); row.right = Math.max(row.right, rect.right - origin.left); }
      else rows.push({ top, bottom: rect.bottom - origin.top, left: rect.left - origin.left, right: rect.right - origin.left });
    }
  }
  return rows;
}

function add(parent, name, attributes) {
  const element = document.createElementNS(svgNs, name);
  for (const key in attributes) element.setAttribute(key, String(attributes[key]));
  parent.appendChild(element);
  return element;
}

/** Labels above every piece (stacked when they collide); returns each tag's anchor for arcs. */
function drawLabels(layer) {
  const placed = [];
  const anchors = new Map();
  const ordered = data.spans.slice().sort((a, b) => (a.end - a.start) - (b.end - b.start));
  for (const span of ordered) {
    for (const piece of span.pieces) {
      const row = pieceRects(piece)[0];
      if (!row) continue;
      const group = add(layer, 'g', { class: 'label', 'data-id': span.id });
      const text = add(group, 'text', { x: 0, y: 0, 'font-size': 10, 'font-weight': 600 });
      text.textContent = span.type;
      const width = text.getComputedTextLength() + 6;
      const centre = (row.left + row.right) / 2;
      let x = Math.max(0, centre - width / 2);
      let y = row.top - labelHeight - 1;
      while (placed.some((box) => box.x < x + width && x < box.x + box.width && Math.abs(box.y - y) < labelHeight - 1)) y -= labelHeight;
      placed.push({ x, y, width });
      const colour = colourOf(span);
      const box = add(group, 'rect', { x, y, width, height: labelHeight - 2, rx: 3, fill: colour, 'fill-opacity': 0.25, stroke: colour });
      group.insertBefore(box, text);
      text.setAttribute('x', String(x + 3));
      text.setAttribute('y', String(y + labelHeight - 5));
      group.addEventListener('click', () => vscode.postMessage({ type: 'reveal', id: span.id }));
      if (!anchors.has(span.id)) anchors.set(span.id, { x: x + width / 2, y, row: row.top });
    }
  }
  return { anchors, top: placed.length === 0 ? 0 : Math.min.apply(null, placed.map((box) => box.y)) };
}

/** Arcs from the source's label to the target's, nested by width on each row. */
function drawArcs(layer, anchors) {
  const arcs = data.relations.map((relation) => ({ relation, from: anchors.get(relation.from), to: anchors.get(relation.to) })).filter((arc) => arc.from && arc.to);
  arcs.sort((a, b) => Math.abs(a.from.x - a.to.x) - Math.abs(b.from.x - b.to.x));
  const done = [];
  let deepest = 0;
  const foreground = getComputedStyle(document.body).color;
  for (const arc of arcs) {
    const left = Math.min(arc.from.x, arc.to.x);
    const right = Math.max(arc.from.x, arc.to.x);
    const row = Math.min(arc.from.row, arc.to.row);
    let level = 0;
    for (const other of done) if (other.row === row && other.left < right + 20 && left - 20 < other.right) level = Math.max(level, other.level + 1);
    done.push({ left, right, row, level });
    deepest = Math.max(deepest, level);
    const top = Math.min(arc.from.y, arc.to.y) - levelStep - level * levelStep;
    const path = 'M' + arc.from.x + ',' + arc.from.y + ' C' + arc.from.x + ',' + top + ' ' + arc.to.x + ',' + top + ' ' + arc.to.x + ',' + (arc.to.y - 2);
    add(layer, 'path', { d: path, fill: 'none', stroke: foreground, 'stroke-width': 1.2, 'marker-end': 'url(#arrow)', class: 'arc' });
    const middleX = (arc.from.x + arc.to.x) / 2;
    const middleY = 0.125 * (arc.from.y + arc.to.y) + 0.75 * top;
    const group = add(layer, 'g', { class: 'arc-label' });
    const text = add(group, 'text', { x: middleX, y: middleY + 3, 'font-size': 10, 'text-anchor': 'middle', fill: foreground });
    text.textContent = arc.relation.type;
    const width = text.getComputedTextLength() + 6;
    const box = add(group, 'rect', { x: middleX - width / 2, y: middleY - 6, width, height: 12, rx: 2, class: 'arc-box' });
    group.insertBefore(box, text);
  }
  return { count: arcs.length, deepest: arcs.length === 0 ? -1 : deepest };
}

function draw() {
  if (!data) return;
  svg.textContent = '';
  const defs = add(svg, 'defs', {});
  const marker = add(defs, 'marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
  add(marker, 'path', { d: 'M0,0 L10,5 L0,10 z', fill: getComputedStyle(document.body).color });
  svg.setAttribute('width', String(page.scrollWidth));
  svg.setAttribute('height', String(page.scrollHeight));
  const labels = add(svg, 'g', {});
  const arcs = add(svg, 'g', {});
  const { anchors } = drawLabels(labels);
  const drawn = drawArcs(arcs, anchors);
  svg.appendChild(labels);
  return { anchors, drawn };
}

/** Room above tagged pieces for stacked labels and arcs, measured by a first drawing pass. */
function layout() {
  if (!data) return;
  document.body.style.setProperty('--room', (labelHeight + 4) + 'px');
  const first = draw();
  const stacked = first ? Math.max(0, ...Array.from(first.anchors.values()).map((anchor) => anchor.row - anchor.y)) : labelHeight;
  const room = stacked + 4 + (first && first.drawn.deepest >= 0 ? (first.drawn.deepest + 2) * levelStep : 0);
  document.body.style.setProperty('--room', room + 'px');
  const second = draw();
  vscode.postMessage({ type: 'drawn', spans: data.spans.length, arcs: second ? second.drawn.count : 0, rows: article.children.length });
}

window.addEventListener('message', (event) => {
  const message = event.data;
  if (!message || message.type !== 'article') return;
  data = message;
  document.getElementById('title').textContent = message.title;
  document.getElementById('empty').hidden = message.spans.length > 0;
  build();
  layout();
});
let pending;
window.addEventListener('resize', () => { clearTimeout(pending); pending = setTimeout(layout, 50); });
new MutationObserver(() => { if (data) { build(); layout(); } }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
vscode.postMessage({ type: 'ready' });
`;
