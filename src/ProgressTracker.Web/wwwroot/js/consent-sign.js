// The drawn signature on the consent form: pointer events (finger, pen, mouse) on a canvas, a Clear button, and the
// drawing kept as a PNG data URL in the hidden "signature" field. The form is not sent without a signature.
const form = document.querySelector('[data-consent-form]');
const canvas = form?.querySelector('[data-signature-canvas]');

if (canvas) {
  const field = form.querySelector('[data-signature-value]');
  const state = form.querySelector('[data-signature-state]');
  const ctx = canvas.getContext('2d');
  // At most twice the CSS size: sharp on a phone, and the PNG stays far below the server's 256 KiB limit.
  const scale = Math.min(window.devicePixelRatio || 1, 2);
  let drawing = null;

  const size = () => {
    const box = canvas.getBoundingClientRect();
    canvas.width = Math.round(box.width * scale);
    canvas.height = Math.round(box.height * scale);
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#1d1d1f';
  };

  const point = (e) => {
    const box = canvas.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  };

  const save = () => {
    field.value = canvas.toDataURL('image/png');
    state.textContent = 'Signature drawn.';
    canvas.closest('.signature-pad').classList.remove('missing');
  };

  // After a refused post the page comes back with the signature already drawn: show it again.
  const restore = () => {
    if (!field.value.startsWith('data:image/png;base64,')) return;
    const image = new Image();
    image.onload = () => ctx.drawImage(image, 0, 0, canvas.width / scale, canvas.height / scale);
    image.src = field.value;
  };

  canvas.addEventListener('pointerdown', (e) => {
    e.preventDefault();
    canvas.setPointerCapture(e.pointerId);
    drawing = e.pointerId;
    const p = point(e);
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
    ctx.lineTo(p.x + 0.1, p.y + 0.1); // a tap leaves a dot
    ctx.stroke();
  });
  canvas.addEventListener('pointermove', (e) => {
    if (drawing !== e.pointerId) return;
    const p = point(e);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
  });
  const end = (e) => {
    if (drawing !== e.pointerId) return;
    drawing = null;
    save();
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);

  form.querySelector('[data-signature-clear]').addEventListener('click', () => {
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    field.value = '';
    state.textContent = 'Signature cleared.';
  });

  form.addEventListener('submit', (e) => {
    if (field.value) return;
    e.preventDefault();
    state.textContent = 'Please draw your signature in the box before signing.';
    canvas.closest('.signature-pad').classList.add('missing');
    canvas.scrollIntoView({ block: 'center' });
  });

  // Choosing a view ticks "only these views", so the choice means what the patient sees.
  const onlyViews = form.querySelector('[data-coverage-views]');
  form.querySelectorAll('input[name="Form.Views"]').forEach((box) =>
    box.addEventListener('change', () => { if (box.checked) onlyViews.checked = true; }));

  size();
  restore();
}
