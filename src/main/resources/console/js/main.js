// The console's entry point: sign-in, the header, and a router over the location's hash
// (#/namespaces/NS/pipelines/P…). The hash holds only what is shown, never the token.

import { call, session } from './api.js';
import { h, replace } from './dom.js';
import { Grant } from './grant.js';
import { clearMessages, fail } from './ui.js';
import { signInView } from './views/signin.js';
import { namespacesView } from './views/namespaces.js';
import { namespaceView } from './views/namespace.js';
import { pipelineView } from './views/pipeline.js';
import { runView } from './views/run.js';
import { tokensView } from './views/tokens.js';

const ROUTES = [
  [/^\/$/, namespacesView],
  [/^\/namespaces\/([^/]+)$/, namespaceView],
  [/^\/namespaces\/([^/]+)\/pipelines\/([^/]+)$/, pipelineView],
  [/^\/namespaces\/([^/]+)\/pipelines\/([^/]+)\/runs\/(\d+)$/, runView],
  [/^\/tokens$/, tokensView],
];

const main = document.getElementById('main');
let grant = null;
let authenticationOff = false;
let generation = 0;

function parseHash() {
  const hash = window.location.hash.startsWith('#/') ? window.location.hash.slice(1) : '/';
  const [route, search] = hash.split('?', 2);
  return { route, query: new URLSearchParams(search ?? '') };
}

/** Shows the view the hash names. `focus` moves the focus to its heading, as a page load would. */
async function route({ focus = true } = {}) {
  if (!grant) {
    return;
  }
  const { route: where, query } = parseHash();
  const current = ++generation;
  let view = null;
  let params = [];
  for (const [pattern, candidate] of ROUTES) {
    const match = pattern.exec(where);
    if (match) {
      view = candidate;
      params = match.slice(1).map(decodeURIComponent);
      break;
    }
  }
  if (focus) {
    clearMessages();
  }
  main.setAttribute('aria-busy', 'true');
  let content;
  try {
    content = view
      ? await view({ grant, params, query, refresh: () => route({ focus: false }), navigate })
      : h('section', {}, h('h2', { tabindex: '-1' }, 'Not found'), h('p', {}, h('a', { href: '#/' }, 'Back to the namespaces')));
  } catch (error) {
    content = h('section', {}, h('h2', { tabindex: '-1' }, 'Something went wrong'), h('p', { class: 'error' }, error.message));
  }
  if (current !== generation) {
    return; // a later navigation won
  }
  main.removeAttribute('aria-busy');
  replace(main, content);
  document.title = `${main.querySelector('h2')?.textContent ?? 'Console'} · Gofer console`;
  if (focus) {
    main.querySelector('h2')?.focus();
  }
}

function navigate(hash) {
  if (window.location.hash === hash) {
    route({ focus: false });
  } else {
    window.location.hash = hash;
  }
}

function showHeader() {
  document.getElementById('site-nav').hidden = !grant;
  document.getElementById('nav-tokens').hidden = !grant?.admin;
  document.getElementById('session').hidden = !grant;
  document.getElementById('sign-out').hidden = authenticationOff;
  replace(document.getElementById('who'), grant
    ? (authenticationOff ? 'Authentication is off' : `Signed in with the ${grant.describe()}`) : '');
}

function showSignIn(message) {
  grant = null;
  showHeader();
  generation += 1;
  replace(main, signInView({ onSignIn: signIn, message }));
  main.querySelector('input')?.focus();
}

/** Checks a token by asking the API what it may do; keeps it for this tab's session if valid. */
async function signIn(token) {
  session.signIn(token);
  try {
    grant = new Grant((await call('GET', 'api/tokens/self')).token);
  } catch (error) {
    session.signOut();
    throw error;
  }
  showHeader();
  await route();
}

async function start() {
  window.addEventListener('hashchange', () => {
    if (window.location.hash === '' || window.location.hash.startsWith('#/')) {
      route();
    }
  });
  window.addEventListener('gofer:unauthorized', (event) => {
    if (grant && !authenticationOff) {
      session.signOut();
      showSignIn(`Signed out: ${event.detail}`);
    }
  });
  document.getElementById('sign-out').addEventListener('click', () => {
    session.signOut();
    showSignIn('Signed out.');
  });
  if (session.token()) {
    try {
      grant = new Grant((await call('GET', 'api/tokens/self')).token);
      showHeader();
      await route();
      return;
    } catch {
      session.signOut();
    }
  }
  try {
    // A server with authentication off answers without a token: then there is nothing to sign in with.
    grant = new Grant((await call('GET', 'api/tokens/self', { anonymous: true })).token);
    authenticationOff = true;
    showHeader();
    await route();
  } catch {
    showSignIn();
  }
}

start().catch(fail);
