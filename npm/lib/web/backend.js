// Calls to the merchant's backend routes (cj-disputes/server). Every failure becomes a
// BackendError with a message a merchant can act on.

export class BackendError extends Error {
  constructor(message, details = {}) {
    super(message);
    this.name = 'BackendError';
    Object.assign(this, details);
  }
}

function explain(status, error) {
  if (!error) return `The dispute service answered HTTP ${status}.`;
  if (error.type === 'cj' && (error.kind === 'rate_limit' || error.kind === 'quota')) {
    return error.kind === 'quota'
      ? 'CJ\'s daily request quota is used up. Try again tomorrow (it resets at 00:00 UTC).'
      : 'CJ is receiving too many requests right now. Wait a moment and try again.';
  }
  if (error.type === 'network') {
    return error.outcomeUnknown
      ? `CJ did not answer in time. The dispute may have been created: check the dispute list before trying again. (${error.businessDisputeId ?? ''})`
      : 'CJ could not be reached. Try again in a moment.';
  }
  if (error.type === 'cj' && error.kind === 'auth') return 'The dispute service is not signed in to CJ. Ask your administrator to check the CJ access token.';
  if (error.type === 'cj' && error.kind === 'server') return 'CJ is having trouble right now. Try again in a moment.';
  return error.message || `The dispute service answered HTTP ${status}.`;
}

export function createBackend(endpoint, fetchImpl = globalThis.fetch.bind(globalThis)) {
  const base = String(endpoint ?? '').replace(/\/+$/, '');
  async function call(method, path, body) {
    let response;
    try {
      response = await fetchImpl(base + path, {
        method,
        headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch {
      throw new BackendError('The dispute service could not be reached. Check your connection and try again.', { type: 'offline' });
    }
    let payload;
    try {
      payload = await response.json();
    } catch {
      throw new BackendError(`The dispute service answered HTTP ${response.status} without JSON.`, { status: response.status, type: 'bad_answer' });
    }
    if (response.ok && payload && 'data' in payload) return payload.data;
    const { message: serviceMessage, ...details } = payload?.error ?? {};
    throw new BackendError(explain(response.status, payload?.error), { status: response.status, serviceMessage, ...details });
  }
  const query = (params) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, value);
    const text = search.toString();
    return text ? `?${text}` : '';
  };
  return {
    products: (orderId) => call('GET', `/products${query({ orderId })}`),
    confirm: (orderId, productInfoList) => call('POST', '/confirm', { orderId, productInfoList }),
    create: (params) => call('POST', '/disputes', params),
    list: (filters) => call('GET', `/disputes${query(filters)}`),
    detail: (disputeId) => call('GET', `/disputes/${encodeURIComponent(disputeId)}`),
    cancel: (orderId, disputeId) => call('POST', `/disputes/${encodeURIComponent(disputeId)}/cancel`, { orderId }),
  };
}
