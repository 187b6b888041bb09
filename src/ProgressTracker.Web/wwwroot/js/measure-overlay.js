// "Show what was measured": fetches the photo's measurement geometry (in the master's pixels) and draws it over the
// photo as it was taken. The SVG's viewBox is the master's size, so it scales with the displayed image.
const box = document.querySelector('.measure-toggle[data-overlay-url]');
const button = document.getElementById('measure-toggle');
const image = document.getElementById('photo-image');
const caption = document.getElementById('photo-caption');
const status = document.getElementById('measure-status');
const NS = 'http://www.w3.org/2000/svg';
let overlay = null;
let shownSrc = null;
let shownCaption = null;

function el(name, attrs, parent) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  parent.appendChild(node);
  return node;
}

const pts = list => list.map(p => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
const pct = v => (Math.round(v * 10) / 10).toFixed(1);

function draw(data) {
  const o = data.overlay;
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('class', 'measure-overlay');
  svg.setAttribute('viewBox', `0 0 ${o.width} ${o.height}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'Measured contour, bridging lines, dip depths and hip and waist breadth');
  // Text stays readable however small the photo is shown: at least 13 screen pixels.
  const scale = (image.clientWidth || o.width) / o.width;
  const font = Math.max(o.width / 40, 13 / scale);
  const stroke = { 'vector-effect': 'non-scaling-stroke' };
  for (const [key, cls] of [['waistLine', 'ov-breadth'], ['hipLine', 'ov-breadth']]) {
    const line = o[key];
    if (line?.length === 2) el('line', { class: cls, 'data-line': key, x1: line[0].x, y1: line[0].y, x2: line[1].x, y2: line[1].y, ...stroke }, svg);
  }
  for (const side of o.sides ?? []) {
    const g = el('g', { 'data-side': side.side }, svg);
    el('polyline', { class: 'ov-contour', points: pts(side.contour), ...stroke }, g);
    el('line', { class: 'ov-bridge', x1: side.bridgeUpper.x, y1: side.bridgeUpper.y, x2: side.bridgeLower.x, y2: side.bridgeLower.y, ...stroke }, g);
    el('line', { class: 'ov-depth', x1: side.deepest.x, y1: side.deepest.y, x2: side.deepestFoot.x, y2: side.deepestFoot.y, ...stroke }, g);
    el('circle', { class: 'ov-point', cx: side.deepest.x, cy: side.deepest.y, r: font / 4 }, g);
    const depth = data.measurements?.[side.side]?.depthPct;
    // The label sits outside the body, beyond the bridging line, so it never covers the dip itself.
    const outward = side.deepestFoot.x >= side.deepest.x ? 1 : -1;
    const label = el('text', {
      x: side.deepestFoot.x + outward * font * 0.6, y: side.deepestFoot.y + font * 0.35,
      'text-anchor': outward > 0 ? 'start' : 'end', 'font-size': font.toFixed(1), 'stroke-width': (font * 0.12).toFixed(1),
    }, g);
    label.textContent = `${side.side === 'left' ? 'L' : 'R'} ${depth == null ? '' : pct(depth) + ' %'}`;
  }
  return svg;
}

async function show() {
  button.disabled = true;
  status.textContent = 'Loading…';
  try {
    const response = await fetch(box.dataset.overlayUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const data = await response.json();
    if (!data.overlay) {
      status.textContent = data.measurements?.reason ?? 'Nothing was traced on this photo.';
      return;
    }
    // The geometry belongs to the photo as taken, not to the aligned copy.
    shownSrc = image.getAttribute('src');
    shownCaption = caption?.textContent ?? null;
    if (image.dataset.displaySrc && shownSrc !== image.dataset.displaySrc) {
      image.setAttribute('src', image.dataset.displaySrc);
      if (caption) caption.textContent = `${caption.dataset.asTaken} · measured lines shown`;
    } else if (caption) caption.textContent = `${shownCaption} · measured lines shown`;
    overlay = draw(data);
    image.parentElement.appendChild(overlay);
    button.textContent = 'Hide what was measured';
    button.setAttribute('aria-pressed', 'true');
    status.textContent = '';
  } catch {
    status.textContent = 'The measurement could not be loaded. Try again.';
  } finally {
    button.disabled = false;
  }
}

function hide() {
  overlay?.remove();
  overlay = null;
  if (shownSrc && image.getAttribute('src') !== shownSrc) image.setAttribute('src', shownSrc);
  if (caption && shownCaption !== null) caption.textContent = shownCaption;
  button.textContent = 'Show what was measured';
  button.setAttribute('aria-pressed', 'false');
}

button?.addEventListener('click', () => (overlay ? hide() : show()));
