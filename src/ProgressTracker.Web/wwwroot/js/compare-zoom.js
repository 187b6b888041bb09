// Zoom and pan shared by every layer of the compare stage: one transform drives both photos, so the same spot of
// the body stays under the same spot of the screen on both sides (mouse drag, wheel, pinch, buttons).
const MIN = 1;
const MAX = 8;

export function createZoom(stage, layers, onChange) {
  let scale = 1;
  let x = 0;
  let y = 0;
  const pointers = new Map();
  const paneRect = (target) => (target?.closest('.compare-pane') ?? layers[0].parentElement).getBoundingClientRect();

  // Never let the photo leave its pane: the pane is always covered at zoom > 1, centred at 1.
  const clamp = () => {
    const r = paneRect();
    x = Math.min(0, Math.max(r.width * (1 - scale), x));
    y = Math.min(0, Math.max(r.height * (1 - scale), y));
  };
  const apply = () => {
    clamp();
    for (const layer of layers) layer.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
    onChange(scale);
  };
  // Zoom by `factor` keeping the point (cx, cy) of the pane fixed on screen.
  const zoomAt = (factor, cx, cy) => {
    const next = Math.min(MAX, Math.max(MIN, scale * factor));
    x = cx - ((cx - x) * next) / scale;
    y = cy - ((cy - y) * next) / scale;
    scale = next;
    apply();
  };
  const zoomCentre = (factor) => {
    const r = paneRect();
    zoomAt(factor, r.width / 2, r.height / 2);
  };

  stage.addEventListener('wheel', (e) => {
    if (e.target.closest('[data-wipe]')) return;
    e.preventDefault();
    const r = paneRect(e.target);
    zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });

  stage.addEventListener('pointerdown', (e) => {
    if (e.target.closest('[data-wipe]')) return;
    stage.setPointerCapture(e.pointerId);
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY, target: e.target });
    stage.classList.add('panning');
  });
  stage.addEventListener('pointermove', (e) => {
    const last = pointers.get(e.pointerId);
    if (!last) return;
    if (pointers.size === 1) {
      x += e.clientX - last.x;
      y += e.clientY - last.y;
      apply();
    } else if (pointers.size === 2) {
      const [a, b] = [...pointers.entries()].map(([id, p]) => (id === e.pointerId ? { x: e.clientX, y: e.clientY } : p));
      const other = [...pointers.values()].find((p) => p !== last);
      const before = Math.hypot(last.x - other.x, last.y - other.y);
      const after = Math.hypot(a.x - b.x, a.y - b.y);
      const r = paneRect(last.target);
      if (before > 0) zoomAt(after / before, (a.x + b.x) / 2 - r.left, (a.y + b.y) / 2 - r.top);
    }
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY, target: last.target });
  });
  const release = (e) => {
    pointers.delete(e.pointerId);
    if (pointers.size === 0) stage.classList.remove('panning');
  };
  stage.addEventListener('pointerup', release);
  stage.addEventListener('pointercancel', release);
  window.addEventListener('resize', apply);

  return {
    zoomIn: () => zoomCentre(1.25),
    zoomOut: () => zoomCentre(0.8),
    fit: () => {
      scale = 1;
      x = 0;
      y = 0;
      apply();
    },
  };
}
