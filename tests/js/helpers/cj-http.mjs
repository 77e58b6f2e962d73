// Raw HTTP calls to a CJ-shaped server, for tests that check the server itself.
export function cjHttp(baseUrl, token = 'sandbox-access-token') {
  async function call(method, path, { query, body, headers = {} } = {}) {
    const url = new URL(baseUrl + path);
    for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
    const response = await fetch(url, {
      method,
      headers: { ...(token ? { 'CJ-Access-Token': token } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  }
  return {
    get: (path, query, headers) => call('GET', path, { query, headers }),
    post: (path, body, headers) => call('POST', path, { body, headers }),
    call,
  };
}
