// Messages for the person at the screen: a polite status line for what went well and an alert
// for what failed, both live regions that screen readers announce.

import { h, replace } from './dom.js';
import * as format from './format.js';

const statusRegion = () => document.getElementById('status');
const alertRegion = () => document.getElementById('alert');

export function announce(message) {
  replace(alertRegion());
  replace(statusRegion(), message);
}

export function fail(error) {
  replace(statusRegion());
  replace(alertRegion(), error?.message ?? String(error));
}

export function clearMessages() {
  replace(statusRegion());
  replace(alertRegion());
}

/** A table with a caption, header cells with scope, and numeric columns aligned right. */
export function table({ caption, columns, rows, empty }) {
  if (!rows.length) {
    return h('p', { class: 'empty' }, empty ?? 'Nothing here.');
  }
  return h('div', { class: 'table-wrap' },
    h('table', {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, columns.map((column) => h('th', { scope: 'col', class: column.numeric ? 'num' : null }, column.title)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell, index) => (index === 0
        ? h('th', { scope: 'row' }, cell)
        : h('td', { class: columns[index].numeric ? 'num' : null }, cell))))))));
}

/**
 * A usage bar (a <meter>, which assistive technology reads as a value within a range). Usage
 * near its limit is shown as a warning; with `higherIsBetter` (a hit rate) a low value is.
 */
export function usage(value, max, text, label, { higherIsBetter = false } = {}) {
  if (max === null || max === undefined) {
    return h('span', { class: 'usage-text' }, text);
  }
  const range = higherIsBetter ? { low: max * 0.5, high: max * 0.8, optimum: max } : { low: max * 0.75, high: max * 0.9, optimum: 0 };
  return h('span', { class: 'usage' },
    h('meter', { min: 0, max, value: Math.min(value, max), ...range, 'aria-label': label }),
    h('span', { class: 'usage-text' }, text));
}

export function breadcrumbs(...links) {
  return h('nav', { 'aria-label': 'Breadcrumb', class: 'breadcrumbs' },
    h('ol', {}, links.map(([text, href], index) => h('li', {},
      index === links.length - 1 ? h('span', { 'aria-current': 'page' }, text) : h('a', { href }, text)))));
}

export function heading(text) {
  return h('h2', { tabindex: '-1' }, text);
}

/** A time as its age, with the local date and time as its tooltip and machine-readable value. */
export function when(epochMillis) {
  return h('time', { datetime: new Date(epochMillis).toISOString(), title: format.dateTime(epochMillis) },
    `${format.age(epochMillis)} ago`);
}

/** A form whose submission runs `onSubmit` instead of navigating (the policy forbids that anyway). */
export function form(props, onSubmit, ...children) {
  return h('form', {
    ...props,
    onsubmit: (event) => {
      event.preventDefault();
      onSubmit(event.currentTarget);
    },
  }, ...children);
}

/** Runs an action of a button: disables it meanwhile and reports a failure in the alert region. */
export async function busy(button, action) {
  button.disabled = true;
  try {
    await action();
  } catch (error) {
    fail(error);
  } finally {
    button.disabled = false;
  }
}
