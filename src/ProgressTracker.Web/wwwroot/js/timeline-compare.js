// Timeline: tick two photos of the same row and Compare opens with them (earlier visit on the left).
const picks = [...document.querySelectorAll('[data-compare-pick]')];
const hint = document.querySelector('[data-compare-hint]');
const grid = document.querySelector('table.timeline');

if (picks.length > 0 && grid) {
  document.documentElement.classList.add('js');
  const patientUrl = window.location.pathname.replace(/\/$/, '');
  const viewName = (pick) => pick.closest('tr').querySelector('th').firstChild.textContent.trim();

  for (const pick of picks) {
    pick.addEventListener('change', () => {
      // A pick in another row starts a new pair.
      for (const other of picks) if (other.checked && other.dataset.view !== pick.dataset.view) other.checked = false;
      const chosen = picks.filter((p) => p.checked); // document order is visit order
      if (chosen.length === 2) {
        hint.textContent = 'Opening compare…';
        const [before, after] = chosen;
        window.location.assign(`${patientUrl}/compare?view=${before.dataset.view}&before=${before.value}&after=${after.value}`);
      } else {
        hint.textContent = chosen.length === 1 ? `Now tick a second ${viewName(pick)} photo to compare the two.` : '';
      }
    });
  }
}
