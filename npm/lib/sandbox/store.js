// The sandbox's state in SQLite (better-sqlite3): a file with --data, else in memory.
// Every change is one transaction, so a crash or restart mid-create leaves no half dispute.
import { createRequire } from 'node:module';

import { allocateCents, fromCents, toCents } from './money.js';

const require = createRequire(import.meta.url);

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS accounts (api_key TEXT PRIMARY KEY, open_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (
  access_token TEXT PRIMARY KEY, refresh_token TEXT UNIQUE, open_id TEXT NOT NULL,
  access_expires INTEGER, refresh_expires INTEGER, created INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS orders (
  order_id TEXT PRIMARY KEY, order_number TEXT, postage_cents INTEGER NOT NULL, ioss_tax_cents INTEGER NOT NULL,
  ioss_fee_cents INTEGER NOT NULL, expect_options TEXT NOT NULL, numbers_as_strings INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS lines (
  line_item_id TEXT PRIMARY KEY, order_id TEXT NOT NULL, position INTEGER NOT NULL, cj_product_id TEXT, cj_variant_id TEXT,
  product_code TEXT, name TEXT, image TEXT, sku TEXT, supplier TEXT, price_cents INTEGER NOT NULL, quantity INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS reasons (reason_id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS disputes (
  id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, business_dispute_id TEXT NOT NULL, open_id TEXT NOT NULL,
  order_id TEXT NOT NULL, reason_id INTEGER NOT NULL, expect_type INTEGER NOT NULL, refund_type INTEGER NOT NULL,
  message_text TEXT NOT NULL, image_urls TEXT NOT NULL, video_urls TEXT NOT NULL, status TEXT NOT NULL,
  finally_deal INTEGER, money_cents INTEGER, replacement_cents INTEGER, resend_order_code TEXT, refund_details TEXT,
  created INTEGER NOT NULL, UNIQUE (open_id, business_dispute_id));
CREATE TABLE IF NOT EXISTS dispute_lines (
  dispute_id TEXT NOT NULL, line_item_id TEXT NOT NULL, quantity INTEGER NOT NULL, price_cents INTEGER NOT NULL,
  PRIMARY KEY (dispute_id, line_item_id));
`;

const FIRST_DISPUTE_NUMBER = 1623673863466725376n;  // ids look like CJ's: SH1623673863466725376

/** A refusal CJ would answer with `code` and `message`. */
export class BusinessError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

function openDatabase(file) {
  let Database;
  try {
    Database = require('better-sqlite3');
  } catch (error) {
    throw new Error(`the CJ sandbox needs better-sqlite3 (npm install better-sqlite3@12): ${error.message}`);
  }
  const db = new Database(file ?? ':memory:');
  if (file) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(SCHEMA);
  return db;
}

export class SandboxStore {
  #db;
  #core;
  #statements;
  /** Test hook: called inside the create transaction, between its writes. */
  onCreateMidway = null;

  constructor({ file, seed, core }) {
    this.#core = core;
    this.#db = openDatabase(file);
    const seeded = this.#db.prepare("SELECT value FROM meta WHERE key = 'seeded'").get();
    if (!seeded) this.#db.transaction(() => this.#loadSeed(seed))();
  }

  close() {
    this.#db.close();
  }

  // ---------------------------------------------------------------- auth

  accountForApiKey(apiKey) {
    return this.#db.prepare('SELECT open_id AS openId FROM accounts WHERE api_key = ?').get(apiKey);
  }

  issueToken(openId, now = Date.now()) {
    const token = { accessToken: `sbx_${crypto.randomUUID().replaceAll('-', '')}`, refreshToken: `sbr_${crypto.randomUUID().replaceAll('-', '')}`,
      openId, accessExpires: now + 15 * 24 * 3600e3, refreshExpires: now + 180 * 24 * 3600e3, created: now };
    this.#db.prepare('INSERT INTO tokens VALUES (?, ?, ?, ?, ?, ?, 0)')
      .run(token.accessToken, token.refreshToken, openId, token.accessExpires, token.refreshExpires, now);
    return token;
  }

  /** The account of a valid access token, or undefined. */
  tokenOwner(accessToken, now = Date.now()) {
    const row = this.#db.prepare('SELECT open_id AS openId, access_expires AS expires, revoked FROM tokens WHERE access_token = ?').get(accessToken);
    if (!row || row.revoked || (row.expires !== null && row.expires < now)) return undefined;
    return row.openId;
  }

  refreshToken(refreshToken, now = Date.now()) {
    const row = this.#db.prepare('SELECT open_id AS openId, refresh_expires AS expires, revoked FROM tokens WHERE refresh_token = ?').get(refreshToken);
    if (!row || row.revoked || (row.expires !== null && row.expires < now)) return undefined;
    return this.#db.transaction(() => {
      this.#db.prepare('UPDATE tokens SET revoked = 1 WHERE refresh_token = ?').run(refreshToken);
      return this.issueToken(row.openId, now);
    })();
  }

  logout(accessToken) {
    this.#db.prepare('UPDATE tokens SET revoked = 1 WHERE access_token = ?').run(accessToken);
  }

  // ---------------------------------------------------------------- reads

  order(orderId) {
    const order = this.#db.prepare('SELECT * FROM orders WHERE order_id = ?').get(orderId);
    if (!order) throw new BusinessError(1603100, `Order not found: ${orderId}`);
    return order;
  }

  /** The order's lines with what can still be disputed. */
  orderLines(orderId) {
    return this.#db.prepare(`
      SELECT l.*,
        l.quantity - COALESCE((SELECT SUM(dl.quantity) FROM dispute_lines dl JOIN disputes d ON d.id = dl.dispute_id
          WHERE dl.line_item_id = l.line_item_id AND (d.status = 'Processing' OR (d.status = 'finished' AND d.finally_deal IN (1, 2)))), 0) AS left_quantity,
        EXISTS (SELECT 1 FROM dispute_lines dl JOIN disputes d ON d.id = dl.dispute_id
          WHERE dl.line_item_id = l.line_item_id AND d.status = 'Processing') AS open_dispute
      FROM lines l WHERE l.order_id = ? ORDER BY l.position`).all(orderId)
      .map((row) => ({ ...row, can_choose: !row.open_dispute && row.left_quantity > 0 }));
  }

  reasons() {
    return this.#db.prepare('SELECT reason_id AS id, name FROM reasons ORDER BY reason_id').all();
  }

  /** Checks chosen lines against the order; returns them with their rows. */
  checkChoice(order, productInfoList, code, { requireChoosable }) {
    const lines = new Map(this.orderLines(order.order_id).map((row) => [row.line_item_id, row]));
    return productInfoList.map((chosen) => {
      const row = lines.get(chosen.lineItemId);
      if (!row) throw new BusinessError(code, `line ${chosen.lineItemId} is not part of order ${order.order_id}`);
      if (requireChoosable && !row.can_choose) throw new BusinessError(code, `line ${chosen.lineItemId} cannot be disputed now (an unfinished dispute exists or nothing is left)`);
      if (chosen.quantity > row.left_quantity) throw new BusinessError(code, `quantity ${chosen.quantity} of line ${chosen.lineItemId} is more than the ${row.left_quantity} left to dispute`);
      if (toCents(chosen.price) !== row.price_cents) throw new BusinessError(code, `price ${chosen.price} of line ${chosen.lineItemId} is not its unit price ${fromCents(row.price_cents)}`);
      return { row, quantity: chosen.quantity };
    });
  }

  /** Caps per supplier group for the chosen lines: products, and shares of postage and IOSS. */
  caps(order, chosen) {
    const allValue = this.orderLines(order.order_id).reduce((sum, row) => sum + row.price_cents * row.quantity, 0);
    const groups = new Map();
    for (const item of chosen) {
      const key = item.row.supplier ?? '';
      if (!groups.has(key)) groups.set(key, { supplier: key, items: [], value: 0 });
      const group = groups.get(key);
      group.items.push(item);
      group.value += item.row.price_cents * item.quantity;
    }
    const list = [...groups.values()];
    const chosenValue = list.reduce((sum, g) => sum + g.value, 0);
    // The chosen lines' share of each order-level charge, then split across the groups.
    const share = (cents) => allocateCents(this.#core, cents, [chosenValue, Math.max(0, allValue - chosenValue)])[0];
    const split = (cents) => allocateCents(this.#core, share(cents), list.map((g) => g.value));
    const postage = split(order.postage_cents);
    const tax = split(order.ioss_tax_cents);
    const fee = split(order.ioss_fee_cents);
    return list.map((group, i) => ({
      ...group, maxProductPrice: group.value, maxPostage: postage[i], maxIossTaxAmount: tax[i], maxIossHandTaxAmount: fee[i],
      maxAmount: group.value + postage[i] + tax[i] + fee[i],
    }));
  }

  // ---------------------------------------------------------------- writes

  createDispute(openId, params, now = Date.now()) {
    return this.#db.transaction(() => {
      const order = this.order(params.orderId);
      const taken = this.#db.prepare('SELECT id FROM disputes WHERE open_id = ? AND business_dispute_id = ?').get(openId, params.businessDisputeId);
      if (taken) throw new BusinessError(1607008, `dispute create failed: businessDisputeId ${params.businessDisputeId} was already used (dispute ${taken.id})`);
      const options = JSON.parse(order.expect_options);
      if (!options.includes(params.expectType)) throw new BusinessError(1607008, `dispute create failed: expectType ${params.expectType} is not offered for this order`);
      if (!this.reasons().some((r) => r.id === params.disputeReasonId)) throw new BusinessError(1607008, `dispute create failed: disputeReasonId ${params.disputeReasonId} does not exist`);
      const chosen = this.checkChoice(order, params.productInfoList, 1607008, { requireChoosable: true });
      const seq = (this.#db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM disputes').get().seq) + 1;
      const id = `SH${FIRST_DISPUTE_NUMBER + BigInt(seq)}`;
      this.#db.prepare(`INSERT INTO disputes (id, seq, business_dispute_id, open_id, order_id, reason_id, expect_type, refund_type,
          message_text, image_urls, video_urls, status, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Processing', ?)`)
        .run(id, seq, params.businessDisputeId, openId, order.order_id, params.disputeReasonId, params.expectType, params.refundType,
          params.messageText, JSON.stringify(params.imageUrl ?? []), JSON.stringify(params.videoUrl ?? []), params.createDate ?? now);
      this.onCreateMidway?.(id);
      const insertLine = this.#db.prepare('INSERT INTO dispute_lines VALUES (?, ?, ?, ?)');
      for (const item of chosen) insertLine.run(id, item.row.line_item_id, item.quantity, item.row.price_cents);
      return id;
    })();
  }

  cancelDispute(orderId, disputeId) {
    return this.#db.transaction(() => {
      const dispute = this.#db.prepare('SELECT * FROM disputes WHERE id = ?').get(disputeId);
      if (!dispute || dispute.order_id !== orderId) throw new BusinessError(1607009, `dispute cancel failed: dispute ${disputeId} is not a dispute of order ${orderId}`);
      if (dispute.status !== 'Processing') throw new BusinessError(1607009, `dispute cancel failed: dispute ${disputeId} is ${dispute.status}, only Processing disputes can be cancelled`);
      this.#db.prepare("UPDATE disputes SET status = 'Cancelled' WHERE id = ?").run(disputeId);
    })();
  }

  /**
   * Settles a Processing dispute: finallyDeal 1 refund (money = the dispute's lines with their
   * share of postage and IOSS, or `money` when given), 2 reissue (a resend order), 3 reject.
   */
  resolveDispute(disputeId, { finallyDeal, money } = {}) {
    return this.#db.transaction(() => {
      const dispute = this.#db.prepare('SELECT * FROM disputes WHERE id = ?').get(disputeId);
      if (!dispute) throw new BusinessError(1600100, `dispute ${disputeId} not found`);
      if (dispute.status !== 'Processing') throw new BusinessError(1600100, `dispute ${disputeId} is already ${dispute.status}`);
      const deal = Number(finallyDeal ?? dispute.expect_type);
      if (![1, 2, 3].includes(deal)) throw new BusinessError(1600100, 'finallyDeal must be 1 (refund), 2 (reissue) or 3 (reject)');
      const settled = this.#settlement(dispute, deal, money);
      this.#db.prepare(`UPDATE disputes SET status = 'finished', finally_deal = ?, money_cents = ?, replacement_cents = ?,
          resend_order_code = ?, refund_details = ? WHERE id = ?`)
        .run(deal, settled.money, settled.replacement, settled.resendOrderCode, JSON.stringify(settled.details), disputeId);
    })();
  }

  #settlement(dispute, deal, moneyOverride) {
    const order = this.order(dispute.order_id);
    const chosen = this.#db.prepare('SELECT l.*, dl.quantity AS disputed FROM dispute_lines dl JOIN lines l ON l.line_item_id = dl.line_item_id WHERE dl.dispute_id = ?')
      .all(dispute.id).map((row) => ({ row, quantity: row.disputed }));
    const groups = this.caps(order, chosen);
    const total = (key) => groups.reduce((sum, g) => sum + g[key], 0);
    const parts = [
      { type: 'PRODUCT_COST', typeName: '商品费', cents: total('maxProductPrice') },
      { type: 'SHIPPING_COST', typeName: '物流费', cents: total('maxPostage') },
      { type: 'IOSS_TAX', typeName: 'IOSS税费', cents: total('maxIossTaxAmount') },
      { type: 'IOSS_HANDLING_FEE', typeName: 'IOSS税费手续费', cents: total('maxIossHandTaxAmount') },
    ];
    if (deal === 2) {
      return { money: 0, replacement: total('maxProductPrice'), resendOrderCode: `RS${dispute.seq.toString().padStart(10, '0')}`, details: [] };
    }
    if (deal === 3) return { money: 0, replacement: 0, resendOrderCode: '', details: [] };
    let amounts = parts.map((p) => p.cents);
    if (moneyOverride !== undefined) amounts = allocateCents(this.#core, toCents(moneyOverride), amounts);
    const details = parts.map((p, i) => ({ type: p.type, typeName: p.typeName, cents: amounts[i] }))
      .filter((p) => p.cents > 0 || p.type === 'PRODUCT_COST');
    return { money: amounts.reduce((a, b) => a + b, 0), replacement: 0, resendOrderCode: '', details };
  }

  /** Processing disputes created before `cutoff` (for --auto-resolve). */
  processingBefore(cutoff) {
    return this.#db.prepare("SELECT id, expect_type AS expectType FROM disputes WHERE status = 'Processing' AND created <= ?").all(cutoff);
  }

  // ---------------------------------------------------------------- dispute reads

  disputes({ orderId, disputeId, orderNumber, status, offset, limit }) {
    const conditions = [
      ['d.order_id = ?', orderId], ['d.id = ?', disputeId], ['o.order_number = ?', orderNumber], ['LOWER(d.status) = LOWER(?)', status],
    ].filter(([, value]) => value);
    const where = conditions.map(([clause]) => clause);
    const args = conditions.map(([, value]) => value);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const from = `FROM disputes d JOIN orders o ON o.order_id = d.order_id ${filter}`;
    const total = this.#db.prepare(`SELECT COUNT(*) AS n ${from}`).get(...args).n;
    const rows = this.#db.prepare(`SELECT d.*, o.order_number ${from} ORDER BY d.created DESC, d.seq DESC LIMIT ? OFFSET ?`).all(...args, limit, offset);
    return { total, rows: rows.map((row) => this.#withLines(row)) };
  }

  dispute(disputeId) {
    const row = this.#db.prepare('SELECT d.*, o.order_number FROM disputes d JOIN orders o ON o.order_id = d.order_id WHERE d.id = ?').get(disputeId);
    return row ? this.#withLines(row) : undefined;
  }

  #withLines(row) {
    const lines = this.#db.prepare('SELECT dl.quantity AS disputed, dl.price_cents AS disputed_price, l.* FROM dispute_lines dl JOIN lines l ON l.line_item_id = dl.line_item_id WHERE dl.dispute_id = ? ORDER BY l.position').all(row.id);
    return { ...row, lines, reason: this.#db.prepare('SELECT name FROM reasons WHERE reason_id = ?').get(row.reason_id)?.name ?? '' };
  }

  // ---------------------------------------------------------------- seed

  #loadSeed(seed) {
    const db = this.#db;
    for (const account of seed.accounts ?? []) {
      db.prepare('INSERT INTO accounts VALUES (?, ?)').run(account.apiKey, account.openId);
      if (account.accessToken) {
        db.prepare('INSERT INTO tokens VALUES (?, NULL, ?, NULL, NULL, ?, 0)').run(account.accessToken, account.openId, Date.now());
      }
    }
    for (const reason of seed.reasons ?? []) db.prepare('INSERT INTO reasons VALUES (?, ?)').run(reason.disputeReasonId, reason.reasonName);
    for (const order of seed.orders ?? []) {
      db.prepare('INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, ?)').run(order.orderId, order.orderNumber ?? '', toCents(order.postage ?? '0'),
        toCents(order.iossTax ?? '0'), toCents(order.iossHandlingFee ?? '0'), JSON.stringify(order.expectResultOptions ?? [1, 2]),
        order.numbersAsStrings ? 1 : 0);
      (order.lines ?? []).forEach((l, position) => {
        db.prepare('INSERT INTO lines VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(l.lineItemId, order.orderId, position, l.cjProductId ?? null,
          l.cjVariantId ?? null, l.productCode ?? null, l.productName ?? '', l.image ?? '', l.sku ?? '', l.supplierName ?? '', toCents(l.price), l.quantity);
      });
    }
    const owner = seed.accounts?.[0]?.openId ?? '0';
    for (const d of seed.disputes ?? []) {
      const prices = new Map(this.orderLines(d.orderId).map((row) => [row.line_item_id, row.price_cents]));
      const id = this.createDispute(owner, {
        ...d, productInfoList: d.lines.map((l) => ({ ...l, price: fromCents(prices.get(l.lineItemId)) })),
      }, d.createDate);
      if (d.status === 'finished') this.resolveDispute(id, { finallyDeal: d.finallyDeal });
      if (d.status === 'Cancelled') this.cancelDispute(d.orderId, id);
    }
    db.prepare("INSERT INTO meta VALUES ('seeded', ?)").run(new Date().toISOString());
  }
}
