// Compare page: modes (side by side, slider wipe, onion-skin overlay), aligned toggle, synchronised zoom and pan,
// and keyboard control. The page works without this script (side by side, a Show button); this makes it live.
// The compact stage (the patient's start page) has only the mode choice: every other control is optional.
import { createZoom } from './compare-zoom.js';

document.documentElement.classList.add('js');
const form = document.querySelector('[data-compare-form]');
const stage = document.querySelector('[data-compare-stage]');

for (const select of form?.querySelectorAll('[data-autosubmit]') ?? []) {
  select.addEventListener('change', () => form.requestSubmit());
}

if (form && stage) {
  const after = stage.querySelector('[data-side=after]');
  const handle = stage.querySelector('[data-wipe]');
  const opacity = form.querySelector('[data-opacity]');
  const alignedToggle = form.querySelector('[data-aligned-toggle]');
  const zoomLevel = form.querySelector('[data-zoom-level]');
  let split = 50;

  const rememberInUrl = () => {
    const url = new URL(window.location.href);
    url.searchParams.set('mode', stage.dataset.mode);
    url.searchParams.set('aligned', stage.dataset.aligned);
    window.history.replaceState(null, '', url);
  };

  // Slider: the later photo is clipped to the right of the split; overlay: it is drawn over with opacity.
  const render = () => {
    const mode = stage.dataset.mode;
    form.dataset.mode = mode;
    after.style.clipPath = mode === 'slider' ? `inset(0 0 0 ${split}%)` : '';
    after.style.opacity = mode === 'overlay' && opacity ? String(opacity.value / 100) : '';
    handle.style.left = `${split}%`;
    handle.setAttribute('aria-valuenow', String(Math.round(split)));
    handle.setAttribute('aria-valuetext', `${Math.round(split)}% before`);
  };

  const setMode = (mode) => {
    stage.dataset.mode = mode;
    for (const radio of form.querySelectorAll('[data-mode-choice]')) radio.checked = radio.value === mode;
    render();
    rememberInUrl();
  };
  for (const radio of form.querySelectorAll('[data-mode-choice]')) {
    radio.addEventListener('change', () => radio.checked && setMode(radio.value));
  }

  alignedToggle?.addEventListener('change', () => {
    stage.dataset.aligned = String(alignedToggle.checked);
    for (const img of stage.querySelectorAll('img')) {
      img.src = alignedToggle.checked ? img.dataset.alignedSrc : img.dataset.unalignedSrc;
    }
    rememberInUrl();
  });

  opacity?.addEventListener('input', render);

  const setSplit = (value) => {
    split = Math.min(100, Math.max(0, value));
    render();
  };
  handle.addEventListener('pointerdown', (e) => {
    handle.setPointerCapture(e.pointerId);
    handle.classList.add('dragging');
  });
  handle.addEventListener('pointermove', (e) => {
    if (!handle.hasPointerCapture(e.pointerId)) return;
    const r = stage.getBoundingClientRect();
    setSplit(((e.clientX - r.left) / r.width) * 100);
  });
  handle.addEventListener('pointerup', () => handle.classList.remove('dragging'));
  handle.addEventListener('keydown', (e) => {
    const step = e.shiftKey ? 10 : 2;
    const moves = { ArrowLeft: split - step, ArrowRight: split + step, Home: 0, End: 100 };
    if (!(e.key in moves)) return;
    e.preventDefault();
    e.stopPropagation();
    setSplit(moves[e.key]);
  });

  const zoom = createZoom(stage, [...stage.querySelectorAll('[data-layer]')], (scale) => {
    if (zoomLevel) zoomLevel.value = `${Math.round(scale * 100)}%`;
    stage.dataset.zoom = scale.toFixed(3);
  });
  const zoomActions = { in: zoom.zoomIn, out: zoom.zoomOut, fit: zoom.fit };
  for (const button of form.querySelectorAll('[data-zoom]')) {
    button.addEventListener('click', () => zoomActions[button.dataset.zoom]());
  }

  // ←/→ step the later photo through the visits; 1/2/3 pick the mode; +/−/0 zoom.
  const stepAfter = (delta) => {
    const select = form.querySelector('[data-after-select]');
    if (!select) return; // the compact stage has no visit picker
    const options = [...select.options];
    let i = select.selectedIndex + delta;
    while (options[i]?.disabled) i += delta;
    if (i < 0 || i >= options.length) return;
    select.selectedIndex = i;
    form.requestSubmit();
  };
  document.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.target.closest('input[type=text], select, textarea')) return;
    if (e.key.startsWith('Arrow') && e.target.closest('input[type=range], [data-wipe]')) return; // they own the arrows
    const keys = {
      1: () => setMode('side'), 2: () => setMode('slider'), 3: () => setMode('overlay'),
      '+': zoom.zoomIn, '=': zoom.zoomIn, '-': zoom.zoomOut, 0: zoom.fit,
      ArrowLeft: () => stepAfter(-1), ArrowRight: () => stepAfter(1),
    };
    if (!(e.key in keys)) return;
    e.preventDefault();
    keys[e.key]();
  });

  render();
}
