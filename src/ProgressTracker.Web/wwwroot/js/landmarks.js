// Manual alignment: the clinician clicks landmark 1 on the baseline, then on the photo, then landmark 2, …
// Points are converted from the displayed image to master-pixel coordinates (what the server's matrix uses).
const root = document.querySelector('[data-landmarks]');

if (root) {
  const field = document.querySelector('[data-landmarks-field]');
  const status = document.querySelector('[data-landmarks-status]');
  const save = document.querySelector('[data-landmarks-save]');
  const undo = document.querySelector('[data-landmarks-undo]');
  const panels = { baseline: root.querySelector('[data-side=baseline]'), photo: root.querySelector('[data-side=photo]') };
  const clicks = []; // alternating: baseline, photo, baseline, photo, …

  const nextSide = () => (clicks.length % 2 === 0 ? 'baseline' : 'photo');

  const toMaster = (panel, event) => {
    const img = panel.querySelector('img');
    const box = img.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * Number(panel.dataset.masterWidth);
    const y = ((event.clientY - box.top) / box.height) * Number(panel.dataset.masterHeight);
    return { x, y, left: (event.clientX - box.left) / box.width, top: (event.clientY - box.top) / box.height };
  };

  const render = () => {
    root.querySelectorAll('.landmark').forEach((m) => m.remove());
    clicks.forEach((click, i) => {
      const marker = document.createElement('span');
      marker.className = 'landmark';
      marker.textContent = String(Math.floor(i / 2) + 1);
      marker.style.left = `${click.left * 100}%`;
      marker.style.top = `${click.top * 100}%`;
      panels[click.side].querySelector('.landmark-canvas').append(marker);
    });
    const pairs = [];
    for (let i = 0; i + 1 < clicks.length; i += 2) {
      pairs.push({ baseline: { x: clicks[i].x, y: clicks[i].y }, photo: { x: clicks[i + 1].x, y: clicks[i + 1].y } });
    }
    field.value = JSON.stringify(pairs);
    save.disabled = pairs.length < 2 || clicks.length % 2 === 1;
    const n = Math.floor(clicks.length / 2) + 1;
    status.textContent = pairs.length >= 3 && clicks.length % 2 === 0
      ? `${pairs.length} landmark pairs marked. Save, or add another.`
      : `Click landmark ${n} on ${nextSide() === 'baseline' ? 'the baseline' : 'this photo'}.`;
    Object.entries(panels).forEach(([side, panel]) => panel.classList.toggle('awaiting', side === nextSide()));
  };

  Object.entries(panels).forEach(([side, panel]) => {
    panel.querySelector('img').addEventListener('click', (event) => {
      if (side !== nextSide() || clicks.length >= 20) return;
      clicks.push({ side, ...toMaster(panel, event) });
      render();
    });
  });
  undo.addEventListener('click', () => {
    clicks.pop();
    render();
  });
  render();
}
