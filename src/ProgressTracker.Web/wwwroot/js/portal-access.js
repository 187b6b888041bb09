// Portal access: the invitation link's Copy button, and on a phone the patient tabs scroll sideways with this
// one last: bring it into view.
import './copy-buttons.js';

document.querySelector('.tabs a[aria-current=page]')?.scrollIntoView({ block: 'nearest', inline: 'end' });
