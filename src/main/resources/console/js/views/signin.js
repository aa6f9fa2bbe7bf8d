// Sign-in with a token. The field has no name, so that even a submission the page did not
// handle could not put it in a URL (and the policy forbids form submissions anyway).

import { h } from '../dom.js';
import { form } from '../ui.js';

export function signInView({ onSignIn, message }) {
  const input = h('input', {
    id: 'token', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true,
    'aria-describedby': 'token-hint',
  });
  const error = h('p', { id: 'sign-in-error', class: 'error', role: 'alert' });
  const button = h('button', { type: 'submit' }, 'Sign in');
  return h('section', { class: 'sign-in' },
    h('h2', { tabindex: '-1' }, 'Sign in'),
    message ? h('p', { class: 'notice' }, message) : null,
    form({ 'aria-labelledby': 'sign-in-heading' }, async () => {
      button.disabled = true;
      error.textContent = '';
      try {
        await onSignIn(input.value.trim());
      } catch (failure) {
        error.textContent = failure.status === 401 ? 'That token is not valid: unknown, revoked or expired.' : failure.message;
        input.focus();
      } finally {
        button.disabled = false;
      }
    },
    h('div', { class: 'field' },
      h('label', { for: 'token', id: 'sign-in-heading' }, 'API token'),
      input,
      h('p', { class: 'hint', id: 'token-hint' },
        'A token made with "gofer token create", or the admin token (on first start the server writes it to ',
        h('code', {}, 'data/admin-token'),
        '). It is kept in this browser tab only and sent in the Authorization header of each request.')),
    button),
    error);
}
