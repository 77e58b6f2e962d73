// A tiny element builder. Text always goes in as text nodes, never as HTML: names, reasons and
// messages from CJ can hold markup, and it must show as characters.

/** h('button', { type: 'button', onclick }, 'Save') */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value);
    } else if (key === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (key === 'value' || key === 'checked' || key === 'disabled' || key === 'selected') {
      element[key] = value;
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** An image only from http(s) or an inline image: nothing else is ever loaded from CJ's data. */
export function productImage(src, alt) {
  const safe = typeof src === 'string' && /^(https?:\/\/|data:image\/(png|jpeg|gif|webp|svg\+xml)[;,])/i.test(src);
  return safe
    ? h('img', { src, alt, loading: 'lazy', referrerpolicy: 'no-referrer', width: 56, height: 56 })
    : h('span', { class: 'no-image', role: 'img', 'aria-label': alt }, '—');
}

let counter = 0;
/** A unique id for label/aria wiring inside one shadow root. */
export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}
