// The patient's exports page: the view, kind and photo choices feed the export panel, and exports made here are
// added to the list and kept up to date from the panel's `export:update` events.
const picker = document.querySelector('[data-export-picker]');
const panel = document.querySelector('[data-export-panel]');
const KINDS = { 'side-by-side': 'Side by side', sequence: 'Sequence', animation: 'Animation' };

if (picker && panel) {
  const viewSelect = picker.querySelector('[data-picker-view]');
  const groups = [...picker.querySelectorAll('[data-photo-group]')];

  const publish = () => {
    const view = viewSelect.value;
    groups.forEach((group) => {
      group.hidden = group.dataset.photoGroup !== view;
    });
    const group = groups.find((g) => g.dataset.photoGroup === view);
    const photoIds = [...group.querySelectorAll('input[type=checkbox]:checked')].map((input) => input.value);
    const kind = picker.querySelector('input[name=kind]:checked').value;
    const viewLabel = viewSelect.selectedOptions[0].textContent.trim();
    panel.dispatchEvent(new CustomEvent('export:select', { detail: { view, viewLabel, kind, photoIds } }));
  };

  picker.addEventListener('change', publish);
  picker.addEventListener('submit', (event) => event.preventDefault());
  publish();

  const list = document.querySelector('[data-export-list]');
  const template = document.querySelector('template[data-export-row]');
  const empty = document.querySelector('[data-export-empty]');
  const total = document.querySelector('[data-export-total]');
  const dates = new Map([...picker.querySelectorAll('input[data-date]')].map((input) => [input.value, input.dataset.date]));

  const visitsText = (state) => {
    const known = state.photoIds.map((id) => dates.get(id)).filter(Boolean);
    if (known.length === 0) return `${state.photoIds.length} photos`;
    return state.kind === 'side-by-side'
      ? `${known[0]} vs ${known[known.length - 1]}`
      : `${known[0]} – ${known[known.length - 1]} · ${state.photoIds.length} photos`;
  };

  const stateCell = (cell, state) => {
    cell.replaceChildren();
    if (state.status === 'ready') {
      const link = document.createElement('a');
      link.className = 'btn btn-small';
      link.href = state.file;
      link.download = '';
      link.textContent = 'Download';
      cell.append(link);
    } else if (state.status === 'failed') {
      const reason = document.createElement('span');
      reason.className = 'export-failed small';
      reason.textContent = state.failureReason;
      cell.append(reason);
    } else {
      const bar = document.createElement('progress');
      bar.max = 100;
      bar.value = state.progress;
      bar.setAttribute('aria-label', 'Export progress');
      const text = document.createElement('span');
      text.className = 'small';
      text.textContent = state.status === 'pending' ? 'Queued' : 'Rendering';
      cell.append(bar, text);
    }
  };

  document.addEventListener('export:update', (event) => {
    const state = event.detail;
    let item = list.querySelector(`[data-export-id="${state.id}"]`);
    if (!item) {
      item = template.content.firstElementChild.cloneNode(true);
      item.dataset.exportId = state.id;
      item.querySelector('[data-field=title]').textContent = `${KINDS[state.kind]} · ${viewSelect.selectedOptions[0].textContent.trim()}`;
      item.querySelector('[data-field=visits]').textContent = visitsText(state);
      item.querySelector('[data-field=options]').textContent = [
        state.aligned ? 'aligned' : 'as taken',
        state.cropToHip ? 'hip region' : null,
        state.watermark ? 'watermark' : null,
      ].filter(Boolean).join(' · ');
      list.prepend(item);
      empty.hidden = true;
      total.textContent = String(Number(total.textContent) + 1);
    }
    item.dataset.status = state.status;
    if (item.dataset.shown !== `${state.status}/${state.progress}`) {
      item.dataset.shown = `${state.status}/${state.progress}`;
      stateCell(item.querySelector('[data-field=state]'), state);
    }
  });
}
