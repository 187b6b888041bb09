// One file's card on the upload page: preview, name and size, view, progress, status and the buttons that fit its
// state. It only draws; upload.js decides what happens.
import { canPreview, formatBytes } from './upload-checks.js';

// Which controls each state offers. "failed" is an upload that did not go through: it can be retried.
const EDITABLE = ['queued', 'failed'];
const REMOVABLE = ['queued', 'invalid', 'failed'];
const WITH_PROGRESS = ['waiting', 'uploading', 'processing'];
const NOT_PROCESSED = ['invalid', 'failed', 'processing-failed'];
const AWAITING_PREVIEW = 'Preview appears after processing';

export class UploadCard {
  constructor(template, file, view) {
    this.el = template.content.firstElementChild.cloneNode(true);
    this.file = file;
    const part = (name) => this.el.querySelector(`[data-card-${name}]`);
    this.image = part('image');
    this.placeholder = part('placeholder');
    this.select = part('view');
    this.progress = part('progress');
    this.status = part('status');
    this.retry = part('retry');
    this.remove = part('remove');
    this.link = part('link');

    this.el.dataset.fileName = file.name;
    part('name').textContent = file.name;
    part('name').title = file.name;
    part('size').textContent = formatBytes(file.size);
    this.select.value = view;
    this.select.setAttribute('aria-label', `View of ${file.name}`);
    this.progress.setAttribute('aria-label', `Upload of ${file.name}`);
    this.retry.setAttribute('aria-label', `Retry ${file.name}`);
    this.remove.setAttribute('aria-label', `Remove ${file.name}`);
    this.showPreview();
  }

  get state() {
    return this.el.dataset.state;
  }

  get view() {
    return this.select.value;
  }

  get viewLabel() {
    return this.select.selectedOptions[0]?.textContent ?? '';
  }

  set view(value) {
    this.select.value = value;
  }

  showPreview() {
    if (!canPreview(this.file)) {
      this.awaitServerPreview();
      return;
    }
    this.objectUrl = URL.createObjectURL(this.file);
    // A ".jpg" that is really a HEIC, or a damaged file: the browser cannot draw it, the server may still read it.
    this.image.onerror = () => {
      this.release();
      this.awaitServerPreview();
    };
    this.image.alt = `Preview of ${this.file.name}`;
    this.image.src = this.objectUrl;
    this.image.hidden = false;
  }

  /** Swaps in the server's thumbnail: what the timeline will show, oriented and colour-corrected. */
  showThumbnail(url) {
    this.awaitingServer = false;
    this.image.onload = () => {
      this.placeholder.hidden = true;
      this.image.hidden = false;
      this.release();
    };
    this.image.onerror = () => this.showPlaceholder('The thumbnail could not be loaded; open the photo to see it');
    this.image.alt = `Thumbnail of ${this.file.name}`;
    this.image.dataset.source = 'server';
    this.image.src = url;
  }

  awaitServerPreview() {
    this.awaitingServer = true;
    this.showPlaceholder(NOT_PROCESSED.includes(this.state) ? 'No preview' : AWAITING_PREVIEW);
  }

  showPlaceholder(text) {
    this.image.hidden = true;
    this.placeholder.textContent = text;
    this.placeholder.hidden = false;
  }

  setState(state, message) {
    this.el.dataset.state = state;
    // A file the server will not process never gets a thumbnail: do not promise one.
    if (this.awaitingServer) this.placeholder.textContent = NOT_PROCESSED.includes(state) ? 'No preview' : AWAITING_PREVIEW;
    this.status.textContent = message;
    this.select.disabled = !EDITABLE.includes(state);
    this.select.closest('label').hidden = state === 'invalid';
    this.select.removeAttribute('aria-invalid');
    this.retry.hidden = state !== 'failed';
    this.remove.hidden = !REMOVABLE.includes(state);
    this.progress.hidden = !WITH_PROGRESS.includes(state);
    if (state === 'waiting') this.progress.value = 0;
    if (state === 'processing') this.progress.value = this.progress.max;
  }

  setProgress(fraction) {
    const percent = Math.min(100, Math.round(fraction * 100));
    this.progress.value = percent;
    const sent = formatBytes(Math.round(this.file.size * Math.min(fraction, 1)));
    this.status.textContent = `Uploading · ${sent} of ${formatBytes(this.file.size)} (${percent}%)`;
  }

  /** The view is missing: say so on the card and leave it for the clinician to choose. */
  askForView() {
    this.select.setAttribute('aria-invalid', 'true');
    this.status.textContent = 'Choose the view of this photo, then upload it.';
  }

  linkTo(photoId) {
    this.el.dataset.photoId = photoId;
    this.link.href = `/photos/${photoId}`;
    this.link.setAttribute('aria-label', `Open ${this.file.name}`);
    this.link.hidden = false;
  }

  release() {
    if (this.objectUrl) URL.revokeObjectURL(this.objectUrl);
    this.objectUrl = undefined;
  }
}
