// The dashboard's view lives in its address, so a view can be shared: the filters (the API's own parameter names),
// the days brushed on the timeline, the table's order, and the region shading. No parameters at all is the
// "last night" view: the latest night in the ledger, with the thirty days before it on the timeline; view=all is the
// whole ledger.

export const FILTERS = ['since', 'until', 'attacker', 'target', 'weapon', 'place'];
const OTHERS = ['view', 'from', 'to', 'sort', 'order', 'shade'];

export function readState(search = location.search) {
  const q = new URLSearchParams(search);
  const state = {};
  for (const k of [...FILTERS, ...OTHERS]) {
    const v = q.get(k);
    if (v) state[k] = v;
  }
  return state;
}

export function isLanding(state) {
  return FILTERS.every(k => !state[k]) && !state.from && !state.to && !state.view;
}

export function toSearch(state) {
  const q = new URLSearchParams();
  for (const k of [...FILTERS, ...OTHERS]) {
    if (state[k]) q.set(k, state[k]);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The filters the API takes for the whole view (the timeline's range). */
export function viewFilters(state) {
  const f = {};
  for (const k of FILTERS) if (state[k]) f[k] = state[k];
  return f;
}

/** The filters of the map and the table: the view's, narrowed to the brushed days. */
export function brushedFilters(state) {
  const f = viewFilters(state);
  if (state.from && (!f.since || state.from > f.since)) f.since = state.from;
  if (state.to && (!f.until || state.to < f.until)) f.until = state.to;
  return f;
}

export function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
