// The staff screen: a Copy button for the one-time invitation link (the field stays selectable without script),
// and one "Manage" panel open at a time.
for (const button of document.querySelectorAll('button[data-copy]')) {
  const field = document.getElementById(button.dataset.copy);
  if (!field || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(field.value);
      button.textContent = 'Copied';
    } catch {
      field.select();
      button.textContent = 'Press Ctrl+C';
    }
  });
}

const panels = [...document.querySelectorAll('details.manage')];
for (const panel of panels) {
  panel.addEventListener('toggle', () => {
    if (panel.open) for (const other of panels) if (other !== panel) other.open = false;
  });
}
