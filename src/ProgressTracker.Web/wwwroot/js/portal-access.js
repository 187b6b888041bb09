// Portal access: a Copy button for the one-time invitation link (the field stays selectable without script).
// On a phone the patient tabs scroll sideways and this one is last: bring it into view.
document.querySelector('.tabs a[aria-current=page]')?.scrollIntoView({ block: 'nearest', inline: 'end' });

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
