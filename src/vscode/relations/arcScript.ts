/**
 * The arc view's page script (runs in the webview under the page's nonce). The build writes it
 * to dist/webview/arcView.js (scripts/webviewAssets.mjs), which the page loads. It lays the article
 * out as ordinary flowing text, so the browser does line breaking, CJK and bidi, then measures
 * each tag with `getClientRects` and draws labels and arcs in an SVG laid over the text. Tagged
 * pieces are inline blocks with room above them (padding), which makes a line with tags taller
 * the way brat's rows are. A first pass measures how high the arcs stack; the second draws.
 * Pointing at (or focusing) a tag or an arc brings out its relations and their ends and fades the
 * rest, so an arc that continues on the next row can be followed by eye.
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
      element.tabIndex = 0;
      element.addEventListener('click', () => vscode.postMessage({ type: 'reveal', id: covering[0].id }));
      element.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); vscode.postMessage({ type: 'reveal', id: covering[0].id }); } });
      const ids = covering.map((span) => span.id);
      element.addEventListener('mouseenter', () => focusSpans(ids));
      element.addEventListener('focus', () => focusSpans(ids));
      element.addEventListener('mouseleave', clearFocus);
      element.addEventListener('blur', clearFocus);
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
      placed.push({ x, y, width, row: row.top });
      need(row.top, row.top - y + 2);
      const colour = colourOf(span);
      const box = add(group, 'rect', { x, y, width, height: labelHeight - 2, rx: 3, fill: colour, 'fill-opacity': 0.25, stroke: colour });
      group.insertBefore(box, text);
      text.setAttribute('x', String(x + 3));
      text.setAttribute('y', String(y + labelHeight - 5));
      group.addEventListener('click', () => vscode.postMessage({ type: 'reveal', id: span.id }));
      group.addEventListener('mouseenter', () => focusSpans([span.id]));
      group.addEventListener('mouseleave', clearFocus);
      if (!anchors.has(span.id)) anchors.set(span.id, { x: x + width / 2, y, row: row.top });
    }
  }
  return { anchors, placed };
}

/** Room each row needs above its text (labels and arcs), found by a drawing pass. */
let needs = [];
function need(top, room) {
  const found = needs.find((row) => Math.abs(row.top - top) < 4);
  if (found) found.room = Math.max(found.room, room);
  else needs.push({ top, room });
}

/**
 * The pieces of each arc: one curve when both ends are on one row; across rows, as brat does,
 * a curve from the upper end out to the right edge and one in from the left edge to the lower.
 * On each row the narrower pieces sit lower, so nested arcs do not cross.
 */
function arcPieces(anchors) {
  const width = page.clientWidth;
  const pieces = [];
  for (const relation of data.relations) {
    const from = anchors.get(relation.from);
    const to = anchors.get(relation.to);
    if (!from || !to) continue;
    if (Math.abs(from.row - to.row) < 4) {
      pieces.push({ relation, kind: 'full', row: from.row, left: Math.min(from.x, to.x), right: Math.max(from.x, to.x), from, to, named: true });
      continue;
    }
    const upper = from.row < to.row ? from : to;
    const lower = upper === from ? to : from;
    // Both halves carry the relation's name, so the half on the next row can be matched up.
    pieces.push({ relation, kind: 'out', row: upper.row, left: upper.x, right: width, anchor: upper, arrow: upper === to, named: true });
    pieces.push({ relation, kind: 'in', row: lower.row, left: 0, right: lower.x, anchor: lower, arrow: lower === to, named: true });
  }
  pieces.sort((a, b) => (a.right - a.left) - (b.right - b.left));
  const placed = [];
  for (const piece of pieces) {
    let level = 0;
    for (const other of placed) if (Math.abs(other.row - piece.row) < 4 && other.left < piece.right + 20 && piece.left - 20 < other.right) level = Math.max(level, other.level + 1);
    piece.level = level;
    placed.push(piece);
  }
  return pieces;
}

function drawArcs(layer, anchors, labels) {
  const foreground = getComputedStyle(document.body).color;
  const pieces = arcPieces(anchors);
  // Arcs start above the highest label of their row, so they never cross a label.
  const rowBase = (row) => Math.min.apply(null, labels.filter((box) => Math.abs(box.row - row) < 4).map((box) => box.y).concat([row]));
  for (const piece of pieces) {
    const top = rowBase(piece.row) - levelStep - piece.level * levelStep;
    need(piece.row, piece.row - top + 8);
    let path;
    let middleX;
    if (piece.kind === 'full') {
      path = 'M' + piece.from.x + ',' + piece.from.y + ' C' + piece.from.x + ',' + top + ' ' + piece.to.x + ',' + top + ' ' + piece.to.x + ',' + (piece.to.y - 2);
      middleX = (piece.from.x + piece.to.x) / 2;
    } else {
      const x = piece.anchor.x;
      const edge = piece.kind === 'out' ? piece.right : 0;
      const bend = piece.kind === 'out' ? x + 12 : x - 12;
      const atAnchor = 'Q' + x + ',' + top + ' ' + x + ',' + (piece.anchor.y - 2);
      // The path ends at the target, where the arrowhead goes.
      path = piece.arrow ? 'M' + edge + ',' + top + ' L' + bend + ',' + top + ' ' + atAnchor : 'M' + x + ',' + piece.anchor.y + ' Q' + x + ',' + top + ' ' + bend + ',' + top + ' L' + edge + ',' + top;
      middleX = (x + edge) / 2;
    }
    const attributes = { d: path, fill: 'none', stroke: foreground, 'stroke-width': 1.2, class: 'arc', 'data-relation': piece.relation.id };
    if (piece.kind === 'full' || piece.arrow) attributes['marker-end'] = 'url(#arrow)';
    // A half that goes on at the page's edge ends (or starts) there with an open chevron.
    // (Paths run towards the target, so an arrowed half starts at the edge and the other ends there.)
    if (piece.kind !== 'full') attributes[piece.arrow ? 'marker-start' : 'marker-end'] = 'url(#onward)';
    add(layer, 'path', attributes);
    // A wider, invisible copy of the path is what the pointer catches.
    const target = add(layer, 'path', { d: path, fill: 'none', class: 'arc-target', 'data-relation': piece.relation.id });
    target.addEventListener('mouseenter', () => focusRelations([piece.relation]));
    target.addEventListener('mouseleave', clearFocus);
    if (!piece.named) continue;
    const middleY = piece.kind === 'full' ? 0.125 * (piece.from.y + piece.to.y) + 0.75 * top : top;
    const group = add(layer, 'g', { class: 'arc-label', 'data-relation': piece.relation.id });
    const text = add(group, 'text', { x: middleX, y: middleY + 3, 'font-size': 10, 'text-anchor': 'middle', fill: foreground });
    text.textContent = piece.relation.type;
    const width = text.getComputedTextLength() + 6;
    const box = add(group, 'rect', { x: middleX - width / 2, y: middleY - 6, width, height: 12, rx: 2, class: 'arc-box' });
    group.insertBefore(box, text);
  }
  return new Set(pieces.map((piece) => piece.relation.id)).size;
}

function draw() {
  svg.textContent = '';
  const defs = add(svg, 'defs', {});
  // Markers keep their size when a focused arc is drawn thicker (user units, not stroke widths).
  const marker = add(defs, 'marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 8, markerHeight: 8, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' });
  add(marker, 'path', { d: 'M0,0 L10,5 L0,10 z', fill: getComputedStyle(document.body).color });
  const onward = add(defs, 'marker', { id: 'onward', viewBox: '0 0 10 10', refX: 5, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto' });
  add(onward, 'path', { d: 'M2,1 L8,5 L2,9', fill: 'none', stroke: getComputedStyle(document.body).color, 'stroke-width': 1.5 });
  svg.setAttribute('width', String(page.scrollWidth));
  svg.setAttribute('height', String(page.scrollHeight));
  const labels = add(svg, 'g', {});
  const arcs = add(svg, 'g', {});
  const { anchors, placed } = drawLabels(labels);
  const count = drawArcs(arcs, anchors, placed);
  svg.appendChild(labels);
  return count;
}

/** Brings out these relations and the tags at their ends; everything else fades. */
function focusRelations(relations) {
  const relationIds = new Set(relations.map((relation) => relation.id));
  const spanIds = new Set();
  for (const relation of relations) { spanIds.add(relation.from); spanIds.add(relation.to); }
  svg.classList.add('focused');
  for (const element of svg.querySelectorAll('[data-relation]')) element.classList.toggle('hot', relationIds.has(element.getAttribute('data-relation')));
  for (const element of svg.querySelectorAll('.label')) element.classList.toggle('hot', spanIds.has(element.getAttribute('data-id')));
}
function focusSpans(ids) {
  const relations = data.relations.filter((relation) => ids.includes(relation.from) || ids.includes(relation.to));
  focusRelations(relations);
  for (const element of svg.querySelectorAll('.label')) if (ids.includes(element.getAttribute('data-id'))) element.classList.add('hot');
}
function clearFocus() {
  svg.classList.remove('focused');
  for (const element of svg.querySelectorAll('.hot')) element.classList.remove('hot');
}

/** The top of a tagged piece's text (without its padding), relative to the page. */
function textTop(element) {
  const range = document.createRange();
  range.selectNodeContents(element);
  return range.getBoundingClientRect().top - page.getBoundingClientRect().top;
}

/**
 * Two passes: draw with a label's room above every tagged piece, note what each row needs, give
 * each row's tagged pieces that room (rows keep their words: only heights change), draw again.
 */
function layout() {
  if (!data) return;
  const tagged = segments.filter((segment) => segment.element.className === 'tagged');
  for (const segment of tagged) segment.element.style.paddingTop = (labelHeight + 4) + 'px';
  needs = [];
  draw();
  const rooms = tagged.map((segment) => {
    const top = textTop(segment.element);
    const row = needs.find((candidate) => Math.abs(candidate.top - top) < 4);
    return row ? row.room : labelHeight + 4;
  });
  tagged.forEach((segment, index) => { segment.element.style.paddingTop = rooms[index] + 'px'; });
  needs = [];
  const arcs = draw();
  vscode.postMessage({ type: 'drawn', spans: data.spans.length, arcs });
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
