// Progression player: click a frame of the filmstrip to show it large, step with ←/→ or the buttons, or play
// through the visits; the aligned toggle switches between the baseline-aligned and the as-taken photos.
const player = document.querySelector('[data-player]');
const frames = [...document.querySelectorAll('[data-frame]')];

if (player && frames.length > 0) {
  const image = player.querySelector('[data-player-image]');
  const caption = player.querySelector('[data-player-caption]');
  const scrub = player.querySelector('[data-scrub]');
  const play = player.querySelector('[data-play]');
  const aligned = player.querySelector('[data-player-aligned]');
  let current = frames.length - 1;
  let timer = null;

  const show = (i) => {
    current = (i + frames.length) % frames.length;
    const frame = frames[current];
    image.src = aligned.checked ? frame.dataset.alignedSrc : frame.dataset.unalignedSrc;
    image.alt = frame.querySelector('img').alt;
    const [date, ...rest] = frame.dataset.label.split(' · ');
    caption.replaceChildren(Object.assign(document.createElement('strong'), { textContent: date }),
      rest.length ? ` · ${rest.join(' · ')}` : '');
    scrub.value = String(current);
    for (const f of frames) f.removeAttribute('aria-current');
    frame.setAttribute('aria-current', 'true');
    frame.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };
  // Preload the large images so playing does not flicker.
  for (const f of frames) new Image().src = f.dataset.alignedSrc;

  const stop = () => {
    clearInterval(timer);
    timer = null;
    play.textContent = 'Play';
    play.setAttribute('aria-pressed', 'false');
  };
  play.addEventListener('click', () => {
    if (timer) return stop();
    play.textContent = 'Pause';
    play.setAttribute('aria-pressed', 'true');
    if (current === frames.length - 1) show(0);
    timer = setInterval(() => (current === frames.length - 1 ? stop() : show(current + 1)), 900);
  });
  for (const button of player.querySelectorAll('[data-step]')) {
    button.addEventListener('click', () => { stop(); show(current + Number(button.dataset.step)); });
  }
  scrub.addEventListener('input', () => { stop(); show(Number(scrub.value)); });
  aligned.addEventListener('change', () => show(current));
  for (const f of frames) {
    f.addEventListener('click', (e) => { e.preventDefault(); stop(); show(Number(f.dataset.frame)); });
  }
  document.addEventListener('keydown', (e) => {
    if (e.target.closest('input, select, textarea') || !['ArrowLeft', 'ArrowRight', ' '].includes(e.key)) return;
    e.preventDefault();
    if (e.key === ' ') play.click();
    else { stop(); show(current + (e.key === 'ArrowLeft' ? -1 : 1)); }
  });
}
