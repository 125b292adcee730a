// The map: country and region shapes shipped with the app (no tiles from anywhere), regions shaded by the attacks
// (or casualties) located in them, and the attacks as points sized by launched and coloured by attacker, clustered
// where they crowd. A point opens a short card with a link to the attack's page.
import { el, fill, number } from './dom.js';
import { getJson } from './api.js';

/* global L, Supercluster */

export const SIDE_COLOURS = { RU: '#c2410c', UA: '#1d4ed8', unknown: '#52525b' };
const SHADES = ['#f4f4f5', '#dde5ef', '#c2d0e3', '#a5b9d5', '#88a1c6', '#6a87b5'];
const MAX_POINTS = 5000;

let shapesPromise = null;

function loadShapes() {
  shapesPromise ??= fetch('/shapes/shapes.json').then(r => {
    if (!r.ok) throw new Error('The map shapes are missing (run tools/build-web.sh).');
    return r.json();
  });
  return shapesPromise;
}

export function radiusOf(launched) {
  return launched ? Math.min(28, 5 + Math.sqrt(launched) * 1.6) : 5;
}

export class AttackMap {
  constructor(container, legend, note) {
    this.note = note;
    this.legend = legend;
    this.map = L.map(container, {
      attributionControl: false,
      zoomSnap: 0.5,
      minZoom: 3,
      maxZoom: 11,
      preferCanvas: false,
      keyboard: true,
    }).setView([49.0, 32.0], 5);
    // Countries under the regions under the points: each its own pane, so none hides the one above it.
    this.map.createPane('countries').style.zIndex = 350;
    this.map.createPane('regions').style.zIndex = 380;
    this.points = L.layerGroup().addTo(this.map);
    this.index = null;
    this.regionCounts = new Map();
    this.shade = 'attacks';
    this.map.on('moveend', () => this.drawPoints());
    this.shapes = loadShapes(); // drawn by the first load(), once its requests are out, so the server works while the page draws
    this.drawn = null;
  }

  drawShapes(shapes) {
    L.geoJSON(shapes.countries, {
      pane: 'countries',
      interactive: false,
      style: { color: '#a1a1aa', weight: 0.8, fillColor: '#f4f4f5', fillOpacity: 1 },
    }).addTo(this.map);
    this.regions = L.geoJSON(shapes.admin1, {
      pane: 'regions',
      style: f => this.regionStyle(f),
      onEachFeature: (f, layer) => {
        layer.bindTooltip(() => this.regionLabel(f), { sticky: true, direction: 'top' });
      },
    }).addTo(this.map);
    // Regions and points stay out of the tab order (the table below lists every attack, each a link); clusters are buttons.
    this.regions.eachLayer(l => l.getElement()?.setAttribute('tabindex', '-1'));
  }

  regionValue(feature) {
    const c = this.regionCounts.get(`${feature.properties.country}|${feature.properties.admin1}`);
    if (!c) return 0;
    return this.shade === 'killed' ? c.killed || 0 : this.shade === 'injured' ? c.injured || 0 : c.attacks;
  }

  regionStyle(feature) {
    const v = this.regionValue(feature);
    const max = this.maxValue || 1;
    const bin = v === 0 ? 0 : Math.max(1, Math.ceil(Math.sqrt(v / max) * (SHADES.length - 1)));
    return { color: '#8b8b96', weight: 0.6, fillColor: SHADES[bin], fillOpacity: 0.85 };
  }

  regionLabel(feature) {
    const c = this.regionCounts.get(`${feature.properties.country}|${feature.properties.admin1}`);
    return el('div', { class: 'region-tip' },
      el('strong', { text: feature.properties.admin1 }),
      el('div', { text: c ? `${number(c.attacks)} attacks · ${number(c.killed)} killed · ${number(c.injured)} injured` : 'no attacks located here' }));
  }

  /** Loads the points and region counts for the filters; the map keeps its view. */
  async load(filters, shade) {
    this.shade = shade || 'attacks';
    const asked = [getJson('attacks', { ...filters, format: 'geojson', limit: MAX_POINTS }), getJson('places', { ...filters, level: 'admin1' })];
    this.drawn ??= this.shapes.then(shapes => { this.drawShapes(shapes); performance.mark('sitrep-shapes-drawn'); });
    const [points, places] = await Promise.all([...asked, this.drawn]);
    this.regionCounts = new Map(places.body.map(p => [`${p.country}|${p.name}`, p]));
    this.maxValue = Math.max(0, ...places.body.map(p => this.shade === 'killed' ? p.killed || 0 : this.shade === 'injured' ? p.injured || 0 : p.attacks));
    if (this.regions) this.regions.setStyle(f => this.regionStyle(f));
    const features = points.body.features.filter(f => f.geometry);
    this.index = new Supercluster({
      radius: 36,
      maxZoom: 9,
      map: p => ({ launched: p.launched || 0, attacks: 1 }),
      reduce: (acc, p) => { acc.launched += p.launched; acc.attacks += p.attacks; },
    }).load(features);
    this.drawPoints();
    const unplaced = points.body.features.length - features.length;
    const capped = points.body.features.length >= MAX_POINTS;
    fill(this.note,
      `${number(features.length)} attacks on the map`,
      unplaced ? `; ${number(unplaced)} without a known place are in the table` : '',
      capped ? `; only the newest ${number(MAX_POINTS)} are drawn: narrow the dates to see the rest` : '',
      '.');
    this.drawLegend();
  }

  drawPoints() {
    this.points.clearLayers();
    if (!this.index) return;
    const b = this.map.getBounds();
    const zoom = Math.round(this.map.getZoom());
    for (const c of this.index.getClusters([b.getWest() - 1, b.getSouth() - 1, b.getEast() + 1, b.getNorth() + 1], zoom)) {
      const [lon, lat] = c.geometry.coordinates;
      if (c.properties.cluster) {
        const count = c.properties.point_count;
        const size = Math.round(Math.min(56, 24 + Math.sqrt(c.properties.launched || 0) * 0.9));
        const label = el('span', { text: count });
        const marker = L.marker([lat, lon], {
          icon: L.divIcon({ html: label, className: 'cluster', iconSize: [size, size] }),
          title: `${count} attacks here (${number(c.properties.launched)} launched); press to zoom in`,
          alt: `${count} attacks`,
          keyboard: true,
        });
        marker.on('click', () => {
          const z = Math.min(this.index.getClusterExpansionZoom(c.properties.cluster_id), 11);
          this.map.flyTo([lat, lon], z);
        });
        marker.addTo(this.points);
      } else {
        const p = c.properties;
        const colour = SIDE_COLOURS[p.attacker] || SIDE_COLOURS.unknown;
        const point = L.circleMarker([lat, lon], {
          radius: radiusOf(p.launched),
          color: '#ffffff',
          weight: 1.2,
          fillColor: colour,
          fillOpacity: 0.78,
          className: `attack-point attack-${c.id}`,
        });
        point.bindPopup(() => card(c.id, p), { maxWidth: 280 });
        point.addTo(this.points);
        point.getElement()?.setAttribute('tabindex', '-1');
      }
    }
  }

  drawLegend() {
    const what = this.shade === 'killed' ? 'killed' : this.shade === 'injured' ? 'injured' : 'attacks';
    fill(this.legend,
      el('span', { class: 'legend-item' }, el('span', { class: 'dot', style: null, dataset: { side: 'RU' } }), 'Russia attacking'),
      el('span', { class: 'legend-item' }, el('span', { class: 'dot', dataset: { side: 'UA' } }), 'Ukraine attacking'),
      el('span', { class: 'legend-item' }, el('span', { class: 'dot', dataset: { side: 'unknown' } }), 'unknown'),
      el('span', { class: 'legend-item' }, 'size: launched; numbers: attacks clustered'),
      el('span', { class: 'legend-item' }, el('span', { class: 'ramp' }), `regions: ${what} located there`));
  }

  invalidate() {
    this.map.invalidateSize();
  }
}

function card(id, p) {
  return el('div', { class: 'card' },
    el('div', { class: 'card-title' }, el('a', { href: `/attacks/${id}`, text: `Attack ${id}` }), ` · ${p.date || 'date unknown'}`),
    el('div', { text: `${p.attacker} → ${p.target_country}${p.location ? ` · ${p.location}` : ''}` }),
    p.weapons ? el('div', { class: 'muted', text: p.weapons }) : null,
    el('div', { text: `launched ${number(p.launched)} · destroyed ${number(p.destroyed)}` }),
    el('div', { text: `killed ${number(p.killed)} · injured ${number(p.injured)}` }),
    el('div', { class: 'muted', text: `${p.n_reports} report${p.n_reports === 1 ? '' : 's'} from ${p.n_sources} source${p.n_sources === 1 ? '' : 's'}${p.contested ? ' · figures contested' : ''}` }),
    el('a', { href: `/attacks/${id}`, class: 'card-link', text: 'Open the attack and its evidence →' }));
}
