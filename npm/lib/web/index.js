// cj-disputes/web: the dashboard elements. Importing this module defines <cj-dispute-form>
// and <cj-dispute-list> (once); both run the WebAssembly core in the page and talk to the
// merchant's backend routes (cj-disputes/server), never to CJ.
import { CjDisputeFormElement } from './dispute-form.js';
import { CjDisputeListElement } from './dispute-list.js';

export { CjDisputeFormElement, CjDisputeListElement };
export { loadCore } from '../browser.js';

if (!customElements.get('cj-dispute-form')) customElements.define('cj-dispute-form', CjDisputeFormElement);
if (!customElements.get('cj-dispute-list')) customElements.define('cj-dispute-list', CjDisputeListElement);
