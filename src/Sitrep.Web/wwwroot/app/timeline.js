// The timeline: per day, launched and destroyed per weapon family and side with the interception rate, and killed and
// injured; dragging across it picks days (the brush), which narrows the map and the table. The two sides' attacks
// stay apart (one side's drones never count in the other's rate), as in `sitrep stats`.
import { el, fill, number, percent } from './dom.js';

/* global uPlot */

const FAMILY_COLOURS = { drone: '#c2410c', missile: '#6d28d9', bomb: '#a16207', artillery: '#0f766e', other: '#52525b' };
const FAMILIES = ['drone', 'missile', 'bomb', 'artillery', 'other'];
const DAY = 86400;

function dayOf(iso) {
  return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 1000;
}

function isoOf(seconds) {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/** The stats rows as uPlot columns: every day from the first to the last, launched and destroyed per side and family, rates, casualties. */
export function columns(rows, range) {
  // The filter's days, but no more than a month beyond the data on either side (an open or far range is the data's).
  const dataFirst = Math.min(...rows.map(r => dayOf(r.date))), dataLast = Math.max(...rows.map(r => dayOf(r.date)));
  const first = range && range.since ? Math.max(dayOf(range.since), dataFirst - 30 * DAY) : dataFirst;
  const last = range && range.until ? Math.min(dayOf(range.until), dataLast + 30 * DAY) : dataLast;
  const days = [];
  for (let d = first; d <= last; d += DAY) days.push(d);
  const at = new Map(days.map((d, i) => [d, i]));
  const keys = [];
  for (const r of rows) {
    if (FAMILIES.includes(r.family) && (r.launched !== null || r.destroyed !== null)) {
      const key = `${r.attacker}|${r.family}`;
      if (!keys.includes(key)) keys.push(key);
    }
  }
  keys.sort((a, b) => a.localeCompare(b));
  const sidesWithRates = [...new Set(keys.map(k => k.split('|')[0]))];
  const series = new Map(keys.map(k => [k, { launched: days.map(() => null), destroyed: days.map(() => null) }]));
  const rate = new Map(sidesWithRates.map(s => [s, { launched: days.map(() => 0), destroyed: days.map(() => 0) }]));
  const killed = days.map(() => null), injured = days.map(() => null);
  for (const r of rows) {
    const i = at.get(dayOf(r.date));
    if (i === undefined) continue;
    const s = series.get(`${r.attacker}|${r.family}`);
    if (s) {
      if (r.launched !== null) s.launched[i] = (s.launched[i] || 0) + r.launched;
      if (r.destroyed !== null) s.destroyed[i] = (s.destroyed[i] || 0) + r.destroyed;
      // A rate counts only the days a family gives both figures.
      if (r.launched && r.destroyed !== null) {
        rate.get(r.attacker).launched[i] += r.launched;
        rate.get(r.attacker).destroyed[i] += r.destroyed;
      }
    }
    if (r.killed !== null) killed[i] = (killed[i] || 0) + r.killed;
    if (r.injured !== null) injured[i] = (injured[i] || 0) + r.injured;
  }
  const rates = new Map([...rate].map(([side, v]) => [side, v.launched.map((l, i) => (l > 0 ? Math.min(1, v.destroyed[i] / l) : null))]));
  return { days, keys, series, rates, killed, injured };
}

export class Timeline {
  constructor(figuresNode, casualtiesNode, summaryNode, onBrush) {
    this.figuresNode = figuresNode;
    this.casualtiesNode = casualtiesNode;
    this.summaryNode = summaryNode;
    this.onBrush = onBrush;
    this.plots = [];
    this.data = null;
    this.brushing = false;
  }

  width() {
    return Math.max(280, this.figuresNode.clientWidth || 600);
  }

  draw(rows, range, brush) {
    for (const p of this.plots) p.destroy();
    this.plots = [];
    fill(this.figuresNode);
    fill(this.casualtiesNode);
    if (rows.length === 0) {
      fill(this.summaryNode, 'No dated attacks match these filters.');
      return;
    }
    const c = columns(rows, range);
    this.data = c;
    const sideName = { RU: 'Russia', UA: 'Ukraine', unknown: 'unknown side' };
    const figureSeries = [{ label: 'day', value: (u, v) => (v === null ? '' : isoOf(v)) }];
    const figureData = [c.days];
    for (const key of c.keys) {
      const [side, family] = key.split('|');
      const colour = FAMILY_COLOURS[family];
      figureSeries.push({ label: `${side} ${family} launched`, stroke: colour, width: 2, points: { show: true, size: 5 }, spanGaps: false, scale: 'n', value: (u, v) => number(v) });
      figureSeries.push({ label: `${side} ${family} destroyed`, stroke: colour, width: 2, dash: [5, 4], points: { show: true, size: 4 }, spanGaps: false, scale: 'n', value: (u, v) => number(v) });
      figureData.push(c.series.get(key).launched, c.series.get(key).destroyed);
    }
    for (const [side, values] of c.rates) {
      figureSeries.push({ label: `share of ${sideName[side] || side}'s weapons destroyed`, stroke: side === 'UA' ? '#1d4ed8' : '#111827', width: 1.5, dash: [2, 3], scale: '%', spanGaps: false, value: (u, v) => percent(v), points: { show: true, size: 3 } });
      figureData.push(values);
    }
    const sync = uPlot.sync('sitrep-timeline');
    const common = (height) => ({
      width: this.width(),
      height,
      cursor: { sync: { key: sync.key }, drag: { x: true, y: false, setScale: false }, points: { size: 6 } },
      legend: { live: true },
      scales: { x: { time: true, range: (u, min, max) => [min - DAY / 2, max + DAY / 2] } },
    });
    const figures = new uPlot({
      ...common(230),
      title: 'Launched (solid) and destroyed (dashed) per day, by side and weapon family',
      series: figureSeries,
      scales: { x: { time: true, range: (u, min, max) => [min - DAY / 2, max + DAY / 2] }, n: { range: (u, min, max) => [0, Math.max(1, Math.ceil(max * 1.12))] }, '%': { range: [0, 1.08] } },
      axes: [
        {},
        { scale: 'n', label: 'launched / destroyed', values: (u, vals) => vals.map(v => number(v)) },
        { scale: '%', side: 1, grid: { show: false }, label: 'share destroyed', values: (u, vals) => vals.map(v => percent(v)) },
      ],
      hooks: { setSelect: [u => this.selected(u)] },
    }, figureData, this.figuresNode);
    const casualties = new uPlot({
      ...common(150),
      title: 'Killed and injured per day',
      series: [
        { label: 'day', value: (u, v) => (v === null ? '' : isoOf(v)) },
        { label: 'killed', stroke: '#991b1b', fill: 'rgba(153,27,27,0.25)', width: 1.5, paths: uPlot.paths.bars({ size: [0.6, 40] }), value: (u, v) => number(v) },
        { label: 'injured', stroke: '#b45309', fill: 'rgba(180,83,9,0.2)', width: 1.5, paths: uPlot.paths.bars({ size: [0.35, 24] }), value: (u, v) => number(v) },
      ],
      scales: { x: { time: true, range: (u, min, max) => [min - DAY / 2, max + DAY / 2] }, y: { range: (u, min, max) => [0, Math.max(1, Math.ceil(max * 1.12))] } },
      axes: [{}, { values: (u, vals) => vals.map(v => number(v)) }],
      hooks: { setSelect: [u => this.selected(u)] },
    }, [c.days, c.killed, c.injured], this.casualtiesNode);
    this.plots = [figures, casualties];
    // After the charts' first layout, so the brushed days land where the days are drawn.
    requestAnimationFrame(() => this.showBrush(brush));
    this.summarize(rows, brush);
  }

  /** Days picked by dragging: whole days from the first to the last the selection touches. */
  selected(u) {
    if (this.brushing) return;
    const sel = u.select;
    if (!sel || sel.width < 2) return;
    const from = isoOf(Math.floor(u.posToVal(sel.left, 'x') / DAY + 0.5) * DAY);
    const to = isoOf(Math.floor(u.posToVal(sel.left + sel.width, 'x') / DAY + 0.5) * DAY);
    this.onBrush(from <= to ? { from, to } : { from: to, to: from });
  }

  /** Draws the brushed days on both charts (or none). */
  showBrush(brush) {
    this.brushing = true;
    try {
      for (const u of this.plots) {
        if (brush && brush.from && brush.to) {
          const left = u.valToPos(dayOf(brush.from) - DAY / 2, 'x');
          const right = u.valToPos(dayOf(brush.to) + DAY / 2, 'x');
          u.setSelect({ left: Math.max(0, left), width: Math.max(2, right - left), top: 0, height: u.over.clientHeight }, false);
        } else {
          u.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
        }
      }
    } finally {
      this.brushing = false;
    }
  }

  summarize(rows, brush) {
    const inBrush = rows.filter(r => !brush || !brush.from || (r.date >= brush.from && r.date <= brush.to));
    const bySide = new Map();
    for (const r of inBrush) {
      const s = bySide.get(r.attacker) || { launched: 0, destroyed: 0, rated: 0, ratedDestroyed: 0, killed: 0, injured: 0 };
      s.launched += r.launched || 0;
      s.destroyed += r.destroyed || 0;
      if (r.launched && r.destroyed !== null) { s.rated += r.launched; s.ratedDestroyed += r.destroyed; }
      s.killed += r.killed || 0;
      s.injured += r.injured || 0;
      bySide.set(r.attacker, s);
    }
    const names = { RU: 'By Russia', UA: 'By Ukraine', unknown: 'By an unknown side' };
    fill(this.summaryNode, el('ul', { class: 'totals' }, [...bySide].map(([side, s]) => el('li', {},
      el('strong', { text: `${names[side] || side}: ` }),
      `${number(s.launched)} launched, ${number(s.destroyed)} destroyed`,
      s.rated ? ` (${percent(s.ratedDestroyed / s.rated)} of those counted both ways)` : '',
      `, ${number(s.killed)} killed, ${number(s.injured)} injured`))));
  }

  resize() {
    for (const u of this.plots) u.setSize({ width: this.width(), height: u.height });
  }
}
