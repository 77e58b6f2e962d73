// The sample dashboard: both elements, plus a note on what the backend is connected to.
import '/pkg/lib/web/index.js';

const SANDBOX_ORDERS = '2001234567890 (two suppliers), 2001234567891 (EU, IOSS), 2001234567892 (a line already disputed)';

fetch('/demo-info')
  .then((response) => response.json())
  .then((info) => {
    document.getElementById('mode').textContent = info.mode === 'sandbox'
      ? `Connected to the built-in CJ sandbox: try orders ${SANDBOX_ORDERS}.`
      : 'Connected to CJ with your credentials.';
  })
  .catch(() => {
    document.getElementById('mode').textContent = 'The dashboard backend is not answering.';
  });
