// Shared styles, applied as a constructable stylesheet: no inline <style>, so a page whose CSP
// forbids inline styles still renders the elements.
const CSS = `
:host { display: block; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2433; }
* { box-sizing: border-box; }
h2, h3 { margin: 0 0 .6em; line-height: 1.25; }
h2 { font-size: 1.25rem; } h3 { font-size: 1.05rem; }
h2:focus, h3:focus { outline: none; }
form, section { display: grid; gap: .9rem; }
label, legend { font-weight: 600; }
fieldset { border: 1px solid #d5dae3; border-radius: 8px; padding: .6rem .8rem; margin: 0; }
fieldset label { font-weight: 400; display: inline-flex; gap: .35rem; align-items: center; margin-right: 1.2rem; }
input, select, textarea, button { font: inherit; }
input[type=text], input[type=number], input[type=search], select, textarea {
  width: 100%; padding: .5rem .6rem; border: 1px solid #aab3c2; border-radius: 6px; background: #fff; }
input[aria-invalid=true], textarea[aria-invalid=true], select[aria-invalid=true] { border-color: #b3261e; outline-color: #b3261e; }
textarea { min-height: 5.5rem; resize: vertical; }
button { padding: .5rem 1rem; border-radius: 6px; border: 1px solid #2f5bd3; background: #2f5bd3; color: #fff; cursor: pointer; min-height: 2.5rem; }
button.secondary { background: #fff; color: #2f5bd3; }
button.danger { background: #b3261e; border-color: #b3261e; }
button:disabled { opacity: .55; cursor: not-allowed; }
button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid #8fb0ff; outline-offset: 1px; }
.actions { display: flex; flex-wrap: wrap; gap: .6rem; }
.field { display: grid; gap: .3rem; }
.hint { color: #5b6475; font-size: .875rem; margin: 0; }
.error { color: #b3261e; font-size: .9rem; margin: 0; min-height: 0; }
.error:empty { display: none; }
.banner { border-radius: 8px; padding: .7rem .9rem; margin: 0; }
.banner:empty { display: none; }
.banner.problem { background: #fdecea; color: #7a1a14; border: 1px solid #f1b8b2; }
.banner.done { background: #e8f5ec; color: #14532d; border: 1px solid #a7d7b6; }
.status { color: #5b6475; font-size: .9rem; margin: 0; }
.status:empty { display: none; }
.lines { list-style: none; padding: 0; margin: 0; display: grid; gap: .6rem; }
.line { display: grid; grid-template-columns: 56px 1fr minmax(7rem, 9rem); gap: .4rem .8rem; align-items: center;
  border: 1px solid #d5dae3; border-radius: 8px; padding: .6rem; }
.line[aria-disabled=true] { background: #f4f5f8; color: #5b6475; }
.line img, .no-image { width: 56px; height: 56px; object-fit: cover; border-radius: 6px; background: #eef1f6; display: grid; place-items: center; }
.line .name { font-weight: 600; overflow-wrap: anywhere; }
.line .meta { color: #5b6475; font-size: .875rem; }
.line .qty { display: grid; gap: .2rem; }
.line .error, .line .why { grid-column: 2 / -1; }
.why { font-size: .875rem; margin: 0; }
.counter { font-size: .85rem; color: #5b6475; justify-self: end; }
.counter.over { color: #b3261e; font-weight: 600; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .45rem .5rem; border-bottom: 1px solid #e3e7ee; vertical-align: top; }
td.amount, th.amount { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: 700; border-top: 2px solid #1d2433; }
.badge { display: inline-block; padding: .1rem .5rem; border-radius: 999px; font-size: .8rem; background: #eef1f6; }
.badge.processing { background: #fff4d6; color: #6b4e00; }
.badge.finished { background: #e8f5ec; color: #14532d; }
.badge.cancelled { background: #f1f1f1; color: #555; }
.pager { display: flex; gap: .6rem; align-items: center; flex-wrap: wrap; }
.detail { border: 1px solid #d5dae3; border-radius: 8px; padding: .8rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem .9rem; margin: 0; }
dt { color: #5b6475; } dd { margin: 0; overflow-wrap: anywhere; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 600px) {
  .line { grid-template-columns: 48px 1fr; }
  .line .qty { grid-column: 1 / -1; }
  .line img, .no-image { width: 48px; height: 48px; }
  .actions button { flex: 1 1 auto; }
  dl { grid-template-columns: 1fr; }
  .stacked thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .stacked, .stacked tbody, .stacked tr, .stacked td { display: block; width: 100%; }
  .stacked tr { border: 1px solid #d5dae3; border-radius: 8px; margin-bottom: .6rem; padding: .3rem .5rem; }
  .stacked td { border: 0; padding: .2rem 0; }
  .stacked td[data-label]::before { content: attr(data-label) ": "; color: #5b6475; }
}
`;

let sheet;
/** One sheet shared by every element on the page. */
export function sharedStyleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}
