/**
 * URIs of wire dump documents: scheme go-trace-wire, a readable path (the tab title), and the
 * trace's own URI in the query. One document is one window of the dump: `app.trace.wire.txt` is
 * the window at the dump's start, `app.trace.wire@150000000.txt` the one starting at the event at
 * byte 150000000 (the worker builds it: wireDumpService.ts).
 */
import * as vscode from 'vscode';

export const WIRE_DUMP_SCHEME = 'go-trace-wire';

const WINDOW_SUFFIX = /\.wire@(\d+)\.txt$/;

/** The document of the window starting at `start` (absent: the dump's first window). */
export function wireDumpUri(trace: vscode.Uri, start?: number): vscode.Uri {
  const base = trace.path.slice(trace.path.lastIndexOf('/') + 1);
  const name = start === undefined ? `${base}.wire.txt` : `${base}.wire@${start}.txt`;
  return vscode.Uri.from({ scheme: WIRE_DUMP_SCHEME, path: `/${name}`, query: trace.toString() });
}

export function traceOfWireDump(uri: vscode.Uri): vscode.Uri | undefined {
  if (uri.scheme !== WIRE_DUMP_SCHEME || !uri.query) return undefined;
  try {
    return vscode.Uri.parse(uri.query, true);
  } catch {
    return undefined;
  }
}

/** Where a wire dump document's window starts: 0 (the dump's start) unless its name says. */
export function windowStartOf(uri: vscode.Uri): number {
  const m = WINDOW_SUFFIX.exec(uri.path);
  const n = m ? Number(m[1]) : 0;
  return Number.isSafeInteger(n) ? n : 0;
}
