/**
 * URIs of wire dump documents: scheme go-trace-wire, a readable path (the tab title), and the
 * trace's own URI in the query.
 */
import * as vscode from 'vscode';

export const WIRE_DUMP_SCHEME = 'go-trace-wire';

export function wireDumpUri(trace: vscode.Uri): vscode.Uri {
  const base = trace.path.slice(trace.path.lastIndexOf('/') + 1);
  return vscode.Uri.from({ scheme: WIRE_DUMP_SCHEME, path: `/${base}.wire.txt`, query: trace.toString() });
}

export function traceOfWireDump(uri: vscode.Uri): vscode.Uri | undefined {
  if (uri.scheme !== WIRE_DUMP_SCHEME || !uri.query) return undefined;
  try {
    return vscode.Uri.parse(uri.query, true);
  } catch {
    return undefined;
  }
}
