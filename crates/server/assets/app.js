// chronicle web UI: plain JS, no build step, no external resources.
// SAFETY RULE: article text is untrusted. The DOM is built only with
// createElement / createTextNode / textContent / setAttribute; this file never
// assigns HTML strings to the page.
'use strict';

const app = document.getElementById('app');
const SVGNS = 'http://www.w3.org/2000/svg';

// ------------------------------------------------------------------ helpers

function add(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) add(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
  return el;
}

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.setAttribute('class', v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, String(v));
  }
  return el;
}

/** An HTML element with attributes and children (text children become text nodes). */
function h(tag, attrs, ...children) {
  return add(setAttrs(document.createElement(tag), attrs), children);
}

/** An SVG element. */
function s(tag, attrs, ...children) {
  return add(setAttrs(document.createElementNS(SVGNS, tag), attrs), children);
}

function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** A hash link inside the app; ids are URI-encoded. */
function link(route, ...children) {
  return h('a', { href: '#/' + route }, ...children);
}

function idRoute(kind, id) {
  return kind + '/' + encodeURIComponent(id);
}

/** Only http(s) URLs from articles become links. */
function safeUrl(u) {
  try {
    const p = new URL(u);
    return p.protocol === 'http:' || p.protocol === 'https:' ? p.href : null;
  } catch (_) {
    return null;
  }
}

async function api(path) {
  const r = await fetch(path, { headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await r.json(); } catch (_) { body = null; }
  if (!r.ok) {
    const err = new Error((body && body.error) || ('HTTP ' + r.status));
    err.status = r.status;
    throw err;
  }
  return body;
}

function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, v);
  const t = u.toString();
  return t ? '?' + t : '';
}

/** Slices a string by Unicode code point offsets (the API's offsets). */
function cpSlice(chars, a, b) {
  return chars.slice(a, b).join('');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function parseDay(t) {
  if (!t) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : null;
}
function fmtDay(ms, withYear) {
  const d = new Date(ms);
  return MONTHS[d.getUTCMonth()] + ' ' + d.getUTCDate() + (withYear ? ' ' + d.getUTCFullYear() : '');
}
const DAY = 86400000;

// PLOVER types: cooperation in greens/blues, verbal conflict in oranges,
// material conflict in reds and browns.
const TYPE_COLOURS = {
  AGREE: '#2e7d32', CONSULT: '#1565c0', SUPPORT: '#00838f', CONCEDE: '#7cb342',
  COOPERATE: '#3949ab', AID: '#26a69a', RETREAT: '#9e9d24', REQUEST: '#8e24aa',
  ACCUSE: '#ef6c00', REJECT: '#d84315', THREATEN: '#c62828', PROTEST: '#f9a825',
  SANCTION: '#6d4c41', MOBILIZE: '#ad1457', COERCE: '#b71c1c', ASSAULT: '#212121',
};
function colour(t) { return TYPE_COLOURS[t] || '#607d8b'; }

function typeChip(t) {
  const c = h('span', { class: 'chip type' }, t);
  c.style.backgroundColor = colour(t);
  return c;
}

function statusChip(st) {
  return h('span', { class: 'chip status st-' + String(st).replace(/[^a-z]/g, '') }, st);
}

function names(list) {
  return (list || []).map((a) => a.name || a).join(', ');
}

function who(e) {
  const a = names(e.actors), r = names(e.recipients);
  if (a && r) return a + ' → ' + r;
  if (a) return a;
  if (r) return '→ ' + r;
  return '—';
}

function loading() {
  clear(app);
  app.appendChild(h('p', { class: 'muted' }, 'Loading…'));
}

function showError(e) {
  clear(app);
  app.appendChild(h('div', { class: 'error' }, h('strong', {}, 'Could not load this page. '), e.message || String(e)));
}

function section(title, ...children) {
  return h('section', { class: 'card' }, h('h2', {}, title), ...children);
}

function pager(p, go) {
  const from = p.total === 0 ? 0 : p.offset + 1;
  const to = Math.min(p.offset + p.items.length, p.total);
  return h('div', { class: 'pager' },
    h('button', { type: 'button', disabled: p.offset === 0 ? 'disabled' : null, onclick: () => go(Math.max(0, p.offset - p.limit)) }, '← Previous'),
    h('span', { class: 'muted' }, from + '–' + to + ' of ' + p.total),
    h('button', { type: 'button', disabled: to >= p.total ? 'disabled' : null, onclick: () => go(p.offset + p.limit) }, 'Next →'));
}

// ------------------------------------------------------------------ evidence

/** The evidence sentence with its trigger words in bold. */
function evidenceQuote(r) {
  const chars = Array.from(r.sentence || '');
  const a = Math.max(0, (r.trigger_start || 0) - (r.sentence_start || 0));
  const b = Math.max(a, (r.trigger_end || 0) - (r.sentence_start || 0));
  return h('blockquote', { class: 'evidence-sentence' },
    cpSlice(chars, 0, a), h('strong', { class: 'trigger' }, cpSlice(chars, a, b)), cpSlice(chars, b));
}

function eventDetail(e) {
  const box = h('div', { class: 'event-detail', id: 'evidence' });
  add(box, [
    h('div', { class: 'event-head' }, typeChip(e.event_type),
      e.modality !== 'asserted' ? h('span', { class: 'chip modality' }, e.modality) : null,
      h('span', { class: 'date' }, e.date.text),
      h('span', { class: 'who' }, who(e)),
      h('span', { class: 'muted' }, e.num_sources + (e.num_sources === 1 ? ' source' : ' sources'))),
    e.items && e.items.length ? h('p', {}, h('span', { class: 'muted' }, 'Items: '), e.items.join(', ')) : null,
    e.attributed_to ? h('p', { class: 'muted' }, 'Claimed by ' + e.attributed_to) : null,
  ]);
  for (const c of e.contradictions || []) {
    box.appendChild(h('p', { class: 'contradiction' }, '⚠ Sources disagree on ' + c.field + ': ',
      c.values.map((v, i) => [i ? '; ' : '', h('strong', {}, v.value), ' (' + (v.outlet || v.doc) + ')'])));
  }
  for (const r of e.reports || []) {
    box.appendChild(h('div', { class: 'report' },
      h('div', { class: 'report-meta' }, h('strong', {}, r.outlet || 'unknown outlet'), ' · ', r.published.text, ' · ',
        link(idRoute('doc', r.doc) + '/' + r.sentence_start + '-' + r.sentence_end, 'open in article →')),
      evidenceQuote(r)));
  }
  return box;
}

// ------------------------------------------------------------------ timeline

/** First and last day (ms) of an event, open bounds clamped to the domain. */
function eventRange(e) {
  return [parseDay(e.date.earliest), parseDay(e.date.latest)];
}

/**
 * An SVG timeline: one mark per event on a date axis; exact days are dots,
 * uncertain dates are bars over their possible days (dashed when open-ended),
 * hollow marks are not (yet) facts (planned, proposed, demanded …).
 */
function timeline(events, onSelect) {
  const dated = events.filter((e) => e.date.earliest || e.date.latest);
  const undated = events.filter((e) => !(e.date.earliest || e.date.latest));
  const wrap = h('div', { class: 'timeline' });
  if (!dated.length) {
    wrap.appendChild(h('p', { class: 'muted' }, 'No dated events.'));
  } else {
    const slot = h('div', { class: 'timeline-slot' });
    const zoom = h('div', { class: 'zoom', role: 'group', 'aria-label': 'Period shown' });
    const modes = [['precise', 'Dated within weeks'], ['days', 'Exact days'], ['all', 'Whole period']];
    const show = (mode) => {
      for (const b of zoom.querySelectorAll('button')) b.classList.toggle('on', b.getAttribute('data-mode') === mode);
      clear(slot).appendChild(timelineSvg(dated, mode, onSelect));
    };
    for (const [m, label] of modes) zoom.appendChild(h('button', { type: 'button', 'data-mode': m, onclick: () => show(m) }, label));
    add(wrap, [zoom, slot]);
    show('precise');
  }
  const used = Array.from(new Set(events.map((e) => e.event_type))).sort();
  wrap.appendChild(h('div', { class: 'legend' },
    used.map((t) => h('span', { class: 'legend-item' }, typeChip(t))),
    h('span', { class: 'legend-item muted' }, '● exact day   ▬ possible days   ▏┅▸ on or after (◂┅▕ on or before)   ○ not (yet) a fact: planned, proposed, demanded …   ×N sources   ⚠ sources disagree')));
  if (undated.length) {
    wrap.appendChild(h('p', { class: 'muted' }, undated.length + ' event(s) without a date are listed in the table below.'));
  }
  return wrap;
}

/**
 * The SVG of a timeline. The axis spans the events dated within `mode`'s
 * precision (`days`: exact days, `precise`: within about six weeks, `all`:
 * every bound); vaguer ranges are clipped to it (dashed) and ranges wholly
 * outside are counted in `data-outside`.
 */
function timelineSvg(dated, mode, onSelect) {
  const box = h('div', {});
  const ranges = dated.map(eventRange);
  const limit = mode === 'days' ? 0 : mode === 'precise' ? 45 * DAY : Infinity;
  let basis = ranges.filter(([a, b]) => a !== null && b !== null && b - a <= limit);
  if (!basis.length) basis = ranges.filter(([a, b]) => a !== null && b !== null && b - a <= 45 * DAY);
  if (!basis.length) basis = ranges;
  let lo = Infinity, hi = -Infinity;
  for (const [a, b] of basis) {
    for (const v of [a, b]) if (v !== null) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  }
  const pad = Math.max(DAY, Math.round((hi - lo) * 0.04));
  lo -= pad; hi += pad + DAY;
  const W = Math.max(640, Math.min(1400, (app.clientWidth || 1000) - 90));
  const M = { l: 20, r: 44, t: 34 };
  const x = (ms) => M.l + ((Math.min(hi, Math.max(lo, ms)) - lo) / (hi - lo)) * (W - M.l - M.r);
  const lanes = [];
  let outside = 0;
  const placed = [];
  dated.forEach((e, i) => {
    const [a, b] = ranges[i];
    if ((b !== null && b + DAY <= lo) || (a !== null && a >= hi)) { outside++; return; }
    // "on or after" / "on or before": a tick at the known bound with a short
    // dashed arrow towards the open side, so open ranges do not swamp the axis
    const kind = a !== null && b !== null ? (a === b ? 'point' : 'range') : a !== null ? 'after' : 'before';
    const open = kind === 'range' && (a < lo || b + DAY > hi);
    let x1, x2;
    if (kind === 'after') { x1 = x(a); x2 = x1 + 36; }
    else if (kind === 'before') { x2 = x(b + DAY); x1 = x2 - 36; }
    else { x1 = x(a); x2 = Math.max(x1 + 1, x(b + DAY)); }
    const centred = kind === 'point' || (kind === 'range' && x2 - x1 < 14);
    const left = centred ? (x1 + x2) / 2 - 8 : x1 - 8;
    const right = centred ? (x1 + x2) / 2 + 8 : x2 + 8;
    let lane = lanes.findIndex((end) => left > end + 4);
    if (lane < 0) { lane = lanes.length; lanes.push(right); } else lanes[lane] = right;
    placed.push({ e, x1, x2, open, lane, kind });
  });
  const LH = 20;
  const H = M.t + lanes.length * LH + 14;
  const svg = s('svg', { class: 'timeline-svg', 'data-outside': outside, width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': 'Timeline of ' + placed.length + ' dated events' });
  // axis and ticks
  const span = (hi - lo) / DAY;
  const step = span <= 16 ? 1 : span <= 70 ? 7 : span <= 400 ? 30 : 365;
  svg.appendChild(s('line', { x1: M.l, x2: W - M.r, y1: M.t - 8, y2: M.t - 8, class: 'axis' }));
  const first = new Date(lo);
  let t = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate() + 1);
  if (step === 30) t = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1);
  if (step === 365) t = Date.UTC(first.getUTCFullYear() + 1, 0, 1);
  for (let n = 0; t <= hi && n < 80; n++) {
    const tx = x(t);
    svg.appendChild(s('line', { x1: tx, x2: tx, y1: M.t - 12, y2: H - 6, class: 'grid' }));
    svg.appendChild(s('text', { x: tx + 2, y: M.t - 16, class: 'tick' }, step === 365 ? String(new Date(t).getUTCFullYear()) : fmtDay(t, step === 30 && new Date(t).getUTCMonth() === 0)));
    if (step === 30) { const d = new Date(t); t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1); }
    else if (step === 365) { const d = new Date(t); t = Date.UTC(d.getUTCFullYear() + 1, 0, 1); }
    else t += step * DAY;
  }
  for (const p of placed) {
    const y = M.t + p.lane * LH + LH / 2;
    const c = colour(p.e.event_type);
    const hollow = p.e.modality !== 'asserted';
    const g = s('g', { class: 'tl-mark', 'data-event': p.e.id, 'data-date': p.e.date.text, 'data-type': p.e.event_type, tabindex: 0, role: 'button' });
    g.appendChild(s('title', {}, p.e.date.text + ' — ' + p.e.event_type + (hollow ? ' (' + p.e.modality + ')' : '') + ': ' + who(p.e) + '\n' + (p.e.summary || '')));
    if (p.kind === 'point') {
      g.appendChild(s('circle', { cx: (p.x1 + p.x2) / 2, cy: y, r: 7, fill: hollow ? '#fff' : c, stroke: c, 'stroke-width': 2.5 }));
    } else if (p.kind === 'after' || p.kind === 'before') {
      const at = p.kind === 'after' ? p.x1 : p.x2;
      const tip = p.kind === 'after' ? p.x2 : p.x1;
      const dir = p.kind === 'after' ? 1 : -1;
      g.appendChild(s('rect', { x: Math.min(at, tip) - 4, y: y - 8, width: Math.abs(tip - at) + 10, height: 16, fill: 'transparent' }));
      g.appendChild(s('line', { x1: at, x2: tip, y1: y, y2: y, stroke: c, 'stroke-width': 2, 'stroke-dasharray': '3 3' }));
      g.appendChild(s('path', { d: 'M' + tip + ' ' + (y - 4) + ' L' + (tip + 6 * dir) + ' ' + y + ' L' + tip + ' ' + (y + 4) + ' Z', fill: c }));
      g.appendChild(s('rect', { x: at - 2, y: y - 7, width: 4, height: 14, fill: hollow ? '#fff' : c, stroke: c }));
    } else {
      g.appendChild(s('rect', { x: p.x1, y: y - 6, width: Math.max(4, p.x2 - p.x1), height: 12, rx: 6, fill: c, 'fill-opacity': hollow ? 0.12 : 0.35, stroke: c, 'stroke-width': 1.5, 'stroke-dasharray': p.open ? '4 3' : null }));
    }
    const labelX = p.kind === 'point' || (p.kind === 'range' && p.x2 - p.x1 < 14) ? (p.x1 + p.x2) / 2 + 10 : p.x2 + 8;
    if (p.e.num_sources > 1) g.appendChild(s('text', { x: labelX, y: y + 4, class: 'nsrc' }, '×' + p.e.num_sources));
    if ((p.e.contradictions || []).length) g.appendChild(s('text', { x: Math.min(p.x1, p.x2) - 14, y: y + 4, class: 'warn' }, '⚠'));
    const pick = () => {
      for (const m of document.querySelectorAll('.tl-mark.selected')) m.classList.remove('selected');
      g.classList.add('selected');
      onSelect(p.e);
    };
    g.addEventListener('click', pick);
    g.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); pick(); } });
    svg.appendChild(g);
  }
  box.appendChild(h('div', { class: 'timeline-scroll' }, svg));
  if (outside) box.appendChild(h('p', { class: 'muted small' }, outside + ' more vaguely dated event(s) fall outside this period: choose “Whole period” or see the table.'));
  return box;
}

function eventTable(events, onSelect) {
  const body = h('tbody');
  for (const e of events) {
    const tr = h('tr', { class: 'clickable', 'data-event': e.id },
      h('td', { class: 'nowrap' }, e.date.text),
      h('td', {}, typeChip(e.event_type), e.modality !== 'asserted' ? h('span', { class: 'chip modality' }, e.modality) : null),
      h('td', {}, who(e)),
      h('td', { class: 'summary' }, e.summary),
      h('td', { class: 'num' }, String(e.num_sources), (e.contradictions || []).length ? h('span', { class: 'warn', title: 'sources disagree' }, ' ⚠') : null));
    tr.addEventListener('click', () => onSelect(e));
    body.appendChild(tr);
  }
  return h('table', { class: 'events' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Date'), h('th', {}, 'Type'), h('th', {}, 'Who'), h('th', {}, 'Evidence'), h('th', {}, 'Sources'))),
    body);
}

/** Timeline + detail panel + table, wired together. */
function eventsPanel(events) {
  const detail = h('div', { class: 'detail-slot' }, h('p', { class: 'muted hint' }, 'Click an event to read its evidence.'));
  const select = (e) => {
    clear(detail).appendChild(eventDetail(e));
    detail.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  };
  return h('div', {}, timeline(events, select), detail, h('details', { class: 'event-list' },
    h('summary', {}, 'All ' + events.length + ' events as a table'), eventTable(events, select)));
}

// ------------------------------------------------------------------ positions

function positionsMatrix(list) {
  if (!list.length) return h('p', { class: 'muted' }, 'No demands, offers or red lines were reported.');
  const kinds = ['demand', 'offer', 'red line'];
  const actors = Array.from(new Set(list.map((p) => p.actor)));
  const detail = h('div', { class: 'detail-slot' });
  const table = h('table', { class: 'matrix' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Actor'), kinds.map((k) => h('th', {}, k[0].toUpperCase() + k.slice(1) + 's')))));
  const body = h('tbody');
  for (const a of actors) {
    const tr = h('tr', {}, h('th', { class: 'actor' }, a));
    for (const k of kinds) {
      const cell = h('td');
      for (const p of list.filter((x) => x.actor === a && x.kind === k)) {
        const steps = h('div', { class: 'steps' });
        p.history.forEach((st, i) => {
          const b = h('button', { type: 'button', class: 'step', title: st.sentence }, i ? '→ ' : '', statusChip(st.status), ' ', st.date.text);
          b.addEventListener('click', () => {
            clear(detail).appendChild(h('div', { class: 'event-detail' },
              h('div', { class: 'event-head' }, statusChip(st.status), h('span', { class: 'date' }, st.date.text),
                h('span', {}, a + ' · ' + p.kind + (st.by ? ' · by ' + st.by : ''))),
              h('div', { class: 'report' }, h('div', { class: 'report-meta' }, h('strong', {}, st.outlet || 'unknown outlet'), ' · ',
                link(idRoute('doc', st.doc) + '/' + st.sentence_start + '-' + st.sentence_end, 'open in article →')),
              h('blockquote', { class: 'evidence-sentence' }, st.sentence))));
          });
          steps.appendChild(b);
        });
        cell.appendChild(h('div', { class: 'position' },
          h('div', {}, statusChip(p.status), ' ', h('strong', {}, p.summary)),
          p.items.length ? h('div', { class: 'muted small' }, p.items.join(' · ')) : null,
          steps));
      }
      tr.appendChild(cell);
    }
    body.appendChild(tr);
  }
  table.appendChild(body);
  return h('div', {}, h('div', { class: 'table-scroll' }, table),
    h('div', { class: 'legend' }, ['proposed', 'rejected', 'accepted', 'implemented'].map((x) => h('span', { class: 'legend-item' }, statusChip(x))),
      h('span', { class: 'legend-item muted' }, 'Each step is one report; click it for the sentence.')), detail);
}

// ------------------------------------------------------------------ sources

function sourcesMatrix(events, outlets) {
  const cols = Array.from(new Set([...outlets, ...events.flatMap((e) => e.reports.map((r) => r.outlet || 'unknown outlet'))]));
  if (!events.length) return h('p', { class: 'muted' }, 'No events.');
  const detail = h('div', { class: 'detail-slot' });
  const rows = events.slice().sort((a, b) => b.num_sources - a.num_sources || (a.date.earliest || '9').localeCompare(b.date.earliest || '9'));
  const body = h('tbody');
  for (const e of rows.slice(0, 80)) {
    const disputed = (e.contradictions || []).length > 0;
    const tr = h('tr', { class: disputed ? 'disputed' : null },
      h('th', { class: 'claim' }, typeChip(e.event_type), ' ', h('span', { class: 'date' }, e.date.text), ' ', who(e), disputed ? h('span', { class: 'warn' }, ' ⚠ disputed') : null));
    for (const o of cols) {
      const reps = e.reports.filter((r) => (r.outlet || 'unknown outlet') === o);
      const cell = h('td', { class: reps.length ? 'has' : 'none' });
      if (reps.length) {
        const claims = [];
        for (const c of e.contradictions || []) {
          for (const v of c.values) if ((v.outlet || '') === o || reps.some((r) => r.doc === v.doc)) claims.push(c.field.replace(/^quantity:/, '') + ': ' + v.value);
        }
        const b = h('button', { type: 'button', class: 'cell-btn', title: reps[0].sentence }, '✓', claims.length ? h('span', { class: 'claim-val' }, ' ' + Array.from(new Set(claims)).join('; ')) : null);
        b.addEventListener('click', () => {
          clear(detail).appendChild(h('div', { class: 'event-detail' }, h('div', { class: 'event-head' }, h('strong', {}, o), ' reported ', typeChip(e.event_type), h('span', { class: 'date' }, e.date.text)),
            reps.map((r) => h('div', { class: 'report' }, evidenceQuote(r), link(idRoute('doc', r.doc) + '/' + r.sentence_start + '-' + r.sentence_end, 'open in article →')))));
        });
        cell.appendChild(b);
      } else {
        cell.appendChild(h('span', { class: 'muted' }, '·'));
      }
      tr.appendChild(cell);
    }
    body.appendChild(tr);
  }
  return h('div', {}, h('div', { class: 'table-scroll' }, h('table', { class: 'sources' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Claim (merged event)'), cols.map((o) => h('th', { class: 'outlet' }, o)))), body)),
  rows.length > 80 ? h('p', { class: 'muted' }, 'Showing the 80 best-sourced of ' + rows.length + ' events.') : null,
  h('p', { class: 'muted small' }, '✓ the outlet reports the event (click for its sentence) · ⚠ outlets give different values, shown in the cells'), detail);
}

// ------------------------------------------------------------------ pages

async function pageHome() {
  const [stats, stories, ents] = await Promise.all([api('/api/stats'), api('/api/stories?limit=200'), api('/api/entities?limit=12')]);
  clear(app);
  app.appendChild(h('div', { class: 'hero' },
    h('h1', {}, 'Stories'),
    h('p', { class: 'muted' }, stats.documents + ' articles · ' + stats.events + ' events · ' + stats.entities + ' entities · ' + Object.keys(stats.outlets).length + ' outlets')));
  const grid = h('div', { class: 'layout' });
  const list = h('div', { class: 'story-list' });
  if (!stories.items.length) list.appendChild(h('p', { class: 'muted' }, 'No stories yet. Ingest articles with `chronicle ingest`.'));
  for (const st of stories.items) {
    list.appendChild(h('a', { class: 'story-card', href: '#/' + idRoute('story', st.id) },
      h('h3', {}, st.title),
      h('div', { class: 'muted' }, (st.from ? fmtDay(parseDay(st.from), true) : '?') + (st.to && st.to !== st.from ? ' – ' + fmtDay(parseDay(st.to), true) : '')),
      h('div', { class: 'facts' }, h('span', {}, st.documents.length + ' articles'), h('span', {}, st.n_events + ' events'), h('span', {}, st.outlets.join(', ')))));
  }
  const side = h('aside', { class: 'card side' }, h('h2', {}, 'Most mentioned'),
    h('ul', { class: 'plain' }, ents.items.map((e) => h('li', {}, link(idRoute('entity', e.id), e.name), h('span', { class: 'muted' }, ' ' + e.entity_type + ' · ' + e.mentions)))));
  add(grid, [list, side]);
  app.appendChild(grid);
}

/**
 * The summary timeline: the story's most important dates down a time axis
 * (gaps drawn in proportion to the days between them, capped), each labelled
 * with its date, how many documents name it, and its cited sentence.
 */
function summaryTimeline(dates) {
  if (!dates.length) return h('p', { class: 'muted' }, 'No date is named often enough for a summary.');
  const days = dates.map((d) => parseDay(d.date));
  const span = Math.max(1, (days[days.length - 1] - days[0]) / DAY);
  const list = h('ol', { class: 'summary-axis' });
  dates.forEach((d, i) => {
    const gap = i === 0 ? 0 : Math.min(48, Math.round(((days[i] - days[i - 1]) / DAY / span) * 240));
    const item = h('li', { class: 'summary-item', 'data-date': d.date },
      h('div', { class: 'summary-date' }, fmtDay(days[i], true)),
      h('div', { class: 'muted small' }, d.mentions === 0 ? 'reported that day' : 'named in ' + d.mentions + ' document' + (d.mentions === 1 ? '' : 's')));
    item.style.marginTop = gap + 'px'; // CSSOM, which the page's CSP allows (a style attribute it would not)
    for (const sn of d.sentences) {
      item.appendChild(h('p', { class: 'summary-text' }, sn.text + ' ',
        h('a', { class: 'cite', href: '#/' + idRoute('doc', sn.doc) + '/' + sn.start + '-' + sn.end, title: (sn.outlet || sn.doc) }, '¶ ' + (sn.outlet || 'source'))));
    }
    list.appendChild(item);
  });
  return list;
}

async function pageStory(id) {
  const [story, tl, pos, sum] = await Promise.all([
    api('/api/stories/' + encodeURIComponent(id)),
    api('/api/stories/' + encodeURIComponent(id) + '/timeline?limit=500'),
    api('/api/stories/' + encodeURIComponent(id) + '/positions?limit=500'),
    api('/api/stories/' + encodeURIComponent(id) + '/summary'),
  ]);
  clear(app);
  app.appendChild(h('div', { class: 'hero' }, h('div', { class: 'crumbs' }, link('', 'Stories'), ' / story'),
    h('h1', {}, story.title),
    h('p', { class: 'muted' }, (story.from || '?') + ' – ' + (story.to || '?') + ' · ' + story.documents.length + ' articles from ' + story.outlets.length + ' outlets · ' + story.n_events + ' events')));
  app.appendChild(section('Key dates', h('p', { class: 'muted small' }, 'The days the most documents name, each with its most central sentence.'), summaryTimeline(sum.dates || [])));
  const full = h('div', { class: 'full-timeline' });
  const open = h('button', { class: 'full-timeline-toggle', type: 'button' }, 'Show all ' + tl.items.length + ' events on the full timeline');
  open.addEventListener('click', () => {
    open.remove();
    full.appendChild(eventsPanel(tl.items));
  });
  app.appendChild(section('Timeline', h('p', { class: 'muted small' }, 'Events by the date they happened (not when they were published).'), open, full));
  app.appendChild(section('Positions', positionsMatrix(pos.items)));
  app.appendChild(section('Sources side by side', sourcesMatrix(tl.items, story.outlets)));
  const brief = h('div', {}, h('p', { class: 'muted' }, 'Loading brief…'));
  app.appendChild(section('Brief', brief));
  app.appendChild(section('Articles', h('ul', { class: 'doc-list' }, story.document_list.map((d) => h('li', {},
    link(idRoute('doc', d.id), d.title || d.id), h('span', { class: 'muted' }, ' — ' + (d.outlet || 'unknown outlet') + ' · ' + d.published.text + ' · ' + d.n_events + ' events'))))));
  api('/api/stories/' + encodeURIComponent(id) + '/brief').then((b) => {
    clear(brief).appendChild(markdown(String(b.markdown || '')));
  }).catch((e) => { clear(brief).appendChild(h('p', { class: 'muted' }, e.message)); });
}

/** Text with `[d:… §N]` citations turned into links to the cited sentence. */
function cited(text) {
  const out = [];
  const re = /\[(d:[0-9a-f]+) §(\d+)\]/g;
  let at = 0, m;
  while ((m = re.exec(text)) !== null) {
    out.push(text.slice(at, m.index));
    const a = h('a', { class: 'cite', href: '#/' + idRoute('doc', m[1]) + '/' + m[2] + '-' + m[2], title: m[1] + ', sentence at ' + m[2] }, '¶');
    out.push(a);
    at = m.index + m[0].length;
  }
  out.push(text.slice(at));
  return out;
}

/** `**bold**` runs as <strong>, citations as links. */
function inline(text) {
  // briefs backslash-escape <, > and & (see link::brief::escape_html); here they are text nodes
  const parts = String(text).replace(/\\([<>&])/g, '$1').split(/\*\*(.+?)\*\*/);
  return parts.map((p, i) => (i % 2 ? h('strong', {}, cited(p)) : cited(p)));
}

/** The small Markdown subset briefs use (headings, bullets, paragraphs), built as DOM. */
function markdown(md) {
  const box = h('div', { class: 'brief' });
  let list = null;
  for (const line of md.split('\n')) {
    const t = line.trimEnd();
    if (!t.trim()) { list = null; continue; }
    const bullet = /^\s*[-*] (.*)$/.exec(t);
    if (bullet) {
      if (!list) { list = h('ul'); box.appendChild(list); }
      list.appendChild(h('li', {}, inline(bullet[1])));
      continue;
    }
    list = null;
    const head = /^(#{1,4}) (.*)$/.exec(t);
    if (head) box.appendChild(h('h' + Math.min(5, head[1].length + 2), {}, inline(head[2])));
    else box.appendChild(h('p', {}, inline(t)));
  }
  return box;
}

const LAYERS = [
  ['person', 'Person'], ['organization', 'Organisation'], ['location', 'Place'], ['group', 'Group'],
  ['time', 'Time'], ['qty', 'Quantity'], ['quote', 'Quote'], ['trig', 'Event trigger'],
];

async function pageDoc(id, focus) {
  const d = await api('/api/documents/' + encodeURIComponent(id));
  clear(app);
  const chars = Array.from(d.body);
  const n = chars.length;
  // spans: [start, end, class, tooltip, extra]
  const spans = [];
  for (const m of d.mentions) spans.push([m.start, m.end, 'a-' + m.entity_type, m.canonical + ' (' + m.entity_type + ')', { entity: m.entity }]);
  for (const t of d.times) spans.push([t.start, t.end, 'a-time', 'time: ' + (t.value || t.resolved.text)]);
  for (const q of d.quantities) spans.push([q.start, q.end, 'a-qty', 'quantity: ' + q.value + (q.unit ? ' ' + q.unit : '') + (q.counts ? ' ' + q.counts : '')]);
  for (const q of d.quotes) spans.push([q.start, q.end, 'a-quote', (q.direct ? 'quote' : 'reported speech') + (q.speaker ? ' — ' + q.speaker : q.speaker_text ? ' — ' + q.speaker_text : '')]);
  d.events.forEach((e, i) => spans.push([e.trigger_start, e.trigger_end, 'a-trig', e.event_type + ' (' + e.modality + '): ' + who(e), { event: i }]));
  const cuts = new Set([0, n]);
  for (const sp of spans) { cuts.add(Math.max(0, Math.min(n, sp[0]))); cuts.add(Math.max(0, Math.min(n, sp[1]))); }
  for (const [a, b] of d.sentences) { cuts.add(a); cuts.add(b); }
  const points = Array.from(cuts).filter((c) => c >= 0 && c <= n).sort((a, b) => a - b);
  const text = h('div', { class: 'doc-body', id: 'doc-body' });
  const sentenceAt = new Map(d.sentences.map(([a, b]) => [a, b]));
  let current = text, sentEnd = -1;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    if (a >= sentEnd && current !== text) current = text;
    if (sentenceAt.has(a)) {
      sentEnd = sentenceAt.get(a);
      current = h('span', { class: 'sent', id: 'sent-' + a, 'data-start': a, 'data-end': sentEnd });
      text.appendChild(current);
    }
    const piece = cpSlice(chars, a, b);
    const active = spans.filter((sp) => sp[0] <= a && b <= sp[1] && sp[0] < sp[1]);
    if (!active.length) { current.appendChild(document.createTextNode(piece)); continue; }
    const el = h('span', { class: active.map((x) => x[2]).join(' '), title: active.map((x) => x[3]).join('\n') }, piece);
    const ent = active.find((x) => x[4] && x[4].entity);
    const ev = active.find((x) => x[4] && x[4].event !== undefined);
    if (ev) el.addEventListener('click', () => showDocEvent(ev[4].event));
    else if (ent) el.addEventListener('click', () => { location.hash = '#/' + idRoute('entity', ent[4].entity); });
    current.appendChild(el);
    if (b >= sentEnd) current = text;
  }
  const toggles = h('div', { class: 'legend layer-toggles' }, LAYERS.map(([k, label]) => {
    const cb = h('input', { type: 'checkbox', checked: 'checked' });
    cb.addEventListener('change', () => text.classList.toggle('hide-' + k, !cb.checked));
    return h('label', { class: 'legend-item' }, cb, ' ', h('span', { class: 'a-' + k + ' sample' }, label));
  }));
  const evList = h('ol', { class: 'doc-events' });
  const evDetail = h('div', { class: 'detail-slot' });
  function flash(start) {
    for (const x of text.querySelectorAll('.sent.flash')) x.classList.remove('flash');
    // the sentence starting at `start`, else the one containing it
    const hit = d.sentences.find(([a, b]) => a === start) || d.sentences.find(([a, b]) => a <= start && start < b);
    const el = hit ? document.getElementById('sent-' + hit[0]) : null;
    if (el) { el.classList.add('flash'); el.scrollIntoView({ block: 'center', behavior: 'smooth' }); }
  }
  function showDocEvent(i) {
    const e = d.events[i];
    if (!e) return;
    flash(e.sentence_start);
    clear(evDetail).appendChild(h('div', { class: 'event-detail', id: 'evidence' },
      h('div', { class: 'event-head' }, typeChip(e.event_type), h('span', { class: 'chip modality' }, e.modality), h('span', { class: 'date' }, e.date.text)),
      h('p', {}, who(e)),
      e.items.length ? h('p', { class: 'muted' }, 'Items: ' + e.items.join(', ')) : null,
      e.attributed_to ? h('p', { class: 'muted' }, 'Claimed by ' + e.attributed_to) : null,
      evidenceQuote(e),
      e.merged ? h('p', { class: 'small' }, link('events?id=' + encodeURIComponent(e.merged), 'other reports of this event →')) : null,
      h('p', { class: 'muted small' }, 'rule: ' + e.rule)));
  }
  d.events.forEach((e, i) => {
    const b = h('button', { type: 'button', class: 'doc-event' }, typeChip(e.event_type), ' ', h('span', { class: 'date' }, e.date.text), ' ', who(e));
    b.addEventListener('click', () => showDocEvent(i));
    evList.appendChild(h('li', {}, b));
  });
  const url = d.url ? safeUrl(d.url) : null;
  app.appendChild(h('div', { class: 'hero' },
    h('div', { class: 'crumbs' }, link('', 'Stories'), d.story ? [' / ', link(idRoute('story', d.story), 'story')] : null, ' / article'),
    h('h1', {}, d.title || d.id),
    h('p', { class: 'muted' }, (d.outlet || 'unknown outlet') + ' · published ' + d.published.text + ' (' + d.date_basis + ')' + (d.language ? ' · ' + d.language : ''),
      url ? [' · ', h('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'original')] : null)));
  app.appendChild(h('div', { class: 'layout doc' },
    h('article', { class: 'card' }, toggles, text),
    h('aside', { class: 'card side sticky' }, h('h2', {}, 'Events (' + d.events.length + ')'), h('p', { class: 'muted small' }, 'Click one to see its evidence sentence.'), evDetail, evList)));
  if (focus) {
    const [a] = focus.split('-').map(Number);
    const i = d.events.findIndex((e) => e.sentence_start === a);
    if (i >= 0) showDocEvent(i); else flash(a);
  }
}

async function pageEntity(id) {
  const e = await api('/api/entities/' + encodeURIComponent(id) + '?limit=500');
  clear(app);
  app.appendChild(h('div', { class: 'hero' }, h('div', { class: 'crumbs' }, link('entities', 'Entities'), ' / ' + e.entity_type),
    h('h1', {}, e.name),
    h('p', { class: 'muted' }, [e.entity_type, e.country, e.sector, e.kb_id ? 'KB ' + e.kb_id : null].filter(Boolean).join(' · ') + ' · ' + e.mentions + ' mentions in ' + e.documents.length + ' articles')));
  app.appendChild(section('Also called', h('div', { class: 'chips' }, e.aliases.map((a) => h('span', { class: 'chip alias' }, a)))));
  const roles = h('table', { class: 'events' }, h('thead', {}, h('tr', {}, h('th', {}, 'As of'), h('th', {}, 'Role'), h('th', {}, 'Evidence'))),
    h('tbody', {}, e.roles.map((r) => h('tr', {}, h('td', { class: 'nowrap' }, r.as_of.text), h('td', {}, r.title + (r.of ? ' (' + r.of + ')' : '')),
      h('td', {}, r.evidence.map((ev) => h('div', {}, link(idRoute('doc', ev.doc) + '/' + ev.start + '-' + ev.end, '“' + ev.text + '”'))))))));
  app.appendChild(section('Roles over time', e.roles.length ? roles : h('p', { class: 'muted' }, 'No roles stated.')));
  const evs = e.events.items;
  const asActor = evs.filter((x) => x.role === 'actor').length;
  app.appendChild(section('What it does and what is done to it', roleBars(evs)));
  app.appendChild(section('Events (' + e.events.total + ')', h('p', { class: 'muted small' }, asActor + ' as actor, ' + (evs.length - asActor) + ' as recipient'), eventsPanel(evs)));
  app.appendChild(section('Articles mentioning it', h('ul', { class: 'doc-list' }, (e.document_list || []).map((d) => h('li', {},
    link(idRoute('doc', d.id), d.title || d.id), h('span', { class: 'muted' }, ' — ' + (d.outlet || 'unknown outlet') + ' · ' + d.published.text))))));
}

/** Horizontal bars: events by PLOVER type, as actor (solid) and as recipient (light). */
function roleBars(evs) {
  if (!evs.length) return h('p', { class: 'muted' }, 'No events.');
  const counts = {};
  for (const e of evs) {
    const c = counts[e.event_type] || (counts[e.event_type] = { actor: 0, recipient: 0 });
    c[e.role === 'actor' ? 'actor' : 'recipient']++;
  }
  const rows = Object.entries(counts).sort((a, b) => (b[1].actor + b[1].recipient) - (a[1].actor + a[1].recipient));
  const max = Math.max(...rows.map(([, c]) => c.actor + c.recipient));
  const W = 520, L = 110, RH = 22;
  const svg = s('svg', { class: 'bars', width: L + W + 70, height: rows.length * RH + 8, role: 'img', 'aria-label': 'Events by type' });
  rows.forEach(([t, c], i) => {
    const y = i * RH + 4;
    const wa = (c.actor / max) * W, wr = (c.recipient / max) * W;
    svg.appendChild(s('text', { x: L - 8, y: y + 14, 'text-anchor': 'end', class: 'bar-label' }, t));
    svg.appendChild(s('rect', { x: L, y, width: Math.max(0, wa), height: RH - 6, fill: colour(t) }, s('title', {}, c.actor + ' as actor')));
    svg.appendChild(s('rect', { x: L + wa, y, width: Math.max(0, wr), height: RH - 6, fill: colour(t), 'fill-opacity': 0.35 }, s('title', {}, c.recipient + ' as recipient')));
    svg.appendChild(s('text', { x: L + wa + wr + 6, y: y + 14, class: 'bar-num' }, c.actor + ' / ' + c.recipient));
  });
  return h('div', {}, svg, h('p', { class: 'muted small' }, 'Solid: as actor · light: as recipient (actor / recipient counts).'));
}

async function pageEntities(params) {
  const q = params.get('q') || '', type = params.get('type') || '', offset = +(params.get('offset') || 0);
  const res = await api('/api/entities' + qs({ q, type, offset, limit: 50 }));
  clear(app);
  const input = h('input', { type: 'search', value: q, placeholder: 'Filter by name', maxlength: 200 });
  const sel = h('select', {}, ['', 'person', 'organization', 'location', 'group'].map((t) => h('option', { value: t, selected: t === type ? 'selected' : null }, t || 'any type')));
  const form = h('form', { class: 'filters' }, input, sel, h('button', { type: 'submit' }, 'Filter'));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); location.hash = '#/entities' + qs({ q: input.value, type: sel.value }); });
  app.appendChild(h('div', { class: 'hero' }, h('h1', {}, 'Entities'), form));
  app.appendChild(h('div', { class: 'card' }, h('table', { class: 'events' },
    h('thead', {}, h('tr', {}, ['Name', 'Type', 'Country', 'Mentions', 'Articles', 'Events'].map((x) => h('th', {}, x)))),
    h('tbody', {}, res.items.map((e) => h('tr', {}, h('td', {}, link(idRoute('entity', e.id), e.name)), h('td', {}, e.entity_type), h('td', {}, e.country || ''),
      h('td', { class: 'num' }, String(e.mentions)), h('td', { class: 'num' }, String(e.documents)), h('td', { class: 'num' }, String(e.n_events)))))),
  pager(res, (o) => { location.hash = '#/entities' + qs({ q, type, offset: o }); })));
}

const TYPES = Object.keys(TYPE_COLOURS);
const MODALITIES = ['asserted', 'demanded', 'proposed', 'planned', 'hypothetical', 'negated'];

async function pageEvents(params) {
  const keys = ['actor', 'recipient', 'type', 'modality', 'since', 'until', 'text', 'story'];
  const f = {};
  for (const k of keys) f[k] = params.get(k) || '';
  const offset = +(params.get('offset') || 0);
  const only = params.get('id');
  const res = only ? { items: [await api('/api/events/' + encodeURIComponent(only))], total: 1, offset: 0, limit: 1 }
    : await api('/api/events' + qs({ ...f, offset, limit: 200 }));
  clear(app);
  const inputs = {};
  const field = (k, attrs) => (inputs[k] = h('input', { ...attrs, value: f[k], placeholder: k, 'aria-label': k }));
  const form = h('form', { class: 'filters' },
    field('actor', { type: 'text', maxlength: 200 }), field('recipient', { type: 'text', maxlength: 200 }),
    (inputs.type = h('select', { 'aria-label': 'type' }, ['', ...TYPES].map((t) => h('option', { value: t, selected: t === f.type ? 'selected' : null }, t || 'any type')))),
    (inputs.modality = h('select', { 'aria-label': 'modality' }, ['', ...MODALITIES].map((t) => h('option', { value: t, selected: t === f.modality ? 'selected' : null }, t || 'any modality')))),
    field('since', { type: 'date' }), field('until', { type: 'date' }), field('text', { type: 'text', maxlength: 200 }),
    h('button', { type: 'submit' }, 'Filter'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const p = {};
    for (const k of Object.keys(inputs)) p[k] = inputs[k].value;
    p.story = f.story;
    location.hash = '#/events' + qs(p);
  });
  app.appendChild(h('div', { class: 'hero' }, h('h1', {}, 'Events'), form));
  app.appendChild(h('div', { class: 'card' }, eventsPanel(res.items),
    only ? null : pager(res, (o) => { location.hash = '#/events' + qs({ ...f, offset: o }); })));
}

async function pageSearch(params) {
  const q = params.get('q') || '', outlet = params.get('outlet') || '', since = params.get('since') || '', until = params.get('until') || '';
  const offset = +(params.get('offset') || 0);
  document.getElementById('search-input').value = q;
  clear(app);
  app.appendChild(h('div', { class: 'hero' }, h('h1', {}, 'Search')));
  if (!q.trim()) { app.appendChild(h('p', { class: 'muted' }, 'Type words in the search box.')); return; }
  const res = await api('/api/search' + qs({ q, outlet, since, until, offset, limit: 20 }));
  const list = h('ol', { class: 'hits', start: offset + 1 });
  for (const hit of res.items) {
    const chars = Array.from(hit.snippet);
    const snip = h('p', { class: 'snippet' });
    let at = 0;
    for (const [a, b] of hit.highlights) {
      if (a < at) continue;
      snip.appendChild(document.createTextNode(cpSlice(chars, at, a)));
      snip.appendChild(h('mark', {}, cpSlice(chars, a, b)));
      at = b;
    }
    snip.appendChild(document.createTextNode(cpSlice(chars, at)));
    list.appendChild(h('li', { class: 'hit' }, link(idRoute('doc', hit.doc), hit.title || hit.doc),
      h('div', { class: 'muted small' }, (hit.outlet || 'unknown outlet') + ' · ' + (hit.published || 'date unknown') + (hit.story ? ' · ' : ''), hit.story ? link(idRoute('story', hit.story), 'story') : null),
      snip));
  }
  app.appendChild(h('div', { class: 'card' }, h('p', { class: 'muted' }, res.total + ' matching articles'), list,
    pager(res, (o) => { location.hash = '#/search' + qs({ q, outlet, since, until, offset: o }); })));
}

// ------------------------------------------------------------------ router

async function route() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, query] = raw.split('?');
  const params = new URLSearchParams(query || '');
  const parts = path.split('/').map((p) => { try { return decodeURIComponent(p); } catch (_) { return p; } });
  for (const a of document.querySelectorAll('.nav a')) a.classList.toggle('active', a.getAttribute('href') === '#/' + parts[0]);
  loading();
  try {
    switch (parts[0]) {
      case '': await pageHome(); break;
      case 'story': await pageStory(parts[1]); break;
      case 'doc': await pageDoc(parts[1], parts[2]); break;
      case 'entity': await pageEntity(parts[1]); break;
      case 'entities': await pageEntities(params); break;
      case 'events': await pageEvents(params); break;
      case 'search': await pageSearch(params); break;
      default: throw new Error('No such page.');
    }
    if (parts[0] !== 'doc') window.scrollTo(0, 0);
  } catch (e) {
    showError(e);
  }
}

document.getElementById('search-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const q = document.getElementById('search-input').value.trim();
  if (q) location.hash = '#/search' + qs({ q });
});
window.addEventListener('hashchange', route);
route();
