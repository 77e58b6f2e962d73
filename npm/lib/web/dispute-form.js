// <cj-dispute-form endpoint="/api/cj">: open a dispute in three steps (order -> lines ->
// details), with the WebAssembly core checking every field as the merchant types and computing
// the refund breakdown. Talks only to the merchant's backend (cj-disputes/server).
import { loadCore } from '../browser.js';
import { createBackend } from './backend.js';
import { fill, h, productImage, uid } from './dom.js';
import { dollars, EXPECT_TYPES, REFUND_TYPES } from './labels.js';
import { sharedStyleSheet } from './styles.js';

const MESSAGE_LIMIT = 500;

/** "imageUrl[1] must be ..." -> "Image address 2 must be ..." for the merchant's eyes. */
function humanise(issue, labels) {
  const match = /^(imageUrl|videoUrl)\[(\d+)\]$/.exec(issue.field);
  const label = match ? `${labels[match[1]]} ${Number(match[2]) + 1}` : labels[issue.field];
  return label && issue.message.startsWith(issue.field) ? label + issue.message.slice(issue.field.length) : issue.message;
}

const FIELD_LABELS = {
  orderId: 'The order id', messageText: 'The message', imageUrl: 'Image address', videoUrl: 'Video address',
  expectType: 'The expected result', refundType: 'The refund destination', disputeReasonId: 'The reason',
};

export class CjDisputeFormElement extends HTMLElement {
  #root;
  #core;
  #backend;
  #state = {};
  #refs = {};

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [sharedStyleSheet()];
  }

  async connectedCallback() {
    if (this.#backend) return;
    this.#backend = createBackend(this.getAttribute('endpoint') ?? '');
    fill(this.#root, h('p', { class: 'status', role: 'status' }, 'Loading…'));
    try {
      this.#core = await loadCore();
    } catch {
      fill(this.#root, h('p', { class: 'banner problem', role: 'alert' }, 'The dispute form could not start (its WebAssembly module did not load).'));
      return;
    }
    this.#showOrderStep(this.getAttribute('order-id') ?? '');
  }

  // ---------------------------------------------------------------- shared pieces

  #frame(title, ...content) {
    const heading = h('h2', { id: uid('h'), tabindex: '-1' }, title);
    this.#refs.status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    this.#refs.banner = h('p', { class: 'banner problem', role: 'alert' });
    fill(this.#root, h('section', { 'aria-labelledby': heading.id }, heading, this.#refs.banner, ...content, this.#refs.status));
    if (this.#state.started) heading.focus();
    this.#state.started = true;
  }

  async #busy(label, work) {
    const buttons = [...this.#root.querySelectorAll('button')];
    buttons.forEach((button) => { button.disabled = true; });
    this.#root.firstElementChild?.setAttribute('aria-busy', 'true');
    fill(this.#refs.status, label);
    fill(this.#refs.banner);
    try {
      return await work();
    } catch (error) {
      fill(this.#refs.banner, error.message, error.requestId ? h('span', { class: 'hint' }, ` (CJ request ${error.requestId}${error.code ? `, code ${error.code}` : ''})`) : null);
      return undefined;
    } finally {
      buttons.forEach((button) => { button.disabled = false; });
      this.#root.firstElementChild?.removeAttribute('aria-busy');
      fill(this.#refs.status);
      this.#refreshSubmit?.();
    }
  }

  #field(label, control, { hint } = {}) {
    const error = h('p', { class: 'error', id: uid('err'), 'aria-live': 'polite' });
    const hintNode = hint ? h('p', { class: 'hint', id: uid('hint') }, hint) : null;
    control.id ||= uid('f');
    control.setAttribute('aria-describedby', [hintNode?.id, error.id].filter(Boolean).join(' '));
    return { node: h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hintNode, error), error, control };
  }

  static #showError(field, message) {
    fill(field.error, message ?? '');
    field.control.setAttribute('aria-invalid', message ? 'true' : 'false');
  }

  // ---------------------------------------------------------------- step 1: the order

  #showOrderStep(orderId) {
    this.#refreshSubmit = null;
    const input = h('input', { type: 'text', name: 'orderId', value: orderId, autocomplete: 'off', spellcheck: 'false', required: true });
    const field = this.#field('CJ order id', input, { hint: 'The CJ order number, as in your CJ order list.' });
    const check = (show) => {
      const issue = this.#core.validate('disputeProducts', { orderId: input.value.trim() }).issues[0];
      if (show) CjDisputeFormElement.#showError(field, issue ? humanise(issue, FIELD_LABELS) : '');
      return !issue;
    };
    input.addEventListener('input', () => check(input.value !== ''));
    const form = h('form', { novalidate: true, onsubmit: (event) => {
      event.preventDefault();
      if (!check(true)) return input.focus();
      this.#busy('Loading the order from CJ…', async () => {
        const products = await this.#backend.products(input.value.trim());
        this.#state = { ...this.#state, orderId: input.value.trim(), products, quantities: new Map() };
        this.#showLinesStep();
      });
    } }, field.node, h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Find order')));
    this.#frame('Open a dispute', form);
  }

  // ---------------------------------------------------------------- step 2: the lines

  #lines() {
    const list = this.#state.products?.productInfoList ?? [];
    return list.filter((line) => line && typeof line === 'object');
  }

  #chosen() {
    return [...this.#state.quantities.entries()].filter(([, text]) => text !== '' && text !== '0')
      .map(([lineItemId, text]) => ({ lineItemId, quantity: /^\d+$/.test(text) ? Number(text) : text }));
  }

  #showLinesStep() {
    const { products } = this.#state;
    const rows = new Map();
    const items = this.#lines().map((line) => {
      const left = Number.isInteger(line.quantity) ? line.quantity : 0;
      const choosable = line.canChoose !== false && left > 0;
      const name = line.cjProductName ?? line.productName ?? line.sku ?? line.lineItemId;
      const input = h('input', { type: 'number', inputmode: 'numeric', min: 0, max: left, step: 1, value: this.#state.quantities.get(line.lineItemId) ?? '0', disabled: !choosable, id: uid('q') });
      const error = h('p', { class: 'error', id: uid('err'), 'aria-live': 'polite' });
      input.setAttribute('aria-describedby', error.id);
      input.addEventListener('input', () => {
        this.#state.quantities.set(line.lineItemId, input.value.trim());
        this.#checkLines(rows, false);
      });
      rows.set(line.lineItemId, { input, error });
      const why = choosable ? null : h('p', { class: 'why' }, left > 0
        ? 'Cannot be disputed now: an unfinished dispute already exists on this line.'
        : 'Nothing left to dispute on this line.');
      return h('li', { class: 'line', 'aria-disabled': choosable ? 'false' : 'true', dataset: { lineItemId: line.lineItemId } },
        productImage(line.cjImage ?? line.image, ''),
        h('div', {}, h('div', { class: 'name' }, name),
          h('div', { class: 'meta' }, `SKU ${line.sku ?? '—'} · ${dollars(line.price)} each · ${left} can be disputed`)),
        h('div', { class: 'qty' }, h('label', { for: input.id }, h('span', { class: 'visually-hidden' }, `Quantity to dispute for ${name}`), 'Quantity'), input),
        error, why);
    });
    const summary = h('p', { class: 'error', 'aria-live': 'polite' });
    this.#refs.linesSummary = summary;
    const form = h('form', { novalidate: true, onsubmit: (event) => {
      event.preventDefault();
      const check = this.#checkLines(rows, true);
      if (!check) return;
      this.#busy('Asking CJ for reasons and refund limits…', async () => {
        const confirm = await this.#backend.confirm(this.#state.orderId, check.productInfoList);
        this.#state = { ...this.#state, confirm, chosenLines: check.productInfoList,
          businessDisputeId: this.#state.businessDisputeId ?? crypto.randomUUID(), draft: this.#state.draft ?? {} };
        this.#showDetailsStep();
      });
    } },
    h('p', { class: 'hint' }, `Order ${products.orderNumber ?? ''} (${products.orderId ?? this.#state.orderId}). Choose how many of each line to dispute.`),
    items.length ? h('ul', { class: 'lines' }, items) : h('p', {}, 'CJ lists no lines for this order.'),
    summary,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', onclick: () => this.#showOrderStep(this.#state.orderId) }, 'Back'),
      h('button', { type: 'submit' }, 'Continue')));
    this.#frame('Choose the lines', form);
  }

  // Checks the chosen lines with the core; shows each problem next to its line.
  #checkLines(rows, submitting) {
    const chosen = this.#chosen();
    for (const { input, error } of rows.values()) {
      fill(error);
      input.setAttribute('aria-invalid', 'false');
    }
    fill(this.#refs.linesSummary);
    if (chosen.length === 0) {
      if (submitting) fill(this.#refs.linesSummary, 'Choose at least one line (a quantity of 1 or more).');
      return submitting ? null : undefined;
    }
    const check = this.#core.checkSelection(this.#state.products, { productInfoList: chosen });
    for (const issue of check.issues) {
      const index = Number(/^productInfoList\[(\d+)\]/.exec(issue.field)?.[1]);
      const row = rows.get(chosen[index]?.lineItemId);
      const message = issue.message.replace(/^productInfoList\[\d+\]\.quantity/, 'The quantity');
      if (row) {
        fill(row.error, message);
        row.input.setAttribute('aria-invalid', 'true');
      } else {
        fill(this.#refs.linesSummary, message);
      }
    }
    return check.ok ? check : null;
  }

  // ---------------------------------------------------------------- step 3: the details

  #draftParams() {
    const draft = this.#state.draft;
    const urls = (text) => (text ?? '').split('\n').map((s) => s.trim()).filter(Boolean);
    return {
      businessDisputeId: this.#state.businessDisputeId, orderId: this.#state.orderId,
      disputeReasonId: draft.disputeReasonId === '' ? undefined : draft.disputeReasonId,
      expectType: draft.expectType, refundType: draft.refundType, messageText: draft.messageText ?? '',
      imageUrl: urls(draft.imageUrl).length ? urls(draft.imageUrl) : undefined,
      videoUrl: urls(draft.videoUrl).length ? urls(draft.videoUrl) : undefined,
      productInfoList: this.#state.chosenLines,
    };
  }

  #showDetailsStep() {
    const { confirm, draft } = this.#state;
    const touched = new Set();
    const options = (confirm.expectResultOptionList ?? []).filter((value) => EXPECT_TYPES[value]);
    if (options.length === 1) draft.expectType ??= options[0];

    const radios = (name, values, labels) => {
      const group = h('fieldset', { id: uid('g') }, h('legend', {}, FIELD_LABELS[name].replace(/^The /, '').replace(/^\w/, (c) => c.toUpperCase())),
        values.map((value) => h('label', {}, h('input', { type: 'radio', name, value, checked: draft[name] === value, onchange: () => {
          draft[name] = value;
          touched.add(name);
          update();
        } }), labels[value])));
      const error = h('p', { class: 'error', id: uid('err'), 'aria-live': 'polite' });
      group.setAttribute('aria-describedby', error.id);
      return { node: h('div', { class: 'field' }, group, error), error, control: group };
    };
    const expect = radios('expectType', options, EXPECT_TYPES);
    const refund = radios('refundType', [1, 2], REFUND_TYPES);

    const reasonSelect = h('select', { name: 'disputeReasonId', onchange: () => {
      draft.disputeReasonId = reasonSelect.value === '' ? '' : Number(reasonSelect.value);
      touched.add('disputeReasonId');
      update();
    } }, h('option', { value: '' }, 'Choose a reason…'),
    (confirm.disputeReasonList ?? []).map((reason) => h('option', { value: reason.disputeReasonId, selected: draft.disputeReasonId === reason.disputeReasonId }, reason.reasonName ?? `Reason ${reason.disputeReasonId}`)));
    const reason = this.#field('Reason', reasonSelect);

    const counter = h('span', { class: 'counter', 'aria-hidden': 'true' });
    const messageInput = h('textarea', { name: 'messageText', rows: 4, value: draft.messageText ?? '' });
    const message = this.#field('Message to CJ', messageInput, { hint: `What went wrong, in at most ${MESSAGE_LIMIT} characters.` });
    message.node.insertBefore(counter, message.error);
    const urlBox = (name, label, hint) => {
      const box = h('textarea', { name, rows: 2, value: draft[name] ?? '', spellcheck: 'false' });
      return this.#field(label, box, { hint });
    };
    const images = urlBox('imageUrl', 'Photo addresses (optional)', 'One https:// address per line, each at most 200 characters.');
    const videos = urlBox('videoUrl', 'Video addresses (optional)', 'One https:// address per line.');
    for (const [field, key] of [[message, 'messageText'], [images, 'imageUrl'], [videos, 'videoUrl']]) {
      field.control.addEventListener('input', () => {
        draft[key] = field.control.value;
        touched.add(key);
        update();
      });
    }

    const breakdown = h('div', { class: 'table-wrap' });
    const submit = h('button', { type: 'submit' }, 'Open dispute');
    const fields = { expectType: expect, refundType: refund, disputeReasonId: reason, messageText: message, imageUrl: images, videoUrl: videos };

    const update = (showAll = false) => {
      const params = this.#draftParams();
      const issues = [...this.#core.validate('create', params).issues,
        ...this.#core.checkSelection(confirm, { productInfoList: params.productInfoList, expectType: params.expectType, disputeReasonId: params.disputeReasonId })
          .issues.filter((issue) => issue.rule === 'expect_type_not_offered' || issue.rule === 'reason_not_offered')];
      for (const [key, field] of Object.entries(fields)) {
        const own = issues.filter((issue) => issue.field === key || issue.field.startsWith(`${key}[`));
        const visible = showAll || touched.has(key) || own.some((issue) => issue.rule !== 'required');
        CjDisputeFormElement.#showError(field, visible && own.length ? own.map((issue) => humanise(issue, FIELD_LABELS)).join(' ') : '');
      }
      const length = (draft.messageText ?? '').length;
      fill(counter, `${length} / ${MESSAGE_LIMIT}`);
      counter.classList.toggle('over', length > MESSAGE_LIMIT);
      submit.setAttribute('aria-disabled', issues.length ? 'true' : 'false');
      return issues;
    };
    this.#refreshSubmit = () => update();

    const form = h('form', { novalidate: true, onsubmit: (event) => {
      event.preventDefault();
      const issues = update(true);
      if (issues.length) {
        const first = Object.entries(fields).find(([key]) => issues.some((issue) => issue.field === key || issue.field.startsWith(`${key}[`)));
        (first?.[1].control.querySelector?.('input') ?? first?.[1].control)?.focus();
        return;
      }
      this.#busy('Opening the dispute with CJ…', async () => {
        const created = await this.#backend.create(this.#state.draftSent = this.#draftParams());
        this.#state.created = created;
        this.dispatchEvent(new CustomEvent('cj-dispute-created', { detail: { ...created, orderId: this.#state.orderId }, bubbles: true, composed: true }));
        this.#showDoneStep();
      });
    } },
    expect.node, reason.node, refund.node, message.node, images.node, videos.node,
    h('h3', {}, 'Refund breakdown'), breakdown,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', onclick: () => this.#showLinesStep() }, 'Back'), submit));
    this.#renderBreakdown(breakdown);
    this.#frame('Tell CJ what happened', form);
    update();
  }

  #renderBreakdown(container) {
    const { confirm, chosenLines } = this.#state;
    const plan = this.#core.planRefund(confirm, chosenLines);
    const names = new Map(this.#lines().map((line) => [line.lineItemId, line.cjProductName ?? line.productName ?? line.lineItemId]));
    const row = (label, amount, className) => h('tr', { class: className }, h('td', {}, label), h('td', { class: 'amount' }, dollars(amount)));
    fill(container, h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Item'), h('th', { scope: 'col', class: 'amount' }, 'Amount'))),
      h('tbody', {},
        plan.lines.map((line) => row(`${names.get(line.lineItemId) ?? line.lineItemId} × ${line.quantity} at ${dollars(line.unitPrice)}`, line.lineTotal)),
        row('Products', plan.productTotal),
        row('Postage', plan.maxPostage ?? '0.00'),
        row('IOSS tax', plan.maxIossTaxAmount ?? '0.00'),
        row('IOSS handling fee', plan.maxIossHandTaxAmount ?? '0.00'),
        row('Maximum refund', plan.maxAmount ?? plan.total, 'total'))),
    plan.issues.length ? h('p', { class: 'error' }, plan.issues.map((issue) => issue.message).join(' ')) : null);
  }

  // ---------------------------------------------------------------- done

  #showDoneStep() {
    this.#refreshSubmit = null;
    const { created, orderId } = this.#state;
    this.#frame('Dispute opened',
      h('p', { class: 'banner done', role: 'status' }, `CJ accepted the dispute for order ${orderId}. It is now Processing.`),
      h('dl', {}, h('dt', {}, 'Your dispute reference'), h('dd', { dataset: { field: 'businessDisputeId' } }, created.businessDisputeId),
        h('dt', {}, 'CJ request'), h('dd', {}, created.requestId ?? '—')),
      h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => {
        this.#state = { started: true };
        this.#showOrderStep('');
      } }, 'Open another dispute')));
  }

  #refreshSubmit = null;
}
