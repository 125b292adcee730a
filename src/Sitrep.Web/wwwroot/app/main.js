// The dashboard: one page for / (the map, the timeline and the table over the filters in the address) and
// /attacks/{id} (one attack with its evidence). Views change by address, so the back button and shared links work.
import { el, fill, number } from './dom.js';
import { getJson, ApiError } from './api.js';
import { readState, toSearch, isLanding, viewFilters, brushedFilters, addDays, FILTERS } from './state.js';
import { AttackMap } from './map.js';
import { Timeline } from './timeline.js';
import { AttackTable } from './table.js';
import { showAttack } from './attack.js';

const $ = id => document.getElementById(id);
let map = null, timeline = null, table = null;
let state = {};
let statsRows = [];
let shown = ''; // the path and query of the view on screen

function problemText(e) {
  if (e instanceof ApiError && e.problem) return `${e.problem.title}: ${e.problem.detail}${e.problem.code ? ` (${e.problem.code})` : ''}`;
  return e && e.message ? e.message : String(e);
}

function showError(e) {
  const box = $('error');
  fill(box, problemText(e));
  box.hidden = false;
}

function go(next, replace = false) {
  const url = `/${toSearch(next)}`;
  if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
  route();
}

async function landing() {
  // "Last night": the latest day the ledger has an attack on, with the thirty days before it on the timeline.
  const { body } = await getJson('attacks', { limit: 1 });
  const latest = body.attacks.length && body.attacks[0].date;
  if (!latest) return { view: {}, title: 'The whole ledger (no dated attacks yet)' };
  return {
    view: { since: addDays(latest, -29), until: latest, from: latest, to: latest },
    title: `Last night: ${latest}, the latest day in the ledger (the timeline shows the 30 days up to it)`,
  };
}

function writeForm(s) {
  const form = $('filters');
  for (const k of FILTERS) form.elements[k].value = s[k] || '';
  form.elements.shade.value = s.shade || 'attacks';
}

function describe(s) {
  const parts = [];
  if (s.since || s.until) parts.push(`${s.since || 'the start'} to ${s.until || 'the latest'}`); else parts.push('the whole ledger');
  if (s.attacker) parts.push(`attacker ${s.attacker}`);
  if (s.target) parts.push(`target ${s.target}`);
  if (s.weapon) parts.push(`weapon ${s.weapon}`);
  if (s.place) parts.push(`place ${s.place}`);
  return parts.join(', ');
}

async function showDashboard() {
  $('attack-view').hidden = true;
  $('dashboard-view').hidden = false;
  document.title = 'Sitrep — the attack ledger';
  const given = readState();
  let title;
  state = given;
  // The map (which fetches its shapes), the timeline and the table are made while the landing view's day is asked for.
  const landed = isLanding(given) ? landing() : null;
  map ??= new AttackMap($('map'), $('map-legend'), $('map-note'));
  timeline ??= new Timeline($('timeline-figures'), $('timeline-casualties'), $('timeline-summary'),
    b => go({ ...state, ...b }));
  table ??= new AttackTable($('attacks'), $('pager'), (sort, order) => go({ ...state, sort: sort === 'date' ? null : sort, order: order === 'desc' ? null : order }));
  if (landed) {
    const l = await landed;
    performance.mark('sitrep-landed');
    state = { ...l.view, sort: given.sort, order: given.order, shade: given.shade };
    title = l.title;
    $('last-night').setAttribute('aria-current', 'page');
  } else {
    title = `Showing ${describe(given)}`;
    $('last-night').removeAttribute('aria-current');
  }
  writeForm(state);
  fill($('view-title'), title);
  const brush = state.from ? { from: state.from, to: state.to || state.from } : null;
  fill($('brush'), brush ? el('span', {}, `Map and table: ${brush.from}${brush.to !== brush.from ? ` to ${brush.to}` : ''} `,
    el('button', { type: 'button', on: { click: () => go({ ...state, from: null, to: null }) }, text: 'Show all the timeline\'s days' })) : 'Drag across the timeline to pick days for the map and the table.');

  const statsFilters = viewFilters(state);
  const narrowed = brushedFilters(state);
  const [stats] = await Promise.all([
    getJson('stats', statsFilters),
    map.load(narrowed, state.shade),
    table.load(narrowed, state.sort || 'date', state.order || 'desc'),
  ]);
  performance.mark('sitrep-data');
  statsRows = stats.body;
  timeline.draw(statsRows, { since: state.since, until: state.until }, brush);
  map.invalidate();
}

async function route() {
  shown = location.pathname + location.search;
  $('error').hidden = true;
  const m = location.pathname.match(/^\/attacks\/([^/]+)$/);
  try {
    if (m) {
      $('dashboard-view').hidden = true;
      $('attack-view').hidden = false;
      await showAttack($('attack-view'), decodeURIComponent(m[1]));
      $('attack-view').focus();
    } else {
      await showDashboard();
    }
    if (performance.getEntriesByName('sitrep-ready').length === 0) performance.mark('sitrep-ready');
    document.body.dataset.ready = 'true';
  } catch (e) {
    showError(e);
    document.body.dataset.ready = 'error';
  }
}

function init() {
  const form = $('filters');
  form.addEventListener('submit', e => {
    e.preventDefault();
    const next = { sort: state.sort, order: state.order, shade: form.elements.shade.value === 'attacks' ? null : form.elements.shade.value };
    for (const k of FILTERS) next[k] = form.elements[k].value.trim() || null;
    if (FILTERS.every(k => !next[k])) next.view = 'all'; // nothing chosen: the whole ledger, not the landing view
    go(next);
  });
  form.elements.shade.addEventListener('change', () => go({ ...state, shade: form.elements.shade.value === 'attacks' ? null : form.elements.shade.value }));
  $('last-night').addEventListener('click', e => { e.preventDefault(); history.pushState(null, '', '/'); route(); });
  $('whole-war').addEventListener('click', () => go({ view: 'all', shade: state.shade }));
  document.addEventListener('click', e => {
    const a = e.target.closest && e.target.closest('a[href^="/attacks/"], a[href="/"]');
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    history.pushState(null, '', a.getAttribute('href'));
    route();
    window.scrollTo(0, 0);
  });
  // A jump to a mark in a report (#ev-…) changes only the fragment: the view stays.
  window.addEventListener('popstate', () => {
    if (location.pathname + location.search !== shown) route();
  });
  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => { timeline?.resize(); map?.invalidate(); }, 150);
  });
  route();
}

init();
export { number };
