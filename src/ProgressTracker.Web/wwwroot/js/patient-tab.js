// On a phone the patient tabs scroll sideways: bring the current one (e.g. Consents, the last) into view.
document.querySelector('.tabs a[aria-current=page]')?.scrollIntoView({ block: 'nearest', inline: 'end' });
