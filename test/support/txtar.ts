/**
 * txtar archives (Go's internal/txtar format): optional comment lines, then files, each starting
 * with a marker line `-- NAME --`. The name is trimmed of surrounding whitespace. A file's data
 * runs to the next marker line; a missing final newline is added. Nothing is a syntax error.
 * Works on bytes, so file data is returned exactly (trace text may hold any bytes).
 */

export interface TxtarFile {
  name: string;
  data: Uint8Array;
}

export interface TxtarArchive {
  comment: Uint8Array;
  files: TxtarFile[];
}

const MARKER = [0x2d, 0x2d, 0x20]; // "-- "
const MARKER_END = [0x20, 0x2d, 0x2d]; // " --"

function startsWith(b: Uint8Array, at: number, prefix: readonly number[]): boolean {
  if (at + prefix.length > b.length) return false;
  for (let i = 0; i < prefix.length; i++) if (b[at + i] !== prefix[i]) return false;
  return true;
}

/** Go's unicode.IsSpace. */
function isGoSpace(c: number): boolean {
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** Go's strings.TrimSpace (JavaScript's trim uses a different set of spaces). */
function goTrimSpace(s: string): string {
  const cps = Array.from(s);
  let a = 0;
  let z = cps.length;
  while (a < z && isGoSpace(cps[a].codePointAt(0)!)) a++;
  while (z > a && isGoSpace(cps[z - 1].codePointAt(0)!)) z--;
  return cps.slice(a, z).join('');
}

/** Adds a final newline to non-empty data that lacks one. */
function fixNewline(b: Uint8Array): Uint8Array {
  if (b.length === 0 || b[b.length - 1] === 0x0a) return b;
  const out = new Uint8Array(b.length + 1);
  out.set(b);
  out[b.length] = 0x0a;
  return out;
}

/** If a marker line starts at `at`, its trimmed name and the position after the line. */
function markerAt(b: Uint8Array, at: number): { name: string; after: number } | undefined {
  if (!startsWith(b, at, MARKER)) return undefined;
  const nl = b.indexOf(0x0a, at);
  const lineEnd = nl < 0 ? b.length : nl;
  const after = nl < 0 ? b.length : nl + 1;
  if (lineEnd - at < MARKER.length + MARKER_END.length) return undefined;
  if (!startsWith(b, lineEnd - MARKER_END.length, MARKER_END)) return undefined;
  const name = goTrimSpace(new TextDecoder().decode(b.subarray(at + MARKER.length, lineEnd - MARKER_END.length)));
  if (name === '') return undefined;
  return { name, after };
}

/** Splits at the next marker line at or after `from`: data before it, and the marker. */
function nextMarker(b: Uint8Array, from: number): { before: Uint8Array; marker?: { name: string; after: number } } {
  let i = from;
  for (;;) {
    const m = markerAt(b, i);
    if (m) return { before: b.subarray(from, i), marker: m };
    // Markers only start at the beginning of a line.
    let j = -1;
    for (let k = i; k + 3 < b.length; k++) {
      if (b[k] === 0x0a && startsWith(b, k + 1, MARKER)) {
        j = k;
        break;
      }
    }
    if (j < 0) return { before: fixNewline(b.subarray(from)) };
    i = j + 1;
  }
}

/** Parses a txtar archive. */
export function parseTxtar(input: Uint8Array | string): TxtarArchive {
  const b = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const first = nextMarker(b, 0);
  const archive: TxtarArchive = { comment: first.before, files: [] };
  let marker = first.marker;
  while (marker) {
    const next = nextMarker(b, marker.after);
    archive.files.push({ name: marker.name, data: next.before });
    marker = next.marker;
  }
  return archive;
}

/** Serializes an archive (Go's txtar.Format). */
export function formatTxtar(archive: { comment?: Uint8Array | string; files: { name: string; data: Uint8Array | string }[] }): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const bytes = (x: Uint8Array | string | undefined) => (x === undefined ? new Uint8Array(0) : typeof x === 'string' ? enc.encode(x) : x);
  parts.push(fixNewline(bytes(archive.comment)));
  for (const f of archive.files) {
    parts.push(enc.encode(`-- ${f.name} --\n`), fixNewline(bytes(f.data)));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
