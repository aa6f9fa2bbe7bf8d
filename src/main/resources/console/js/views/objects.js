// A scope's objects (a pipeline's or a run's): filtered by prefix, newest first, downloaded,
// deleted one by one or all those with the prefix, and charted by age.

import { ApiError, call, download, query } from '../api.js';
import { barChart } from '../chart.js';
import { confirmAction } from '../confirm.js';
import { h, field } from '../dom.js';
import * as format from '../format.js';
import { announce, busy, form, table, when } from '../ui.js';

const DEFAULT_LIMIT = 200;

const AGES = [
  ['under an hour', 3600e3],
  ['1 hour to 1 day', 86400e3],
  ['1 to 7 days', 7 * 86400e3],
  ['7 to 30 days', 30 * 86400e3],
  ['over 30 days', Infinity],
];

/**
 * @param objectsPath the API path of the scope's objects ("api/…/objects")
 * @param here the hash of the page, to which the filter adds its query
 * @param canDelete whether to offer deleting
 */
export async function objectsPanel({ objectsPath, here, search, canDelete, scopeName, navigate, refresh }) {
  const prefix = search.get('prefix') ?? '';
  const limit = Math.max(1, Number.parseInt(search.get('limit'), 10) || DEFAULT_LIMIT);
  const { objects } = await call('GET', objectsPath + query({ prefix, order: 'newest', limit }));

  const prefixInput = h('input', { type: 'search', value: prefix, spellcheck: 'false', id: 'object-prefix' });
  const section = h('section', { class: 'objects', 'aria-labelledby': 'objects-heading' },
    h('h3', { id: 'objects-heading' }, 'Objects'),
    form({ class: 'filters', 'aria-label': 'Filter objects' }, () => {
      navigate(here + query({ prefix: prefixInput.value.trim() }));
    },
    field('Key starts with', prefixInput),
    h('button', { type: 'submit' }, 'Filter'),
    prefix ? h('a', { href: here, class: 'button-link' }, 'Clear') : null));

  if (canDelete && prefix) {
    const bulk = h('button', { type: 'button', class: 'danger', id: 'delete-prefix' }, `Delete every object whose key starts with ${prefix}`);
    bulk.addEventListener('click', () => busy(bulk, async () => {
      const confirmed = await confirmAction({
        title: 'Delete by prefix?',
        message: `Every object of ${scopeName} whose key starts with "${prefix}" will be deleted, not only those listed here. This cannot be undone.`,
        confirmLabel: 'Delete them',
      });
      if (!confirmed) {
        return;
      }
      const { deleted } = await call('DELETE', objectsPath + query({ prefix }));
      announce(`Deleted ${format.plural(deleted, 'object')} whose key starts with ${prefix}.`);
      await refresh();
    }));
    section.append(h('div', { class: 'bulk' }, bulk));
  }

  const rows = objects.map((object) => {
    const objectPath = `${objectsPath}/${encodeURIComponent(object.key)}`;
    const get = h('button', { type: 'button', class: 'secondary', 'aria-label': `Download ${object.key}` }, 'Download');
    get.addEventListener('click', () => busy(get, async () => {
      const bytes = await download(objectPath, object.key);
      announce(`Downloaded ${object.key} (${format.size(bytes)}).`);
    }));
    const actions = [get];
    if (canDelete) {
      const remove = h('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${object.key}` }, 'Delete');
      remove.addEventListener('click', () => busy(remove, async () => {
        if (!await confirmAction({ title: `Delete ${object.key}?`, message: `The object will be removed from ${scopeName}. This cannot be undone.`, confirmLabel: 'Delete' })) {
          return;
        }
        try {
          await call('DELETE', objectPath);
        } catch (error) {
          if (!(error instanceof ApiError && error.status === 404)) {
            throw error;
          }
        }
        announce(`Deleted ${object.key}.`);
        await refresh();
      }));
      actions.push(remove);
    }
    return [
      h('code', { class: 'key' }, object.key),
      format.size(object.size),
      when(object.created),
      object.content_type,
      h('code', { class: 'etag', title: `"${object.sha256}"` }, `"${object.sha256.slice(0, 12)}…"`),
      h('span', { class: 'row-actions' }, actions),
    ];
  });
  section.append(table({
    caption: `Objects of ${scopeName}${prefix ? ` whose key starts with ${prefix}` : ''}, newest first`,
    columns: [{ title: 'Key' }, { title: 'Size', numeric: true }, { title: 'Age' }, { title: 'Content type' },
      { title: 'ETag' }, { title: 'Actions' }],
    rows,
    empty: prefix ? `No key starts with ${prefix}.` : 'No objects.',
  }));
  if (objects.length === limit) {
    section.append(h('p', {}, h('a', { href: here + query({ prefix, limit: limit * 2 }), class: 'more' }, 'Show more objects')));
  }
  if (objects.length) {
    const now = Date.now();
    const buckets = AGES.map(([label]) => ({ label, value: 0 }));
    for (const object of objects) {
      const index = AGES.findIndex(([, bound]) => now - object.created < bound);
      buckets[index].value += object.size;
    }
    section.append(barChart({
      title: `Bytes by age (${format.plural(objects.length, 'object')} listed)`,
      items: buckets.map((bucket) => ({ ...bucket, text: format.size(bucket.value) })),
    }));
  }
  return section;
}
