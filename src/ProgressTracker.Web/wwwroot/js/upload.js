// The upload page: a drop zone (and a camera button) taking several photos at once, one card per file with its
// view pre-filled from the capture sequence, each file sent to the API with its own progress bar and then watched
// until processing settles. A few uploads run at a time; a failed one is retried without touching the others.
// Without JavaScript the page keeps its per-view form.
import { precheck } from './upload-checks.js';
import { UploadCard } from './upload-card.js';
import { Overview } from './upload-overview.js';
import { failureReason, sendPhoto, watchPhoto } from './upload-transfer.js';

const MAX_PARALLEL = 3; // enough to keep a clinic's uplink busy without starving the page's other requests
const MAX_RETRIES = 3; // after a 503 with Retry-After; then the card offers a manual retry
const root = document.querySelector('[data-upload-app]');

if (root) {
  const data = root.dataset;
  const list = root.querySelector('[data-upload-cards]');
  const template = root.querySelector('[data-upload-card-template]');
  const zone = root.querySelector('[data-dropzone]');
  const overview = new Overview(root);
  const headers = { [data.antiforgeryHeader]: data.antiforgeryToken };
  const items = []; // { card, photoId, duplicate } in the order the files were added
  let active = 0;

  const refresh = () => overview.update(items);

  const add = (fileList) => {
    const files = [...fileList];
    for (const file of files) {
      const problem = precheck(file, Number(data.maxBytes));
      const item = { card: new UploadCard(template, file, ''), photoId: null, duplicate: false };
      if (!problem) item.card.view = overview.nextView(items);
      item.card.setState(problem ? 'invalid' : 'queued', problem ?? 'Ready to upload');
      wire(item);
      items.push(item);
      list.append(item.card.el);
    }
    if (files.length > 0) overview.announce(`${files.length} file${files.length === 1 ? '' : 's'} added.`);
    refresh();
  };

  const wire = (item) => {
    const { card } = item;
    card.select.addEventListener('change', refresh);
    card.remove.addEventListener('click', () => remove(item));
    card.retry.addEventListener('click', () => {
      queue(item);
      card.el.focus(); // the Retry button hides itself; keep keyboard focus on this card
      pump();
      refresh();
    });
  };

  const remove = (item) => {
    const index = items.indexOf(item);
    items.splice(index, 1);
    item.card.release();
    item.card.el.remove();
    const neighbour = items[Math.min(index, items.length - 1)];
    (neighbour && !neighbour.card.remove.hidden ? neighbour.card.remove : zone.querySelector('input')).focus();
    overview.announce(`${item.card.file.name} removed.`);
    refresh();
  };

  const queue = (item) => {
    if (item.card.view) item.card.setState('waiting', 'Waiting to upload…');
    else item.card.askForView();
  };

  const pump = () => {
    for (let next = items.find((i) => i.card.state === 'waiting'); next && active < MAX_PARALLEL;
      next = items.find((i) => i.card.state === 'waiting')) {
      upload(next);
    }
  };

  const send = (card) => sendPhoto({
    url: data.uploadUrl, file: card.file, view: card.view, headers, onProgress: (f) => card.setProgress(f),
  });

  const upload = async (item) => {
    const { card } = item;
    active += 1;
    card.setState('uploading', '');
    card.setProgress(0);
    refresh();
    let result = await send(card);
    // 503 + Retry-After: a store the app depends on is restarting. Resending is safe (the same bytes to the same
    // visit are stored once), so wait as told and try again a few times before asking the clinician.
    for (let retry = 1; result.status === 503 && result.retryAfter !== null && retry <= MAX_RETRIES; retry += 1) {
      card.setState('uploading', `The server is briefly unavailable; trying again in ${result.retryAfter} s…`);
      await new Promise((done) => setTimeout(done, result.retryAfter * 1000));
      card.setState('uploading', '');
      result = await send(card);
    }
    active -= 1;
    if (result.status === 200 || result.status === 202) {
      accepted(item, result.body, result.status === 200);
    } else {
      const reason = failureReason(result);
      card.setState('failed', reason);
      overview.announce(`${card.file.name} was not uploaded. ${reason}`);
    }
    refresh();
    pump();
  };

  const accepted = async (item, photo, duplicate) => {
    const { card } = item;
    const chosen = card.view;
    item.photoId = photo.id;
    item.duplicate = duplicate;
    card.view = photo.view; // the server's record is the truth: a duplicate keeps the view it was stored with
    card.linkTo(photo.id);
    const note = !duplicate ? 'Uploaded' : photo.view === chosen ? 'Already on this visit'
      : `Already on this visit as ${card.viewLabel}`;
    card.setState('processing', `${note} · processing…`);
    refresh();
    const settled = photo.status === 'ready' || photo.status === 'failed'
      ? photo : await watchPhoto(data.photoUrl + photo.id);
    if (!settled) {
      card.setState('stalled', `${note} · still processing; the timeline shows it when it is ready.`);
    } else if (settled.status === 'ready') {
      card.showThumbnail(settled.media.thumb);
      card.setState('ready', duplicate ? `${note} · ready` : 'Uploaded and ready');
      overview.announce(`${card.file.name} is ready.`);
    } else {
      const reason = settled.failureReason ?? 'no reason was given';
      card.setState('processing-failed', `Uploaded, but processing failed: ${reason}`);
      overview.announce(`${card.file.name} could not be processed. ${reason}`);
    }
    refresh();
  };

  root.querySelector('[data-upload-start]').addEventListener('click', () => {
    items.filter((i) => i.card.state === 'queued').forEach(queue);
    pump();
    refresh();
  });

  for (const input of root.querySelectorAll('[data-upload-input]')) {
    input.addEventListener('change', () => {
      add(input.files);
      input.value = ''; // choosing the same file again must fire another change
    });
  }

  const carriesFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  for (const type of ['dragenter', 'dragover']) {
    zone.addEventListener(type, (e) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      zone.classList.add('is-over');
    });
  }
  zone.addEventListener('dragleave', (e) => {
    if (!zone.contains(e.relatedTarget)) zone.classList.remove('is-over');
  });
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('is-over');
    add(e.dataTransfer.files);
  });
  // A photo dropped beside the zone must not make the browser open it and leave the page with its uploads.
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => e.preventDefault());
  window.addEventListener('beforeunload', (e) => {
    if (items.some((i) => ['queued', 'waiting', 'uploading'].includes(i.card.state))) e.preventDefault();
  });

  document.querySelector('[data-upload-fallback]').hidden = true;
  root.hidden = false;
  refresh();
}
