// Small bar charts in plain SVG: a figure a person reads at a glance, with the figures written
// beside the bars and a title and description for screen readers.

import { s, h, uniqueId } from './dom.js';

const WIDTH = 640;
const ROW = 26;
const LABEL = 170;
const VALUE = 90;

/**
 * Horizontal bars, one per item: { label, value, text }. `value` sets the length, `text` is
 * written after the bar.
 */
export function barChart({ title, description, items, className }) {
  const id = uniqueId('chart');
  const max = Math.max(1, ...items.map((item) => item.value));
  const height = Math.max(1, items.length) * ROW + 8;
  const span = WIDTH - LABEL - VALUE;
  const rows = items.map((item, index) => {
    const y = 4 + index * ROW;
    const length = item.value > 0 ? Math.max(2, Math.round((item.value / max) * span)) : 0;
    return s('g', { class: 'bar' },
      s('title', {}, `${item.label}: ${item.text}`),
      s('text', { x: LABEL - 8, y: y + ROW / 2, class: 'bar-label', 'text-anchor': 'end', 'dominant-baseline': 'middle' },
        shorten(item.label, 24)),
      s('rect', { x: LABEL, y: y + 4, width: length, height: ROW - 8, rx: 3, class: 'bar-fill' }),
      s('text', { x: LABEL + length + 6, y: y + ROW / 2, class: 'bar-value', 'dominant-baseline': 'middle' },
        item.text));
  });
  const svg = s('svg', {
    viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`,
    class: 'chart', preserveAspectRatio: 'xMinYMin meet',
  },
  s('title', { id: `${id}-title` }, title),
  s('desc', { id: `${id}-desc` }, description ?? items.map((item) => `${item.label}: ${item.text}`).join('; ')),
  rows);
  return h('figure', { class: `chart-figure ${className ?? ''}` }, svg, h('figcaption', {}, title));
}

function shorten(text, length) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
