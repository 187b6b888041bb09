// My data page (Features/Portal/Data.cshtml): follows the archive being prepared through the status API and shows
// its progress in place, then the download link. Without this module the page reloads itself (a noscript refresh).
const POLL_MS = 1000;
const GIVE_UP_MS = 10 * 60 * 1000;

const box = document.querySelector('[data-archive]');
const part = (name) => box?.querySelector(`[data-archive-${name}]`);

const dateTime = (iso) =>
  new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

const show = (element, visible) => { if (element) element.hidden = !visible; };

const say = (text) => {
  const live = part('live');
  if (live && live.textContent !== text) live.textContent = text;
};

const finished = (archive) => {
  show(part('working'), false);
  show(part('request'), true);
  if (archive.status === 'ready') {
    part('link').href = archive.fileUrl;
    part('count').textContent = archive.photoCount === 1 ? '1 photo' : `${archive.photoCount} photos`;
    part('expiry').textContent = dateTime(archive.expiresAt);
    show(part('ready'), true);
    say('Your archive is ready to download.');
  } else {
    part('reason').textContent = archive.failureReason ?? '';
    show(part('failed'), true);
    say('Your archive could not be prepared.');
  }
};

const follow = async (id) => {
  show(part('reload'), false);
  const bar = part('bar');
  const deadline = Date.now() + GIVE_UP_MS;
  let announced = -1;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    let response;
    try {
      response = await fetch(`/api/v1/me/archive/${encodeURIComponent(id)}`, { headers: { Accept: 'application/json' } });
    } catch {
      continue; // a dropped connection: try again on the next tick
    }
    if (!response.ok) break;
    const archive = await response.json();
    bar.value = archive.progress;
    if (archive.status === 'ready' || archive.status === 'failed') return finished(archive);
    // Screen readers hear every quarter, not every poll.
    const quarter = Math.floor(archive.progress / 25);
    if (quarter !== announced) {
      announced = quarter;
      say(`Preparing your archive: ${archive.progress}% done.`);
    }
  }
  show(part('reload'), true);
  say('This is taking longer than usual. Reload the page to check again.');
};

if (box && box.dataset.archiveId && (box.dataset.status === 'pending' || box.dataset.status === 'running')) {
  follow(box.dataset.archiveId);
}
