// The build caches' hit and miss counts, from the gofer_cache_requests_total{protocol,outcome}
// counter on /actuator/prometheus. Nothing is shown where the metric is absent (no cache
// protocol, or the metrics endpoint not reachable from the browser).

import { metrics } from '../api.js';
import { h } from '../dom.js';
import { barChart } from '../chart.js';
import { table, usage } from '../ui.js';

const METRIC = 'gofer_cache_requests_total';
const LABEL = /(\w+)="((?:[^"\\]|\\.)*)"/g;

/** protocol → { hit, miss, stored, rejected }, from Prometheus' text format. */
export function parseCacheRequests(text) {
  const stats = new Map();
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${METRIC}{`)) {
      continue;
    }
    const close = line.lastIndexOf('}');
    const labels = Object.fromEntries([...line.slice(METRIC.length + 1, close).matchAll(LABEL)].map((m) => [m[1], m[2]]));
    const value = Number(line.slice(close + 1).trim().split(/\s+/)[0]);
    if (!labels.protocol || !labels.outcome || !Number.isFinite(value)) {
      continue;
    }
    const entry = stats.get(labels.protocol) ?? { hit: 0, miss: 0, stored: 0, rejected: 0 };
    entry[labels.outcome] = (entry[labels.outcome] ?? 0) + value;
    stats.set(labels.protocol, entry);
  }
  return stats;
}

export async function cacheSection() {
  let stats;
  try {
    stats = parseCacheRequests(await metrics());
  } catch {
    return null;
  }
  if (!stats.size) {
    return null;
  }
  const protocols = [...stats.keys()].sort();
  const rate = (entry) => (entry.hit + entry.miss > 0 ? entry.hit / (entry.hit + entry.miss) : null);
  const percent = (value) => (value === null ? 'no reads' : `${Math.round(value * 100)} %`);
  return h('section', { class: 'cache', 'aria-labelledby': 'cache-heading' },
    h('h3', { id: 'cache-heading' }, 'Build caches'),
    h('p', { class: 'hint' }, 'Requests of the cache protocols since this server started (all namespaces).'),
    table({
      caption: 'Cache requests by protocol',
      columns: [{ title: 'Protocol' }, { title: 'Hits', numeric: true }, { title: 'Misses', numeric: true },
        { title: 'Hit rate' }, { title: 'Stored', numeric: true }, { title: 'Rejected', numeric: true }],
      rows: protocols.map((protocol) => {
        const entry = stats.get(protocol);
        const value = rate(entry);
        return [protocol, String(entry.hit), String(entry.miss),
          value === null ? 'no reads' : usage(Math.round(value * 100), 100, percent(value), `Hit rate of ${protocol}`, { higherIsBetter: true }),
          String(entry.stored), String(entry.rejected)];
      }),
    }),
    barChart({
      title: 'Hit rate by protocol',
      items: protocols.map((protocol) => ({
        label: protocol, value: rate(stats.get(protocol)) ?? 0, text: percent(rate(stats.get(protocol))),
      })),
    }));
}
