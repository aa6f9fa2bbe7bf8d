// One pipeline: its usage and limits (edited with PATCH where the token may write), its objects
// and its runs with their expiry.

import { ApiError, call, path } from '../api.js';
import { h, field } from '../dom.js';
import * as format from '../format.js';
import { announce, breadcrumbs, busy, form, heading, table, usage, when } from '../ui.js';
import { objectsPanel } from './objects.js';

export async function pipelineView(ctx) {
  const { grant, params: [namespace, pipeline], query: search } = ctx;
  const nsHash = `#/namespaces/${path(namespace)}`;
  const here = `${nsHash}/pipelines/${path(pipeline)}`;
  const api = `api/namespaces/${path(namespace)}/pipelines/${path(pipeline)}`;
  const root = h('section', { class: 'pipeline' },
    breadcrumbs(['Namespaces', '#/'], [namespace, nsHash], [pipeline, here]),
    heading(`Pipeline ${pipeline}`));
  if (!grant.can('read', namespace, pipeline)) {
    root.append(h('p', { class: 'notice' }, 'This token does not reach this pipeline.'));
    return root;
  }
  let summary = null;
  try {
    summary = (await call('GET', api)).pipeline;
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) {
      throw error;
    }
  }
  root.append(h('div', { class: 'overview' },
    h('section', { 'aria-labelledby': 'usage-heading' }, h('h3', { id: 'usage-heading' }, 'Usage'),
      summary ? summaryList(summary) : h('p', { class: 'notice' }, 'This pipeline has never been written.')),
    grant.can('write', namespace, pipeline) ? limitsForm(api, summary, ctx.refresh) : null));
  const [objects, runs] = await Promise.all([
    objectsPanel({
      objectsPath: `${api}/objects`, here, search, canDelete: grant.can('delete', namespace, pipeline),
      scopeName: `pipeline ${namespace}/${pipeline}`, navigate: ctx.navigate, refresh: ctx.refresh,
    }),
    call('GET', `${api}/runs`),
  ]);
  root.append(objects, runsSection(runs.runs, summary, here));
  return root;
}

function summaryList(p) {
  const item = (term, ...description) => [h('dt', {}, term), h('dd', {}, ...description)];
  return h('dl', { class: 'summary' },
    item('Objects', usage(p.object_count, p.object_limit, `${p.object_count} of ${p.object_limit}`, 'Objects against the object limit')),
    item('Size', p.byte_limit === null ? `${format.size(p.bytes)} (no byte limit)`
      : usage(p.bytes, p.byte_limit, `${format.size(p.bytes)} of ${format.size(p.byte_limit)}`, 'Bytes against the byte limit')),
    p.eviction !== undefined ? item('Eviction', p.eviction === 'lru' ? 'least recently used first (lru)' : `${p.eviction} first`) : null,
    item('Run objects kept for', format.plural(p.run_object_expiry, 'run')),
    item('Latest run', p.latest_run_id === null ? 'none yet' : String(p.latest_run_id)));
}

/**
 * The pipeline's limits. A field left as it was is not sent; a cleared one returns to the
 * server's default (null); the eviction order is offered when the server reports one.
 */
function limitsForm(api, summary, refresh) {
  const objectLimit = h('input', { type: 'number', min: 1, name: 'object_limit', value: summary?.object_limit ?? '', class: 'narrow' });
  const byteLimit = h('input', { type: 'text', name: 'byte_limit', value: summary?.byte_limit ?? '', class: 'narrow', spellcheck: 'false' });
  const runExpiry = h('input', { type: 'number', min: 1, name: 'run_object_expiry', value: summary?.run_object_expiry ?? '', class: 'narrow' });
  const eviction = summary?.eviction !== undefined
    ? h('select', { name: 'eviction' },
      ['oldest', 'lru'].map((order) => h('option', { value: order, selected: summary?.eviction === order }, order)))
    : null;
  const save = h('button', { type: 'submit' }, 'Save limits');
  return h('section', { class: 'limits', 'aria-labelledby': 'limits-heading' },
    h('h3', { id: 'limits-heading' }, 'Limits'),
    form({ 'aria-labelledby': 'limits-heading', class: 'limits-form' }, () => busy(save, async () => {
      const patch = {};
      const number = (input, name, parse, current) => {
        const text = input.value.trim();
        if (text === '') {
          patch[name] = null;
        } else if (text !== String(current ?? '')) {
          const value = parse(text);
          if (value === null || value < 1) {
            throw new Error(`${name} must be a whole number of at least 1 (or empty for the server's default)`);
          }
          patch[name] = value;
        }
      };
      const whole = (text) => (/^\d+$/.test(text) ? Number(text) : null);
      number(objectLimit, 'object_limit', whole, summary?.object_limit);
      number(byteLimit, 'byte_limit', format.parseSize, summary?.byte_limit);
      number(runExpiry, 'run_object_expiry', whole, summary?.run_object_expiry);
      if (eviction && eviction.value !== summary?.eviction) {
        patch.eviction = eviction.value;
      }
      if (!Object.keys(patch).length) {
        announce('Nothing changed.');
        return;
      }
      await call('PATCH', api, { json: patch });
      announce('Limits saved.');
      await refresh();
    }),
    field('Object limit', objectLimit),
    field('Byte limit', byteLimit, 'Bytes, or 500MB, 2GB…'),
    field('Run objects kept for (runs)', runExpiry),
    eviction ? field('Evict first', eviction, 'oldest, or lru: least recently used') : null,
    h('p', { class: 'hint wide' }, 'Clear a field to return to the server\'s default. Lowering a limit evicts at once.'),
    h('div', { class: 'wide' }, save)));
}

function runsSection(runs, summary, here) {
  const expiry = summary?.run_object_expiry;
  return h('section', { class: 'runs', 'aria-labelledby': 'runs-heading' },
    h('h3', { id: 'runs-heading' }, 'Runs'),
    table({
      caption: 'Runs, newest first, and when their objects expire',
      columns: [{ title: 'Run' }, { title: 'Started' }, { title: 'Objects' }],
      rows: runs.map((run) => [
        h('a', { href: `${here}/runs/${run.run_id}` }, `Run ${run.run_id}`),
        when(run.started),
        run.objects_expired ? 'expired'
          : (expiry ? `kept; they expire when run ${run.run_id + expiry} is registered` : 'kept'),
      ]),
      empty: 'No runs registered.',
    }));
}
