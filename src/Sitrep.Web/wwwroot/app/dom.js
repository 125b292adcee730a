// Building the page without HTML strings: every element is made with the DOM and every piece of text goes in as a
// text node, so whatever a report says is shown as what it says. (Trusted Types enforce it: see trusted-types.js.)

/**
 * An element. `props`: `class`, `text` (its text), `on` ({event: handler}), `dataset` ({key: value}), `hidden`,
 * and attributes (set as attribute strings; names starting with "on" are refused). Children: nodes, strings (as
 * text), arrays, and null/false (skipped).
 */
export function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = String(value);
    else if (key === 'on') for (const [type, handler] of Object.entries(value)) node.addEventListener(type, handler);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'hidden') node.hidden = true;
    else if (/^on/i.test(key)) throw new Error('event handlers go in "on", never as attributes');
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return node;
}

/** Empties a node and fills it with children. */
export function fill(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** The URL when it is an absolute http(s) address (what may become a link), else null: never javascript:, data: or the like. */
export function safeHref(url) {
  if (typeof url !== 'string' || url.length === 0) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A link to an original report, opened apart from the dashboard (no referrer, no opener); plain text when the URL is not http(s). */
export function outLink(url, text) {
  const href = safeHref(url);
  if (!href) return el('span', { class: 'url-text', text: text || url || '' });
  return el('a', { href, target: '_blank', rel: 'noopener noreferrer external', text: text || href });
}

export function number(n) {
  return n === null || n === undefined ? '—' : Number(n).toLocaleString('en-GB');
}

export function percent(rate) {
  return rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)}%`;
}

/** "RU → UA" with the sides' names for screen readers. */
export function sides(attacker, target) {
  const names = { RU: 'Russia', UA: 'Ukraine', BY: 'Belarus', unknown: 'unknown', other: 'other' };
  return el('span', { class: 'sides', title: `${names[attacker] || attacker} attacking ${names[target] || target}` },
    el('span', { class: `side side-${attacker}`, text: attacker === 'unknown' ? '?' : attacker }), ' → ', target);
}
