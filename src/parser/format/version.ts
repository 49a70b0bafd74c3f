/** Trace format versions (one table) and the header that names them. */
import { decodeRune } from '../text/goQuote.js';

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

/** v1: Go 1.11–1.21, read whole (src/parser/v1). v2: Go 1.22+, read generation by generation. */
export type FormatFamily = 'v1' | 'v2';

/** One format version, as Go's internal/trace/version knows it. */
export interface FormatVersion {
  readonly version: TraceVersion;
  readonly family: FormatFamily;
  /** The Go releases that write it, for display. */
  readonly goReleases: string;
  /** The first Go release (minor number) that writes it, and the last; undefined: still written. */
  readonly firstGo: number;
  readonly lastGo: number | undefined;
  /** A generation's frequency and clock snapshot come in a Sync batch (Go 1.25+). */
  readonly syncBatch: boolean;
  /** Each generation ends with an EndOfGeneration event, so a truncated trace can be told apart (Go 1.26+). */
  readonly endOfGeneration: boolean;
}

const v = (version: TraceVersion, family: FormatFamily, goReleases: string, firstGo: number, lastGo: number | undefined): FormatVersion => ({
  version, family, goReleases, firstGo, lastGo,
  syncBatch: version >= TraceVersion.Go125,
  endOfGeneration: version >= TraceVersion.Go126,
});

/** Every version a trace can have: the one list of them. */
export const FORMAT_VERSIONS: readonly FormatVersion[] = [
  v(TraceVersion.Go111, 'v1', 'Go 1.11 to 1.18', 11, 18),
  v(TraceVersion.Go119, 'v1', 'Go 1.19 to 1.20', 19, 20),
  v(TraceVersion.Go121, 'v1', 'Go 1.21', 21, 21),
  v(TraceVersion.Go122, 'v2', 'Go 1.22', 22, 22),
  v(TraceVersion.Go123, 'v2', 'Go 1.23 or 1.24', 23, 24),
  v(TraceVersion.Go125, 'v2', 'Go 1.25', 25, 25),
  v(TraceVersion.Go126, 'v2', 'Go 1.26 or newer', 26, undefined),
];

const BY_NUMBER: ReadonlyMap<number, FormatVersion> = new Map(FORMAT_VERSIONS.map((f) => [f.version, f]));

/** The table's entry for a header's version number; undefined when Go knows no such version. */
export function formatVersion(version: number): FormatVersion | undefined {
  return BY_NUMBER.get(version);
}

export const HEADER_SIZE = 16;

export function isV1(version: number): boolean {
  return BY_NUMBER.get(version)?.family === 'v1';
}

export function isV2(version: number): boolean {
  return BY_NUMBER.get(version)?.family === 'v2';
}

/** Go releases that write a format version, for display. */
export function goReleasesFor(version: number): string {
  return BY_NUMBER.get(version)?.goReleases ?? `unknown (format 1.${version})`;
}

export type HeaderResult =
  | { ok: true; version: TraceVersion; size: number }
  | { ok: false; code: 'not-a-trace' | 'unsupported-version'; message: string; version?: number };

/**
 * How many bytes a header may take. Go allows any run of spaces where its format has one; real
 * headers are 16 bytes, and a longer one is not worth reading further for.
 */
export const HEADER_SCAN_LIMIT = 4096;

const NOT_A_TRACE = { ok: false as const, code: 'not-a-trace' as const, message: 'bad file format: not a Go execution trace?' };

/**
 * Reads the header the way Go does: fmt.Fscanf(r, "go 1.%d trace\0\0\0", &version). So input is
 * matched rune by rune (a bad UTF-8 byte is U+FFFD); a space in the format takes one or more space
 * runes other than newline; spaces before the number are skipped (a newline fails); the number is
 * ASCII digits, at most 2^32 - 1. `bytes` should hold HEADER_SCAN_LIMIT bytes or the whole file.
 */
export function readHeader(bytes: Uint8Array): HeaderResult {
  let pos = 0;
  const peek = (): [number, number] => decodeRune(bytes, pos, bytes.length);
  const literal = (c: number): boolean => {
    const [r, n] = peek();
    if (r !== c) return false;
    pos += n;
    return true;
  };
  const formatSpace = (): boolean => {
    let [r, n] = peek();
    if (r < 0) return true; // the next literal fails
    if (!isFmtSpace(r) || r === 0x0a) return false;
    do {
      pos += n;
      [r, n] = peek();
    } while (isFmtSpace(r) && r !== 0x0a);
    return true;
  };
  if (!literal(0x67) || !literal(0x6f) || !formatSpace() || !literal(0x31) || !literal(0x2e)) return NOT_A_TRACE;
  for (;;) {
    const [r, n] = peek();
    if (r === 0x0a) return NOT_A_TRACE;
    if (!isFmtSpace(r)) break;
    pos += n;
  }
  let [r, n] = peek();
  if (r < 0x30 || r > 0x39) return NOT_A_TRACE;
  let version = 0;
  do {
    version = version * 10 + (r - 0x30);
    if (version > 0xffffffff) return NOT_A_TRACE; // overflows Go's uint32 Version
    pos += n;
    [r, n] = peek();
  } while (r >= 0x30 && r <= 0x39);
  if (!formatSpace()) return NOT_A_TRACE;
  for (const c of [0x74, 0x72, 0x61, 0x63, 0x65, 0, 0, 0]) if (!literal(c)) return NOT_A_TRACE; // "trace\0\0\0"
  if (!BY_NUMBER.has(version)) {
    return { ok: false, code: 'unsupported-version', message: `unknown or unsupported trace version go 1.${version}`, version };
  }
  return { ok: true, version: version as TraceVersion, size: pos };
}

/** fmt's notion of a space rune (newline included; callers treat it apart). */
function isFmtSpace(r: number): boolean {
  if (r < 0) return false;
  if (r <= 0x20) return (r >= 0x09 && r <= 0x0d) || r === 0x20;
  return r === 0x85 || r === 0xa0 || r === 0x1680 || (r >= 0x2000 && r <= 0x200a) || r === 0x2028 || r === 0x2029 || r === 0x202f || r === 0x205f || r === 0x3000;
}

/** The bytes of a header for a version, as the runtime writes it. */
export function headerBytes(version: number): Uint8Array {
  return new TextEncoder().encode(`go 1.${version} trace\0\0\0`);
}
