// Export panel (Features/Exports/_ExportPanel.cshtml): posts the chosen photos and options to the API, follows the
// export's progress, then offers the file with a preview. The session cookie authenticates the POST, so it carries
// the page's antiforgery token. A page changes what is exported by dispatching `export:select` on the panel
// ({ view, viewLabel, kind, photoIds }); the panel dispatches `export:update` (bubbling) with each state it sees.
const KINDS = { 'side-by-side': 'Side by side', sequence: 'Sequence', animation: 'Animation' };
const POLL_MS = 600;
const GIVE_UP_MS = 5 * 60 * 1000;

const countProblem = (kind, count) => {
  if (kind === 'side-by-side' && count !== 2) return `Choose exactly 2 photos (${count} chosen).`;
  if (count < 2) return `Choose at least 2 photos (${count} chosen).`;
  if (count > 24) return `Choose at most 24 photos (${count} chosen).`;
  return null;
};

const problemText = async (response) => {
  try {
    const problem = await response.json();
    return problem.detail || problem.title || `The server answered ${response.status}.`;
  } catch {
    return `The server answered ${response.status}.`;
  }
};

const setUp = (panel) => {
  const $ = (selector) => panel.querySelector(selector);
  const token = $('input[name="__RequestVerificationToken"]').value;
  const [start, hint, summary, progress, bar, status, error, errorText, result, preview, download, fileName] = [
    'start', 'hint', 'summary', 'progress', 'bar', 'status', 'error', 'error-text', 'result', 'preview', 'download',
    'filename',
  ].map((part) => $(`[data-export-${part}]`));
  let busy = false;

  const photoIds = () => (panel.dataset.photoIds || '').split(',').filter(Boolean);

  const refresh = () => {
    const ids = photoIds();
    const kind = panel.dataset.kind;
    summary.textContent = `${KINDS[kind] ?? kind} · ${panel.dataset.viewLabel} · ${ids.length} photo${ids.length === 1 ? '' : 's'}`;
    const problem = countProblem(kind, ids.length);
    hint.textContent = problem ?? '';
    start.disabled = busy || problem !== null;
  };

  const announce = (exportState) =>
    panel.dispatchEvent(new CustomEvent('export:update', { bubbles: true, detail: exportState }));

  const showProgress = (percent, text) => {
    progress.hidden = false;
    bar.value = percent;
    status.textContent = text;
  };

  const fail = (message) => {
    busy = false;
    errorText.textContent = message;
    error.hidden = false;
    refresh();
  };

  const finish = (exportState) => {
    busy = false;
    showProgress(100, 'Ready');
    preview.src = exportState.file;
    download.href = exportState.file;
    fileName.textContent = exportState.fileName;
    result.hidden = false;
    refresh();
  };

  const follow = async (exportState) => {
    const deadline = Date.now() + GIVE_UP_MS;
    let current = exportState;
    while (true) {
      announce(current);
      if (current.status === 'ready') return finish(current);
      if (current.status === 'failed') return fail(`The export failed: ${current.failureReason}`);
      if (Date.now() > deadline) {
        return fail('The export is still rendering after five minutes. It will appear in the export list when it is ready.');
      }
      showProgress(current.progress, current.status === 'pending' ? 'Queued…' : `Rendering… ${current.progress}%`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      try {
        const response = await fetch(`/api/v1/exports/${current.id}`, {
          headers: { Accept: 'application/json' },
          credentials: 'same-origin',
        });
        if (response.ok) current = await response.json();
        else if (response.status !== 503) return fail(await problemText(response));
      } catch {
        // A network blip: ask again on the next tick.
      }
    }
  };

  const run = async () => {
    busy = true;
    refresh();
    error.hidden = true;
    result.hidden = true;
    showProgress(0, 'Sending…');
    const body = {
      kind: panel.dataset.kind,
      view: panel.dataset.view,
      photoIds: photoIds(),
      aligned: $('[data-export-aligned]').checked,
      cropToHip: $('[data-export-crop]').checked,
      watermark: $('[data-export-watermark]').value.trim() || null,
    };
    try {
      const response = await fetch(`/api/v1/patients/${panel.dataset.patientId}/exports`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', RequestVerificationToken: token },
        credentials: 'same-origin',
        body: JSON.stringify(body),
      });
      if (!response.ok) {
        progress.hidden = true;
        return fail(await problemText(response));
      }
      await follow(await response.json());
    } catch {
      progress.hidden = true;
      fail('The server could not be reached. Check the connection and try again.');
    }
  };

  panel.addEventListener('export:select', (event) => {
    const { view, viewLabel, kind, photoIds: ids } = event.detail;
    Object.assign(panel.dataset, { view, viewLabel, kind, photoIds: ids.join(',') });
    refresh();
  });
  start.addEventListener('click', run);
  $('[data-export-retry]').addEventListener('click', run);
  refresh();
};

document.querySelectorAll('[data-export-panel]').forEach(setUp);
