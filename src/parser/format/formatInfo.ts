/**
 * What a trace's header says, read once and looked up in the versions table (version.ts): the
 * format family, the version, the header's size, and the problem when the file cannot be read.
 * Every reader takes it (the `format` option) instead of reading the header again; openTrace
 * (openTrace.ts) wraps it in a handle with the entry points of each family.
 */
import type { ByteSource } from '../bytes/byteSource.js';
import type { Problem } from '../problems.js';
import { formatVersion, HEADER_SCAN_LIMIT, readHeader, type FormatFamily, type FormatVersion } from './version.js';

/** A trace of either family, a file that is not a trace, or a version Go does not know. */
export type FormatKind = FormatFamily | 'not-a-trace' | 'unsupported';

export interface TraceHeader {
  /** Trace format version (22 for "go 1.22 trace"). */
  version: number;
  /** The Go releases that write this version, for display. */
  goReleases: string;
  /** Old (Go 1.11–1.21) format, which TraceReader recognises but does not decode (src/parser/v1 does). */
  v1: boolean;
  headerSize: number;
  fileSize: number;
}

export interface FormatInfo {
  readonly kind: FormatKind;
  /** The header's version number; also for an unsupported one; 0 when the file is not a trace. */
  readonly version: number;
  /** The versions table's entry (v1 and v2 only). */
  readonly format: FormatVersion | undefined;
  /** Bytes the header takes (16 in every real trace); 0 when it could not be read. */
  readonly headerSize: number;
  /** The Go releases that write the version (v1 and v2 only). */
  readonly goReleases: string | undefined;
  /** Why the file cannot be read (not a trace, unsupported version), with Go's text, at byte 0. */
  readonly problem: Problem | undefined;
  /** The header as TraceReader.header has it (v1 and v2 only). */
  readonly header: TraceHeader | undefined;
}

/** The header of a trace of `fileSize` bytes whose first bytes (HEADER_SCAN_LIMIT, or all) are `head`. */
export function formatInfoOf(head: Uint8Array, fileSize: number): FormatInfo {
  const h = readHeader(head);
  if (!h.ok) {
    const problem: Problem = { code: h.code, severity: 'error', message: h.message, offset: 0 };
    const kind = h.code === 'not-a-trace' ? 'not-a-trace' : 'unsupported';
    return { kind, version: h.version ?? 0, format: undefined, headerSize: 0, goReleases: undefined, problem, header: undefined };
  }
  // readHeader accepts only the table's versions.
  const format = formatVersion(h.version)!;
  const header: TraceHeader = { version: h.version, goReleases: format.goReleases, v1: format.family === 'v1', headerSize: h.size, fileSize };
  return { kind: format.family, version: h.version, format, headerSize: h.size, goReleases: format.goReleases, problem: undefined, header };
}

/** Reads a source's header (one read of its first bytes). Never throws for bad input. */
export async function readFormatInfo(source: ByteSource): Promise<FormatInfo> {
  return formatInfoOf(await source.read(0, HEADER_SCAN_LIMIT), source.size);
}
