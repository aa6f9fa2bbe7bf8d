// How sizes, times and ages are written for people (binary units, as the CLI writes them).

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

export function size(bytes) {
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${UNITS[unit]}`;
}

/** How long ago: "12 s", "5 min", "3 h", "4 d". */
export function age(epochMillis, now = Date.now()) {
  const seconds = Math.max(0, Math.round((now - epochMillis) / 1000));
  if (seconds < 60) {
    return `${seconds} s`;
  }
  if (seconds < 3600) {
    return `${Math.floor(seconds / 60)} min`;
  }
  if (seconds < 86400) {
    return `${Math.floor(seconds / 3600)} h`;
  }
  return `${Math.floor(seconds / 86400)} d`;
}

/** Local date and time, as 2026-12-03 14:05:09. */
export function dateTime(epochMillis) {
  const d = new Date(epochMillis);
  const two = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} `
    + `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

const SIZE_INPUT = /^\s*(\d+)\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)?\s*$/i;

/** Reads "500MB", "2 GiB" or a plain byte count (binary units, as the server's config reads them). */
export function parseSize(text) {
  const match = SIZE_INPUT.exec(text);
  if (!match) {
    return null;
  }
  const power = { b: 0, kb: 1, kib: 1, mb: 2, mib: 2, gb: 3, gib: 3, tb: 4, tib: 4 }[(match[2] ?? 'b').toLowerCase()];
  const value = Number(match[1]) * 1024 ** power;
  return Number.isSafeInteger(value) ? value : null;
}

export function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}
