// Token management, for the admin token only: create (the secret is shown once, here) and
// revoke.

import { call, path } from '../api.js';
import { confirmAction } from '../confirm.js';
import { h, field, replace } from '../dom.js';
import * as format from '../format.js';
import { announce, busy, form, heading, table } from '../ui.js';

const ACTIONS = ['read', 'write', 'delete', 'mint'];

const LIFETIMES = [
  ['never', null], ['1 hour', 3600], ['1 day', 86400], ['7 days', 7 * 86400], ['30 days', 30 * 86400],
  ['1 year', 365 * 86400],
];

export async function tokensView({ grant }) {
  const root = h('section', { class: 'tokens' }, heading('Tokens'));
  if (!grant.admin) {
    root.append(h('p', { class: 'notice' }, 'Only the admin token manages tokens.'));
    return root;
  }
  const list = h('div', { class: 'token-list' });
  const secret = h('div', { class: 'secret-panel', 'aria-live': 'polite' });
  const refreshList = async () => replace(list, tokenTable((await call('GET', 'api/tokens')).tokens, refreshList));
  root.append(secret, createForm(secret, refreshList), h('h3', {}, 'Tokens'), list);
  await refreshList();
  return root;
}

function globs(text) {
  return text.split(',').map((glob) => glob.trim()).filter((glob) => glob !== '');
}

function createForm(secretPanel, refreshList) {
  const namespaces = h('input', { type: 'text', value: '*', spellcheck: 'false', id: 'token-namespaces' });
  const pipelines = h('input', { type: 'text', value: '*', spellcheck: 'false', id: 'token-pipelines' });
  const boxes = ACTIONS.map((action) => h('input', { type: 'checkbox', value: action, id: `token-action-${action}`, checked: action === 'read' }));
  const lifetime = h('select', { id: 'token-lifetime' },
    LIFETIMES.map(([label, seconds]) => h('option', { value: seconds ?? '' }, label)));
  const description = h('input', { type: 'text', id: 'token-description', maxlength: 256 });
  const create = h('button', { type: 'submit', id: 'create-token' }, 'Create token');
  return h('section', { class: 'create-token', 'aria-labelledby': 'create-token-heading' },
    h('h3', { id: 'create-token-heading' }, 'Create a token'),
    form({ 'aria-labelledby': 'create-token-heading' }, () => busy(create, async () => {
      const body = {
        namespaces: globs(namespaces.value),
        pipelines: globs(pipelines.value),
        actions: boxes.filter((box) => box.checked).map((box) => box.value),
        expires_in_seconds: lifetime.value === '' ? null : Number(lifetime.value),
        description: description.value.trim(),
      };
      const { token } = await call('POST', 'api/tokens', { json: body });
      showSecret(secretPanel, token);
      announce(`Created token ${token.id}. Copy its secret now: it is not shown again.`);
      await refreshList();
    }),
    field('Namespaces', namespaces, 'Globs, separated by commas: * any run of characters, ? one'),
    field('Pipelines', pipelines, 'Globs, separated by commas'),
    h('fieldset', { class: 'wide' }, h('legend', {}, 'Actions'),
      boxes.map((box) => h('span', { class: 'check' }, box, h('label', { for: box.id }, box.value)))),
    field('Expires after', lifetime),
    field('Description', description),
    h('div', { class: 'wide' }, create)));
}

function showSecret(panel, token) {
  const input = h('input', { type: 'text', readonly: true, value: token.secret, id: 'new-secret', spellcheck: 'false', class: 'secret' });
  const copy = h('button', { type: 'button', class: 'secondary' }, 'Copy');
  copy.addEventListener('click', async () => {
    input.select();
    try {
      await navigator.clipboard.writeText(token.secret);
      announce('Copied the secret.');
    } catch {
      announce('Selected the secret: copy it with your keyboard.');
    }
  });
  const dismiss = h('button', { type: 'button', class: 'secondary' }, 'I have copied it');
  dismiss.addEventListener('click', () => replace(panel));
  replace(panel, h('div', { class: 'notice' },
    h('p', {}, h('strong', {}, `The secret of token ${token.id}, shown only now:`)),
    field('Secret', input, 'Store it where the client needs it; the server keeps only its hash.'),
    h('div', { class: 'actions' }, copy, dismiss)));
  input.focus();
  input.select();
}

function tokenTable(tokens, refreshList) {
  return table({
    caption: 'Tokens, oldest first (their secrets are never shown again)',
    columns: [{ title: 'ID' }, { title: 'Namespaces' }, { title: 'Pipelines' }, { title: 'Actions' },
      { title: 'Run' }, { title: 'Created' }, { title: 'Expires' }, { title: 'Description' }, { title: 'Revoke' }],
    rows: tokens.map((token) => {
      const revoke = h('button', { type: 'button', class: 'danger', 'aria-label': `Revoke token ${token.id}` }, 'Revoke');
      revoke.addEventListener('click', () => busy(revoke, async () => {
        if (!await confirmAction({
          title: `Revoke token ${token.id}?`,
          message: 'Every client that uses it is refused from now on. This cannot be undone.',
          confirmLabel: 'Revoke',
        })) {
          return;
        }
        await call('DELETE', `api/tokens/${path(token.id)}`);
        announce(`Revoked token ${token.id}.`);
        await refreshList();
      }));
      return [h('code', {}, token.id), token.namespaces.join(', '), token.pipelines.join(', '), token.actions.join(', '),
        token.run_id === null ? '–' : String(token.run_id), format.dateTime(token.created),
        token.expires === null ? 'never' : format.dateTime(token.expires), token.description, revoke];
    }),
    empty: 'No tokens yet besides the admin token.',
  });
}
