// Type declarations of cj-disputes/web (handwritten). Importing the module defines
// <cj-dispute-form> and <cj-dispute-list>.
export { loadCore } from './index.js';

/** <cj-dispute-form endpoint="/api/cj" order-id?>: fires `cj-dispute-created` (bubbles, composed). */
export class CjDisputeFormElement extends HTMLElement {}

/** <cj-dispute-list endpoint="/api/cj" page-size="10">: refreshes on `cj-dispute-created`. */
export class CjDisputeListElement extends HTMLElement {
  readonly pageSize: number;
  load(page?: number): Promise<void>;
  showDetail(disputeId: string): Promise<void>;
}

export interface DisputeCreatedDetail {
  businessDisputeId: string;
  result: true;
  requestId: string | null;
  orderId: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'cj-dispute-form': CjDisputeFormElement;
    'cj-dispute-list': CjDisputeListElement;
  }
  interface DocumentEventMap {
    'cj-dispute-created': CustomEvent<DisputeCreatedDetail>;
  }
}
