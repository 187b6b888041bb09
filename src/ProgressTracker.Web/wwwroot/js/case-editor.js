// The blur brush: a click on the after photo adds a blur spot, kept as a hidden "x,y,radius" input in the after
// photo's display pixels (the rendering shown may be a crop of it: data-offset-x/y and data-scale map it back).
(function () {
  const figure = document.querySelector('.mk-canvas');
  const image = document.getElementById('brush-image');
  const list = document.getElementById('blur-spots');
  const none = document.getElementById('no-spots');
  const size = document.getElementById('brush-radius');
  if (!figure || !image || !list) return;
  const offsetX = Number(figure.dataset.offsetX) || 0;
  const offsetY = Number(figure.dataset.offsetY) || 0;
  const scale = Number(figure.dataset.scale) || 1;

  const marks = document.createElement('div');
  marks.className = 'mk-marks';
  figure.insertBefore(marks, image.nextSibling);

  function toScreen(x, y, r) {
    const k = image.clientWidth / image.naturalWidth;
    return { left: ((x - offsetX) / scale) * k, top: ((y - offsetY) / scale) * k, radius: (r / scale) * k };
  }

  function redraw() {
    marks.innerHTML = '';
    marks.style.width = image.clientWidth + 'px';
    marks.style.height = image.clientHeight + 'px';
    list.querySelectorAll('input[name="Form.Blur"]').forEach(function (input) {
      const [x, y, r] = input.value.split(',').map(Number);
      const s = toScreen(x, y, r);
      const mark = document.createElement('span');
      mark.className = 'mk-mark';
      mark.style.left = (s.left - s.radius) + 'px';
      mark.style.top = (s.top - s.radius) + 'px';
      mark.style.width = mark.style.height = (2 * s.radius) + 'px';
      marks.appendChild(mark);
    });
    if (none) none.hidden = list.children.length > 0;
  }

  function addSpot(x, y, r) {
    const value = [x, y, r].map(function (v) { return Math.round(v * 10) / 10; }).join(',');
    const item = document.createElement('li');
    item.innerHTML = '<input type="hidden" name="Form.Blur"><span class="mono small"></span> ' +
      '<button type="button" class="btn btn-quiet btn-small" data-remove-spot>Remove</button>';
    item.querySelector('input').value = value;
    item.querySelector('span').textContent = value;
    list.appendChild(item);
    redraw();
  }

  image.addEventListener('click', function (e) {
    const rect = image.getBoundingClientRect();
    const k = image.naturalWidth / image.clientWidth;
    const x = offsetX + (e.clientX - rect.left) * k * scale;
    const y = offsetY + (e.clientY - rect.top) * k * scale;
    const radius = Number(size ? size.value : 36) * scale;
    addSpot(x, y, radius);
  });
  list.addEventListener('click', function (e) {
    const button = e.target.closest('[data-remove-spot]');
    if (!button) return;
    button.closest('li').remove();
    redraw();
  });
  if (image.complete) redraw(); else image.addEventListener('load', redraw);
  window.addEventListener('resize', redraw);
})();
