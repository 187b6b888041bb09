// The staff screen: the invitation link's Copy button, and one "Manage" panel open at a time.
import './copy-buttons.js';

const panels = [...document.querySelectorAll('details.manage')];
for (const panel of panels) {
  panel.addEventListener('toggle', () => {
    if (panel.open) for (const other of panels) if (other !== panel) other.open = false;
  });
}
