// The API's readable page, drawn from the server's own OpenAPI document (/openapi/v1.json) with the DOM, offline.
import { el, fill } from './dom.js';

const order = ['get', 'post', 'put', 'delete'];

async function main() {
  const doc = await (await fetch('/openapi/v1.json')).json();
  fill(document.getElementById('api-title'), doc.info.title);
  fill(document.getElementById('api-intro'),
    el('p', { text: doc.info.description || '' }),
    el('p', {}, 'Every list takes the filters below as query parameters, exactly as the CLI takes them as options; try ',
      el('a', { href: '/api/attacks?limit=5', text: '/api/attacks?limit=5' }), ' or ', el('a', { href: '/api/stats', text: '/api/stats' }), '.'));
  const ops = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of order) {
      const op = item[method];
      if (!op) continue;
      const params = [...(item.parameters || []), ...(op.parameters || [])];
      ops.push(el('section', { class: 'operation', id: `${method}-${path.replace(/[^a-z0-9]+/gi, '-')}` },
        el('h2', {}, el('span', { class: `method method-${method}`, text: method.toUpperCase() }), ' ', el('code', { text: path })),
        op.summary ? el('p', { class: 'lead', text: op.summary }) : null,
        op.description ? el('p', { text: op.description }) : null,
        params.length ? el('table', { class: 'params' },
          el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'parameter' }), el('th', { scope: 'col', text: 'in' }), el('th', { scope: 'col', text: 'what' }))),
          el('tbody', {}, params.map(p => el('tr', {}, el('td', {}, el('code', { text: p.name })), el('td', { text: p.in }), el('td', { text: p.description || '' }))))) : null,
        op.responses ? el('ul', { class: 'responses' }, Object.entries(op.responses).map(([code, r]) => el('li', {}, el('code', { text: code }), ` ${r.description || ''}`))) : null));
    }
  }
  fill(document.getElementById('api-operations'), ops);
  document.body.dataset.ready = 'true';
}

main().catch(e => fill(document.getElementById('api-operations'), el('p', { class: 'error', text: `The API document could not be read: ${e.message}` })));
