// <cj-dispute-list endpoint="/api/cj" page-size="10">: the merchant's disputes with paging,
// status and outcome, a detail view with the refund details, and cancel for Processing ones.
import { loadCore } from '../browser.js';
import { createBackend } from './backend.js';
import { fill, h, productImage, uid } from './dom.js';
import { dollars, EXPECT_TYPES, isProcessing, outcome, when } from './labels.js';
import { sharedStyleSheet } from './styles.js';

export class CjDisputeListElement extends HTMLElement {
  #root;
  #core;
  #backend;
  #filters = { orderId: '', status: '' };
  #page = 1;
  #data = null;
  #refs = {};
  #onCreated = (event) => {
    if (event.detail?.orderId && !this.#filters.orderId) this.#refs.orderInput.value = '';
    this.load(1);
  };

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [sharedStyleSheet()];
  }

  get pageSize() {
    const size = Number(this.getAttribute('page-size') ?? 10);
    return Number.isInteger(size) && size >= 1 && size <= 50 ? size : 10;
  }

  async connectedCallback() {
    document.addEventListener('cj-dispute-created', this.#onCreated);
    if (this.#backend) return;
    this.#backend = createBackend(this.getAttribute('endpoint') ?? '');
    this.#render();
    try {
      this.#core = await loadCore();
    } catch {
      fill(this.#refs.banner, 'The dispute list could not start (its WebAssembly module did not load).');
      return;
    }
    this.load(1);
  }

  disconnectedCallback() {
    document.removeEventListener('cj-dispute-created', this.#onCreated);
  }

  #render() {
    const orderInput = h('input', { type: 'search', name: 'orderId', id: uid('o'), autocomplete: 'off', placeholder: 'All orders' });
    const statusSelect = h('select', { name: 'status', id: uid('s') },
      h('option', { value: '' }, 'Any status'), h('option', { value: 'processing' }, 'Processing'), h('option', { value: 'finished' }, 'Finished'));
    this.#refs = {
      orderInput,
      banner: h('p', { class: 'banner problem', role: 'alert' }),
      status: h('p', { class: 'status', role: 'status', 'aria-live': 'polite' }),
      table: h('div', { class: 'table-wrap' }),
      pager: h('nav', { class: 'pager', 'aria-label': 'Dispute pages' }),
      detail: h('div', { 'aria-live': 'polite' }),
    };
    const filters = h('form', { role: 'search', onsubmit: (event) => {
      event.preventDefault();
      this.#filters = { orderId: orderInput.value.trim(), status: statusSelect.value };
      this.load(1);
    } },
    h('div', { class: 'field' }, h('label', { for: orderInput.id }, 'CJ order id'), orderInput),
    h('div', { class: 'field' }, h('label', { for: statusSelect.id }, 'Status'), statusSelect),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Show disputes')));
    fill(this.#root, h('section', {}, h('h2', {}, 'Disputes'), filters, this.#refs.banner, this.#refs.status, this.#refs.table, this.#refs.pager, this.#refs.detail));
  }

  /** Loads a page of disputes with the current filters. */
  async load(page = this.#page) {
    if (!this.#backend) return;
    this.#page = page;
    fill(this.#refs.status, 'Loading disputes…');
    fill(this.#refs.banner);
    this.#refs.table.setAttribute('aria-busy', 'true');
    try {
      this.#data = await this.#backend.list({ ...this.#filters, pageNumber: page, pageSize: this.pageSize });
      this.#renderTable();
    } catch (error) {
      this.#problem(error);
    } finally {
      this.#refs.table.removeAttribute('aria-busy');
      fill(this.#refs.status);
    }
  }

  #problem(error) {
    fill(this.#refs.banner, error.message, error.requestId ? h('span', { class: 'hint' }, ` (CJ request ${error.requestId}${error.code ? `, code ${error.code}` : ''})`) : null);
  }

  #renderTable() {
    const list = Array.isArray(this.#data?.list) ? this.#data.list : [];
    const total = Number.isInteger(this.#data?.total) ? this.#data.total : list.length;
    const pages = Math.max(1, Math.ceil(total / this.pageSize));
    if (list.length === 0) {
      fill(this.#refs.table, h('p', {}, 'No disputes match.'));
    } else {
      fill(this.#refs.table, h('table', { class: 'stacked' },
        h('caption', { class: 'visually-hidden' }, 'Disputes'),
        h('thead', {}, h('tr', {}, ['Dispute', 'Created', 'Reason', 'Status', 'Outcome', ''].map((title) => h('th', { scope: 'col' }, title)))),
        h('tbody', {}, list.map((dispute) => this.#row(dispute)))));
    }
    fill(this.#refs.pager,
      h('button', { type: 'button', class: 'secondary', disabled: this.#page <= 1, onclick: () => this.load(this.#page - 1) }, 'Previous'),
      h('span', {}, `Page ${this.#page} of ${pages} (${total} dispute${total === 1 ? '' : 's'})`),
      h('button', { type: 'button', class: 'secondary', disabled: this.#page >= pages, onclick: () => this.load(this.#page + 1) }, 'Next'));
  }

  #row(dispute) {
    const status = String(dispute.status ?? '');
    const actions = h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', onclick: () => this.showDetail(dispute.id) }, 'Details'));
    if (isProcessing(dispute)) actions.append(this.#cancelButton(dispute));
    // data-label names each cell where a phone-width screen stacks the columns.
    return h('tr', { dataset: { disputeId: dispute.id ?? '' } },
      h('td', { 'data-label': 'Dispute' }, dispute.id ?? '—', dispute.orderNumber ? h('div', { class: 'hint' }, dispute.orderNumber) : null),
      h('td', { 'data-label': 'Created' }, when(dispute.createDate)),
      h('td', { 'data-label': 'Reason' }, dispute.disputeReason ?? '—'),
      h('td', { 'data-label': 'Status' }, h('span', { class: `badge ${status.toLowerCase()}` }, status || '—')),
      h('td', { 'data-label': 'Outcome' }, outcome(dispute)),
      h('td', {}, actions));
  }

  // Cancel asks once more inline, then sends.
  #cancelButton(dispute) {
    const holder = h('span', { class: 'actions' });
    const ask = h('button', { type: 'button', class: 'danger', onclick: () => {
      const orderId = dispute.orderId ?? this.#filters.orderId;
      if (!orderId) {
        this.#problem({ message: 'Enter the order id in the filter to cancel this dispute.' });
        return;
      }
      const confirmButton = h('button', { type: 'button', class: 'danger', onclick: async () => {
        confirmButton.disabled = true;
        fill(this.#refs.status, 'Cancelling the dispute…');
        try {
          await this.#backend.cancel(orderId, dispute.id);
          fill(this.#refs.status, `Dispute ${dispute.id} was cancelled.`);
          await this.load(this.#page);
          if (this.#refs.detail.dataset.disputeId === dispute.id) await this.showDetail(dispute.id);
        } catch (error) {
          this.#problem(error);
          fill(this.#refs.status);
          confirmButton.disabled = false;
        }
      } }, `Yes, cancel ${dispute.id}`);
      fill(holder, confirmButton, h('button', { type: 'button', class: 'secondary', onclick: () => fill(holder, ask) }, 'Keep it'));
      confirmButton.focus();
    } }, 'Cancel');
    holder.append(ask);
    return holder;
  }

  /** Shows one dispute with its refund details and products. */
  async showDetail(disputeId) {
    fill(this.#refs.detail, h('p', { class: 'status' }, 'Loading the dispute…'));
    this.#refs.detail.dataset.disputeId = disputeId;
    try {
      const dispute = await this.#backend.detail(disputeId);
      const check = this.#core.checkRefundDetails(dispute);
      const details = Array.isArray(dispute.refundDetails) ? dispute.refundDetails : [];
      const products = Array.isArray(dispute.productList) ? dispute.productList : [];
      const heading = h('h3', { tabindex: '-1' }, `Dispute ${dispute.id}`);
      fill(this.#refs.detail, h('article', { class: 'detail' }, heading,
        h('dl', {},
          h('dt', {}, 'Status'), h('dd', {}, dispute.status ?? '—'),
          h('dt', {}, 'Reason'), h('dd', {}, dispute.disputeReason ?? '—'),
          dispute.expectType ? [h('dt', {}, 'Asked for'), h('dd', {}, EXPECT_TYPES[dispute.expectType] ?? String(dispute.expectType))] : null,
          h('dt', {}, 'Outcome'), h('dd', {}, outcome(dispute)),
          h('dt', {}, 'Refund'), h('dd', {}, dollars(dispute.refundAmount ?? dispute.money)),
          dispute.replacementAmount && dispute.replacementAmount !== '0.00' ? [h('dt', {}, 'Reissued goods'), h('dd', {}, dollars(dispute.replacementAmount))] : null,
          h('dt', {}, 'Created'), h('dd', {}, when(dispute.createDate))),
        details.length ? h('div', { class: 'table-wrap' }, h('table', {},
          h('caption', {}, 'Refund details'),
          h('tbody', {}, details.map((d) => h('tr', {}, h('td', {}, d.typeName ? `${d.typeName} (${d.type})` : d.type ?? '—'), h('td', { class: 'amount' }, dollars(d.amount)))),
            h('tr', { class: 'total' }, h('td', {}, 'Total'), h('td', { class: 'amount' }, dollars(check.detailsTotal)))))) : null,
        check.ok ? null : h('p', { class: 'error' }, check.issues.map((issue) => issue.message).join(' ')),
        products.length ? h('ul', { class: 'lines' }, products.map((p) => h('li', { class: 'line' },
          productImage(p.image, ''),
          h('div', {}, h('div', { class: 'name' }, p.productName ?? p.productCode ?? '—'), h('div', { class: 'meta' }, `${dollars(p.price)} each${p.quantity ? ` · ${p.quantity} disputed` : ''}`)),
          h('div', {})))) : null));
      heading.focus();
    } catch (error) {
      fill(this.#refs.detail);
      this.#problem(error);
    }
  }
}
