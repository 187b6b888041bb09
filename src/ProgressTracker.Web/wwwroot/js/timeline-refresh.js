// While photos on the timeline are still processing, watch their status and refresh the page once any changes,
// so thumbnails appear without the clinician reloading. Stops after ten minutes.
const grid = document.querySelector('table.timeline[data-watch="true"]');

if (grid) {
  const url = grid.dataset.timelineUrl;
  // Pending and processing look the same on the page; a reload is worth it when a photo finishes processing or
  // its alignment settles (the cell then shows the aligned thumbnail or a review flag).
  const settled = (status, alignment) =>
    status === 'pending' || status === 'processing' ? 'unfinished' : `${status}/${alignment ?? ''}`;
  const shown = new Map(
    [...grid.querySelectorAll('[data-photo-id]')].map((el) => [
      el.dataset.photoId,
      settled(el.dataset.photoStatus, el.dataset.alignment),
    ]),
  );
  const deadline = Date.now() + 10 * 60 * 1000;

  const changed = (timeline) =>
    timeline.views.some((view) =>
      view.visits.some((cell) => cell.photos.some((photo) => shown.get(photo.id) !== settled(photo.status, photo.status === 'ready' ? photo.alignment.status : undefined))),
    );

  const poll = async () => {
    if (Date.now() > deadline) return;
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (response.ok && changed(await response.json())) {
        window.location.reload();
        return;
      }
    } catch {
      // A network blip: try again on the next tick.
    }
    setTimeout(poll, 1500);
  };
  setTimeout(poll, 1000);
}
