// One namespace: its pipelines, filtered and sorted, with their usage against their limits.

import { call, path, query } from '../api.js';
import { barChart } from '../chart.js';
import { h, field } from '../dom.js';
import * as format from '../format.js';
import { breadcrumbs, form, heading, table, usage } from '../ui.js';

const DEFAULT_LIMIT = 100;

export async function namespaceView({ grant, params: [namespace], query: search, navigate }) {
  const prefix = search.get('prefix') ?? '';
  const sort = search.get('sort') === 'bytes' ? 'bytes' : 'id';
  const limit = Math.max(1, Number.parseInt(search.get('limit'), 10) || DEFAULT_LIMIT);
  const here = `#/namespaces/${path(namespace)}`;
  const root = h('section', { class: 'namespace' },
    breadcrumbs(['Namespaces', '#/'], [namespace, here]),
    heading(`Namespace ${namespace}`));
  if (!grant.canListNamespace(namespace)) {
    root.append(h('p', { class: 'notice' }, 'This token does not reach this namespace.'));
    return root;
  }
  const base = `api/namespaces/${path(namespace)}/pipelines`;
  const [{ pipelines }, largest] = await Promise.all([
    call('GET', base + query({ prefix, sort, limit })),
    sort === 'bytes' ? null : call('GET', base + query({ prefix, sort: 'bytes', limit: 10 })),
  ]);
  const top = (largest?.pipelines ?? pipelines).slice(0, 10).filter((p) => p.bytes > 0);

  const prefixInput = h('input', { type: 'search', value: prefix, spellcheck: 'false' });
  const sortSelect = h('select', {},
    h('option', { value: 'id', selected: sort === 'id' }, 'by id'),
    h('option', { value: 'bytes', selected: sort === 'bytes' }, 'largest first'));
  const limitInput = h('input', { type: 'number', min: 1, value: limit, class: 'narrow' });
  root.append(form({ class: 'filters', 'aria-label': 'Filter pipelines' }, () => {
    navigate(here + query({ prefix: prefixInput.value.trim(), sort: sortSelect.value, limit: limitInput.value }));
  },
  field('Pipeline id starts with', prefixInput),
  field('Sort', sortSelect),
  field('At most', limitInput),
  h('button', { type: 'submit' }, 'Show')));

  const eviction = pipelines.some((p) => p.eviction !== undefined);
  const columns = [{ title: 'Pipeline' }, { title: 'Objects' }, { title: 'Size' }];
  if (eviction) {
    columns.push({ title: 'Eviction' });
  }
  columns.push({ title: 'Run expiry', numeric: true }, { title: 'Latest run', numeric: true });
  root.append(table({
    caption: `Pipelines of ${namespace}${prefix ? ` whose id starts with ${prefix}` : ''}, ${sort === 'bytes' ? 'largest first' : 'by id'}`,
    columns,
    rows: pipelines.map((p) => {
      const cells = [
        h('a', { href: `${here}/pipelines/${path(p.pipeline_id)}` }, p.pipeline_id),
        usage(p.object_count, p.object_limit, `${p.object_count} / ${p.object_limit}`, `Objects of ${p.pipeline_id}`),
        usage(p.bytes, p.byte_limit, p.byte_limit === null ? format.size(p.bytes) : `${format.size(p.bytes)} / ${format.size(p.byte_limit)}`,
          `Bytes of ${p.pipeline_id}`),
      ];
      if (eviction) {
        cells.push(p.eviction ?? '');
      }
      cells.push(`${p.run_object_expiry} runs`, p.latest_run_id === null ? '–' : String(p.latest_run_id));
      return cells;
    }),
    empty: prefix ? `No pipeline id starts with ${prefix}.` : 'No pipelines that this token reaches.',
  }));
  if (pipelines.length === limit) {
    root.append(h('p', {}, h('a', { href: here + query({ prefix, sort, limit: limit * 2 }), class: 'more' }, 'Show more pipelines')));
  }
  if (top.length) {
    root.append(barChart({
      title: `Largest pipelines of ${namespace}`,
      items: top.map((p) => ({ label: p.pipeline_id, value: p.bytes, text: format.size(p.bytes) })),
    }));
  }
  return root;
}
