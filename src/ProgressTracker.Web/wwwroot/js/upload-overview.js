// The page-level picture of an upload: the capture sequence (which views the visit has, which are planned), the
// summary line, the Upload and Back buttons, and announcements for screen readers.
const UNSENT = ['queued'];
const IN_FLIGHT = ['waiting', 'uploading'];
const ON_VISIT = ['processing', 'stalled', 'ready', 'processing-failed'];
const ATTENTION = ['invalid', 'failed', 'processing-failed'];

const photos = (n) => `${n} photo${n === 1 ? '' : 's'}`;

export class Overview {
  constructor(root) {
    this.steps = [...root.querySelectorAll('[data-sequence] [data-view]')];
    this.sequence = this.steps.map((step) => step.dataset.view);
    // Opened from an empty timeline cell (?view=back): that view goes to the first photo added.
    const asked = new URL(window.location.href).searchParams.get('view');
    this.asked = this.sequence.includes(asked) ? asked : null;
    this.existing = new Map();
    for (const view of root.dataset.existingViews.split(' ').filter(Boolean)) {
      this.existing.set(view, (this.existing.get(view) ?? 0) + 1);
    }
    this.summary = root.querySelector('[data-upload-summary]');
    this.start = root.querySelector('[data-upload-start]');
    this.done = root.querySelector('[data-upload-done]');
    this.announcer = root.querySelector('[data-upload-announcer]');
  }

  /** The first view of the capture sequence that neither the visit nor a card on the page has yet. */
  nextView(items) {
    const taken = new Set(this.existing.keys());
    items.filter((i) => i.card.state !== 'invalid').forEach((i) => taken.add(i.card.view));
    if (this.asked && !taken.has(this.asked)) return this.asked;
    return this.sequence.find((view) => !taken.has(view)) ?? '';
  }

  update(items) {
    this.updateSequence(items);
    const count = (states) => items.filter((i) => states.includes(i.card.state)).length;
    const unsent = count(UNSENT);
    this.start.hidden = unsent === 0;
    this.start.textContent = `Upload ${photos(unsent)}`;
    // Once nothing waits to be sent, going back is the obvious next step.
    this.done.classList.toggle('btn-primary', items.length > 0 && unsent + count(IN_FLIGHT) === 0);

    if (items.length === 0) {
      this.summary.textContent = 'No photos added yet.';
      return;
    }
    const parts = [
      [unsent, 'to upload'],
      [count(['waiting']), 'waiting'],
      [count(['uploading']), 'uploading'],
      [count(['processing', 'stalled']), 'processing'],
      [count(['ready']), 'ready'],
      [count(ATTENTION), count(ATTENTION) === 1 ? 'needs attention' : 'need attention'],
    ].filter(([n]) => n > 0);
    this.summary.textContent = `${photos(items.length)}: ${parts.map(([n, what]) => `${n} ${what}`).join(', ')}`;
    this.summary.dataset.attention = String(count(ATTENTION) > 0);
  }

  updateSequence(items) {
    for (const step of this.steps) {
      const mine = items.filter((i) => i.card.view === step.dataset.view);
      // A duplicate upload returns a photo the visit already had, which is counted in `existing` already.
      const onVisit = (this.existing.get(step.dataset.view) ?? 0) +
        mine.filter((i) => ON_VISIT.includes(i.card.state) && !i.duplicate).length;
      const planned = mine.filter((i) => [...UNSENT, ...IN_FLIGHT].includes(i.card.state)).length;
      step.dataset.state = onVisit > 0 ? 'done' : planned > 0 ? 'planned' : 'missing';
      const text = [onVisit > 0 ? `${onVisit} on this visit` : '', planned > 0 ? `${planned} planned` : ''];
      step.querySelector('[data-sequence-state]').textContent = text.filter(Boolean).join(' · ') || 'Missing';
    }
  }

  /** Adds a line to the polite live region; several outcomes in a row are each read out. */
  announce(text) {
    const line = document.createElement('p');
    line.textContent = text;
    this.announcer.append(line);
    setTimeout(() => line.remove(), 20_000);
  }
}
