// Draws every country of world-atlas 2.0.2 (countries-110m) as an SVG <path data-a2=...> in an Equal Earth
// projection, like the app's map. Globals from the UMD builds: d3 (d3-array + d3-geo), topojson (topojson-client).
// data-a2 holds the feature's ISO 3166 numeric id (or its name if it has none): the benchmark only counts the paths.
/* global d3, topojson */
const W = 960;
const H = 470;
const NS = 'http://www.w3.org/2000/svg';

function el(name, attrs) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

fetch('../src/data/geo/countries-110m.json')
  .then((r) => {
    if (!r.ok) throw new Error(`countries-110m.json: HTTP ${r.status}`);
    return r.json();
  })
  .then((world) => {
    const countries = topojson.feature(world, world.objects.countries);
    const projection = d3.geoEqualEarth().fitSize([W, H], { type: 'Sphere' });
    const path = d3.geoPath(projection);
    const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': 'World map' });
    svg.append(el('path', { d: path({ type: 'Sphere' }), fill: '#eef3f7', stroke: '#9aa9b5' }));
    for (const f of countries.features) {
      svg.append(el('path', {
        d: path(f) || '', 'data-a2': f.id ?? f.properties.name, fill: '#c9d3db', stroke: '#ffffff', 'stroke-width': 0.5,
      }));
    }
    document.querySelector('[data-testid="map"]').append(svg);
  })
  .catch((err) => console.error('d3 baseline map failed', err));
