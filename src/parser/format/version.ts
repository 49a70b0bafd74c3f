/** Trace format versions and the 16-byte header that names them. */

/** Format versions Go's newest parser accepts. A Go release and its format version differ (Go 1.24 writes 23). */
export const enum TraceVersion {
  Go111 = 11,
  Go119 = 19,
  Go121 = 21,
  Go122 = 22,
  Go123 = 23,
  Go125 = 25,
  Go126 = 26,
}

export const HEADER_SIZE = 16;

const SUPPORTED: ReadonlySet<number> = new Set([11, 19, 21, 22, 23, 25, 26]);

export function isV1(version: number): boolean {
  return version === TraceVersion.Go111 || version === TraceVersion.Go119 || version === TraceVersion.Go121;
}

export function isV2(version: number): boolean {
  return version >= TraceVersion.Go122 && SUPPORTED.has(version);
}

/** Go releases that write a format version, for display. */
export function goReleasesFor(version: number): string {
  switch (version) {
    case 11: return 'Go 1.11 to 1.18';
    case 19: return 'Go 1.19 to 1.20';
    case 21: return 'Go 1.21';
    case 22: return 'Go 1.22';
    case 23: return 'Go 1.23 or 1.24';
    case 25: return 'Go 1.25';
    case 26: return 'Go 1.26 or newer';
    default: return `unknown (format 1.${version})`;
  }
}

export type HeaderResult =
  | { ok: true; version: TraceVersion; size: number }
  | { ok: false; code: 'not-a-trace' | 'unsupported-version'; message: string; version?: number };

const PREFIX = [0x67, 0x6f, 0x20, 0x31, 0x2e]; // "go 1."
const SUFFIX = [0x20, 0x74, 0x72, 0x61, 0x63, 0x65, 0x00, 0x00, 0x00]; // " trace\0\0\0"

/**
 * Reads the header "go 1.NN trace\0\0\0". Go scans it with fmt.Fscanf, so the number is decimal
 * digits of any length; the header is then however many bytes that took (16 for every real trace).
 */
export function readHeader(bytes: Uint8Array): HeaderResult {
  const notATrace = { ok: false as const, code: 'not-a-trace' as const, message: 'bad file format: not a Go execution trace?' };
  let pos = 0;
  for (const b of PREFIX) {
    if (bytes[pos++] !== b) return notATrace;
  }
  let version = 0;
  const digitsStart = pos;
  // Go's %d also takes a sign; a signed version is never valid, so it is simply not a trace here.
  while (pos < bytes.length && bytes[pos] >= 0x30 && bytes[pos] <= 0x39 && pos - digitsStart < 12) {
    version = version * 10 + (bytes[pos] - 0x30);
    pos++;
  }
  if (pos === digitsStart) return notATrace;
  for (const b of SUFFIX) {
    if (bytes[pos++] !== b) return notATrace;
  }
  if (!SUPPORTED.has(version)) {
    return { ok: false, code: 'unsupported-version', message: `unknown or unsupported trace version go 1.${version}`, version };
  }
  return { ok: true, version: version as TraceVersion, size: pos };
}

/** The bytes of a header for a version, as the runtime writes it. */
export function headerBytes(version: number): Uint8Array {
  return new TextEncoder().encode(`go 1.${version} trace\0\0\0`);
}
