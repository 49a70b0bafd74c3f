/**
 * The parser's problems in the Problems panel: one DiagnosticCollection, one entry per problem
 * that follows from no other, keyed by the trace file's URI. Each entry's code links back into the
 * viewer (revealing the problem's row); its related information points at the problem's line in
 * the wire dump, then lists what follows from it (counted, then each at its line).
 */
import * as vscode from 'vscode';
import type { ProblemItem } from '../shared/protocol.js';
import { problemsToDiagnostics, revealQuery, type DiagnosticSpec, type RevealTarget } from './problemMapping.js';
import { wireDumpUri } from './wireDumpUri.js';

/** How the diagnostic code's link reaches us: the URI handler, or a command: URI. */
export type RevealLinkStyle = 'uriHandler' | 'command';

export const REVEAL_COMMAND = 'goTrace.revealProblem';

export class TraceDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('go-trace');

  constructor(
    private readonly extensionId: string,
    private readonly linkStyle: RevealLinkStyle,
  ) {}

  update(trace: vscode.Uri, problems: readonly ProblemItem[]): void {
    this.collection.set(trace, problemsToDiagnostics(problems, trace.toString()).map((spec) => this.toDiagnostic(trace, spec)));
  }

  clear(trace: vscode.Uri): void {
    this.collection.delete(trace);
  }

  private toDiagnostic(trace: vscode.Uri, spec: DiagnosticSpec): vscode.Diagnostic {
    const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), spec.message, SEVERITY[spec.severity]);
    d.source = 'go-trace';
    d.code = { value: spec.code, target: this.revealLink(spec.reveal) };
    if (spec.related.length > 0) {
      d.relatedInformation = spec.related.map((r) => {
        // A consequence without a wire dump line points at the trace itself.
        const where =
          r.wireLine === undefined
            ? new vscode.Location(trace, new vscode.Range(0, 0, 0, 0))
            : new vscode.Location(wireDumpUri(trace, r.wireStart), new vscode.Range(r.wireLine, 0, r.wireLine, 0));
        return new vscode.DiagnosticRelatedInformation(where, r.message);
      });
    }
    return d;
  }

  /** The link the problem code opens. */
  revealLink(t: RevealTarget): vscode.Uri {
    if (this.linkStyle === 'command') {
      return vscode.Uri.parse(`command:${REVEAL_COMMAND}?${encodeURIComponent(JSON.stringify([t]))}`);
    }
    // vscode://publisher.name/reveal?... — the scheme differs per product (code-server, Insiders).
    return vscode.Uri.from({ scheme: vscode.env.uriScheme, authority: this.extensionId, path: '/reveal', query: revealQuery(t) });
  }

  dispose(): void {
    this.collection.dispose();
  }
}

const SEVERITY: Record<ProblemItem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};
