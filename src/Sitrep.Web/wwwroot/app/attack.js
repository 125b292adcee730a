// An attack's page (/attacks/A12, which opens directly): its figures with their ranges, every claim behind each
// figure (who says it, which report, the words), why each report's event joined, and every source report's text with
// the evidence spans highlighted, linked to the original. Report text is untrusted: it is only ever put in as text.
import { el, fill, number, outLink, sides } from './dom.js';
import { getJson } from './api.js';

const FIGURE_NAMES = { launched: 'launched', destroyed: 'destroyed', killed: 'Killed', injured: 'Injured' };

/** "drone.launched:Shahed-136" → "Shahed-136 (drone) launched"; "killed" → "Killed". */
export function figureLabel(name) {
  const [head, model] = name.split(':');
  const [family, kind] = head.includes('.') ? head.split('.') : [null, head];
  if (!family) return FIGURE_NAMES[kind] || kind;
  return model ? `${model} (${family}) ${FIGURE_NAMES[kind] || kind}` : `${family[0].toUpperCase()}${family.slice(1)}s ${FIGURE_NAMES[kind] || kind}`;
}

function claimMark(reportId, start, end) {
  return `ev-${reportId}-${start}-${end}`;
}

export async function showAttack(root, id) {
  fill(root, el('p', { class: 'loading', text: `Loading attack ${id}…` }));
  const { body: a, url } = await getJson(`attacks/${encodeURIComponent(id)}`);
  const moved = !url.endsWith(`/api/attacks/${id}`);
  if (moved) history.replaceState(null, '', `/attacks/${a.id}`);
  document.title = `Attack ${a.id} — Sitrep`;

  const claimsByReport = new Map();
  for (const [name, f] of Object.entries(a.figures)) {
    for (const c of f.claims || []) {
      if (!claimsByReport.has(c.report_id)) claimsByReport.set(c.report_id, []);
      claimsByReport.get(c.report_id).push({ ...c, figure: name });
    }
  }
  const reportIds = [...new Set(a.members.map(m => m.report_id))];

  const header = el('header', { class: 'attack-head' },
    el('p', {}, el('a', { href: '/', class: 'back', text: '← Dashboard' })),
    moved ? el('p', { class: 'note', role: 'status', text: `${id} was merged into ${a.id}; this is ${a.id}.` }) : null,
    el('h1', {}, `Attack ${a.id}: `, a.date ? `${a.date}${a.date_precision === 'night' ? ' (night)' : ''}` : 'date unknown', ', ', sides(a.attacker, a.target_country),
      a.contested ? el('span', { class: 'badge', text: 'figures contested' }) : null),
    el('p', { class: 'lead' }, `Told by ${a.n_reports} report${a.n_reports === 1 ? '' : 's'} from ${a.n_sources} source${a.n_sources === 1 ? '' : 's'}`,
      a.sources.length ? `: ${a.sources.join(', ')}` : '', '.'),
    a.places ? el('p', {}, el('strong', { text: 'Places: ' }), a.places) : null,
    a.location ? el('p', {}, el('strong', { text: 'On the map at: ' }), [a.location.name || a.location.text, a.location.admin1, a.location.country].filter(Boolean).join(', ')) : null,
    a.weapons ? el('p', {}, el('strong', { text: 'Weapons: ' }), a.weapons) : null);

  const figures = el('section', { class: 'figures', 'aria-labelledby': 'figures-h' },
    el('h2', { id: 'figures-h', text: 'Figures' }),
    el('p', { class: 'muted', text: 'Best is the figure the ledger stands by (the rule says why); the range is what the reports give; conservative is ACLED\'s (the smallest that still stands). ★ marks the claim behind best.' }),
    Object.keys(a.figures).length === 0 ? el('p', { text: 'No report gives a figure for this attack.' }) : null,
    el('div', { class: 'table-scroll' }, el('table', { class: 'figure-table' },
      el('thead', {}, el('tr', {}, ['Figure', 'Best', 'Range', 'Conservative', 'Claims'].map(h => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, Object.entries(a.figures).map(([name, f]) => el('tr', { class: f.contested ? 'contested' : null },
        el('th', { scope: 'row' }, figureLabel(name), f.contested ? el('span', { class: 'badge', text: 'contested' }) : null,
          el('div', { class: 'muted small', text: f.reason || f.rule })),
        el('td', { class: 'num big', text: number(f.best) }),
        el('td', { class: 'num', text: f.low === f.high ? '—' : `${number(f.low)}–${number(f.high)}` }),
        el('td', { class: 'num', text: number(f.conservative) }),
        el('td', {}, el('ul', { class: 'claims' }, (f.claims || []).map(c => claimItem(c, a))))))))));

  const members = el('section', { class: 'members', 'aria-labelledby': 'members-h' },
    el('h2', { id: 'members-h', text: 'Why these reports are one attack' }),
    el('ol', {}, a.members.map(m => el('li', {},
      el('strong', { text: `${m.report && m.report.source ? m.report.source : `report ${m.report_id}`}` }),
      m.report && m.report.title ? ` — ${m.report.title}` : '',
      el('div', { class: 'muted', text: `event ${m.event_id} (${m.article}#${m.event}), ${m.kind}${m.partial ? ', a partial account' : ''}, score ${m.score}` }),
      el('div', { text: m.why }),
      m.features && m.features.length ? el('ul', { class: 'features' }, m.features.map(f => el('li', { text: `${f.name} (${f.value > 0 ? '+' : ''}${f.value}): ${f.reason}` }))) : null))));

  const reports = el('section', { class: 'reports', 'aria-labelledby': 'reports-h' },
    el('h2', { id: 'reports-h', text: 'The reports, with the words behind each figure' }));
  fill(root, header, figures, members, reports);

  const views = await Promise.all(reportIds.map(rid => getJson(`reports/${rid}`).then(r => r.body).catch(() => null)));
  views.forEach((view, i) => {
    const rid = reportIds[i];
    reports.append(view ? reportSection(view, claimsByReport.get(rid) || [], a) : el('p', { class: 'error', text: `Report ${rid} could not be loaded.` }));
  });
  if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
}

function claimItem(c, a) {
  const member = a.members.find(m => m.event_id === c.event_id);
  const source = c.source || (member && member.report && member.report.source) || `report ${c.report_id}`;
  const hedge = c.qualifier === 'exact' ? '' : `${c.qualifier.replace('_', ' ')} `;
  return el('li', { class: `claim standing-${c.standing}` },
    el('span', { class: 'value' }, c.best ? el('span', { class: 'star', title: 'the claim behind best', text: '★ ' }) : null, `${hedge}${number(c.value)}`),
    ' — ', c.claimed_by || 'no claimant named',
    c.claimant_id ? el('span', { class: 'muted', text: ` [${c.claimant_id}]` }) : null,
    el('span', { class: 'muted', text: `, ${source}${c.report_date ? `, ${c.report_date}` : ''}${c.standing === 'stands' ? '' : `, ${c.standing.replaceAll('_', ' ')}`}${c.partial ? ', partial account' : ''}` }),
    el('blockquote', {}, el('a', { href: `#${claimMark(c.report_id, c.evidence.start, c.evidence.end)}`, class: 'evidence-link', text: `“${c.evidence.text}”` })));
}

/**
 * A report's text with spans highlighted: the attack's claims (marks, each with an anchor the claims link to) over the
 * places, dates and weapons its events were read from (underlined). The text is cut at every span boundary and each
 * piece put in as a text node.
 */
export function highlighted(text, claimSpans, otherSpans) {
  const cuts = new Set([0, text.length]);
  for (const s of [...claimSpans, ...otherSpans]) {
    if (s.start >= 0 && s.end <= text.length && s.start < s.end) { cuts.add(s.start); cuts.add(s.end); }
  }
  const points = [...cuts].sort((x, y) => x - y);
  const anchored = new Set();
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i], end = points[i + 1];
    const piece = text.slice(start, end);
    const claims = claimSpans.filter(s => s.start <= start && s.end >= end);
    const others = otherSpans.filter(s => s.start <= start && s.end >= end);
    if (claims.length) {
      const mark = el('mark', { class: 'evidence', title: claims.map(c => c.label).join('; ') }, piece);
      for (const c of claims) {
        const id = claimMark(c.report, c.start, c.end);
        if (c.start === start && !anchored.has(id)) { anchored.add(id); mark.id = id; }
      }
      out.push(mark);
    } else if (others.length) {
      out.push(el('span', { class: `span-${others[0].kind}`, title: others.map(o => `${o.kind}: ${o.label}`).join('; ') }, piece));
    } else {
      out.push(document.createTextNode(piece));
    }
  }
  return out;
}

function reportSection(view, claims, a) {
  const memberEvents = new Set(a.members.filter(m => m.report_id === view.id).map(m => m.event_id));
  const claimSpans = claims.map(c => ({
    start: c.evidence.start, end: c.evidence.end, report: view.id,
    label: `${figureLabel(c.figure)}: ${c.qualifier === 'exact' ? '' : `${c.qualifier.replace('_', ' ')} `}${c.value} — ${c.claimed_by || 'no claimant named'}`,
  }));
  const otherSpans = view.spans.filter(s => memberEvents.has(s.event_id) && ['place', 'date', 'weapon'].includes(s.kind));
  const versions = view.versions.length > 1 ? el('p', { class: 'muted', text: `Version ${view.version} of ${view.versions.length} stored at this address.` }) : null;
  return el('article', { class: 'report', id: `report-${view.id}` },
    el('h3', {}, view.title || view.article),
    el('p', { class: 'report-meta' },
      view.source ? `${view.source} · ` : '', view.published ? `published ${view.published} · ` : '',
      view.url ? outLink(view.url, 'the original report') : el('span', { class: 'muted', text: 'no address given' }),
      ` · report ${view.id}`),
    versions,
    el('p', { class: 'muted small', text: `${claimSpans.length} highlighted claim${claimSpans.length === 1 ? '' : 's'}; places, dates and weapons underlined.` }),
    el('div', { class: 'report-text', tabindex: '0', 'aria-label': `Text of ${view.title || 'the report'}` }, highlighted(view.text, claimSpans, otherSpans)));
}
