// The table of attacks: sortable by date and figures (the API's sort), paged with the API's cursors (a stack of them
// for "previous"), every row a link to the attack's page. The pager says which rows of how many are shown (the count
// is the API's, for the same filters), so a long listing is never cut short without saying so.
import { el, fill, number, sides } from './dom.js';
import { getJson } from './api.js';

const PAGE = 25;
const COLUMNS = [
  { key: 'id', label: 'Attack' },
  { key: 'date', label: 'Date', sort: 'date' },
  { key: 'sides', label: 'Sides' },
  { key: 'places', label: 'Places' },
  { key: 'weapons', label: 'Weapons (launched/destroyed)' },
  { key: 'launched', label: 'Launched', sort: 'launched', numeric: true },
  { key: 'destroyed', label: 'Destroyed', sort: 'destroyed', numeric: true },
  { key: 'killed', label: 'Killed', sort: 'killed', numeric: true },
  { key: 'injured', label: 'Injured', sort: 'injured', numeric: true },
  { key: 'n_reports', label: 'Reports', numeric: true },
];

export class AttackTable {
  constructor(table, pager, onSort) {
    this.table = table;
    this.pager = pager;
    this.onSort = onSort;
    this.cursors = [];
  }

  /** Loads the first page for the filters in the given order. */
  async load(filters, sort = 'date', order = 'desc') {
    this.filters = filters;
    this.sort = sort;
    this.order = order;
    this.cursors = [null];
    this.total = null;
    const asked = this.filters;
    const counted = getJson('attacks/count', filters).then(({ body }) => {
      if (this.filters !== asked) return;
      this.total = body.attacks;
      if (this.shown) this.renderPager();
    }, () => { /* the count is a help; the rows still show without it */ });
    await Promise.all([this.page(), counted]);
  }

  async page() {
    const cursor = this.cursors[this.cursors.length - 1];
    const { body } = await getJson('attacks', { ...this.filters, sort: this.sort === 'date' ? null : this.sort, order: this.order === 'desc' ? null : this.order, limit: PAGE, cursor });
    this.next = body.next;
    this.shown = body.attacks.length;
    this.render(body.attacks);
  }

  render(attacks) {
    const head = el('tr', {}, COLUMNS.map(c => {
      if (!c.sort) return el('th', { scope: 'col', class: c.numeric ? 'num' : null, text: c.label });
      const active = this.sort === c.sort;
      const aria = active ? (this.order === 'asc' ? 'ascending' : 'descending') : 'none';
      const button = el('button', {
        type: 'button',
        class: 'sort',
        'aria-label': `Sort by ${c.label.toLowerCase()}${active ? (this.order === 'asc' ? ', now smallest first' : ', now largest first') : ''}`,
        on: { click: () => this.onSort(c.sort, active && this.order === 'desc' ? 'asc' : 'desc') },
      }, c.label, el('span', { class: 'arrow', 'aria-hidden': 'true', text: active ? (this.order === 'asc' ? ' ▲' : ' ▼') : '' }));
      return el('th', { scope: 'col', class: c.numeric ? 'num' : null, 'aria-sort': aria }, button);
    }));
    const rows = attacks.map(a => el('tr', {},
      el('td', {}, el('a', { href: `/attacks/${a.id}`, text: a.id })),
      el('td', { class: 'nowrap', text: a.date ? `${a.date}${a.date_precision === 'night' ? ' (night)' : ''}` : 'unknown' }),
      el('td', {}, sides(a.attacker, a.target_country), a.contested ? el('span', { class: 'badge', title: 'the sides give different figures', text: 'contested' }) : null),
      el('td', { class: 'places', text: a.places }),
      el('td', { class: 'weapons', text: a.weapons }),
      el('td', { class: 'num', text: number(a.launched) }),
      el('td', { class: 'num', text: number(a.destroyed) }),
      el('td', { class: 'num', text: number(a.killed) }),
      el('td', { class: 'num', text: number(a.injured) }),
      el('td', { class: 'num', text: `${a.n_reports}` })));
    fill(this.table,
      el('caption', { text: 'Attacks: each real attack once, however many reports tell it' }),
      el('thead', {}, head),
      el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', { colspan: COLUMNS.length, class: 'empty', text: 'No attacks match these filters.' }))));
    this.renderPager();
  }

  renderPager() {
    const pageNo = this.cursors.length;
    const first = (pageNo - 1) * PAGE + 1;
    const last = first + this.shown - 1;
    const of = this.total === null ? '' : ` of ${number(this.total)}`;
    const pages = this.total === null ? '' : ` of ${number(Math.max(1, Math.ceil(this.total / PAGE)))}`;
    const where = this.shown ? `Attacks ${number(first)}–${number(last)}${of}` : (pageNo === 1 ? 'No attacks' : `No more attacks${of}`);
    fill(this.pager,
      el('button', { type: 'button', disabled: pageNo === 1, on: { click: () => { this.cursors = [null]; this.page(); } }, text: '« First' }),
      el('button', { type: 'button', disabled: pageNo === 1, on: { click: () => { this.cursors.pop(); this.page(); } }, text: '‹ Previous' }),
      el('span', { class: 'page-no', 'aria-live': 'polite', text: `Page ${number(pageNo)}${pages} · ${where}` }),
      el('button', { type: 'button', disabled: !this.next, on: { click: () => { this.cursors.push(this.next); this.page(); } }, text: 'Next ›' }));
  }
}
