// The home page: every namespace the token reaches, with what it holds.

import { call, path } from '../api.js';
import { barChart } from '../chart.js';
import { h } from '../dom.js';
import * as format from '../format.js';
import { heading, table } from '../ui.js';
import { cacheSection } from './cache.js';

export async function namespacesView({ grant }) {
  const root = h('section', { class: 'namespaces' }, heading('Namespaces'));
  if (!grant.canList()) {
    root.append(h('p', { class: 'notice' }, 'This token has no read action, so it cannot list what is stored.'));
    return root;
  }
  const [{ namespaces }, cache] = await Promise.all([call('GET', 'api/namespaces'), cacheSection()]);
  root.append(
    h('p', { class: 'hint' }, grant.admin ? 'Every namespace that has a pipeline.'
      : 'The namespaces this token reaches, counting only the pipelines it reaches.'),
    table({
      caption: 'Namespaces and their pipeline objects',
      columns: [{ title: 'Namespace' }, { title: 'Pipelines', numeric: true }, { title: 'Objects', numeric: true },
        { title: 'Size', numeric: true }],
      rows: namespaces.map((ns) => [
        h('a', { href: `#/namespaces/${path(ns.namespace_id)}` }, ns.namespace_id),
        String(ns.pipeline_count), String(ns.object_count), format.size(ns.bytes)]),
      empty: 'Nothing is stored yet. Try: gofer pipeline object put my-pipeline my_key=my_value',
    }));
  if (namespaces.length > 1) {
    const largest = [...namespaces].sort((a, b) => b.bytes - a.bytes).slice(0, 10);
    root.append(barChart({
      title: 'Bytes per namespace',
      items: largest.map((ns) => ({ label: ns.namespace_id, value: ns.bytes, text: format.size(ns.bytes) })),
    }));
  }
  if (cache) {
    root.append(cache);
  }
  return root;
}
