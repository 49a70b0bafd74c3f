/**
 * The parser's problems in the Problems panel: one DiagnosticCollection, one entry per problem,
 * keyed by the trace file's URI. Each entry's code links back into the viewer (revealing the
 * problem's row) and its related information points at the problem's line in the wire dump.
 */
import * as vscode from 'vscode';
import type { ProblemItem } from '../shared/protocol.js';
import { problemToDiagnostic, revealQuery, type RevealTarget } from './problemMapping.js';
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
    this.collection.set(trace, problems.map((p) => this.toDiagnostic(trace, p)));
  }

  clear(trace: vscode.Uri): void {
    this.collection.delete(trace);
  }

  private toDiagnostic(trace: vscode.Uri, p: ProblemItem): vscode.Diagnostic {
    const spec = problemToDiagnostic(p, trace.toString());
    const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), spec.message, SEVERITY[spec.severity]);
    d.source = 'go-trace';
    d.code = { value: spec.code, target: this.revealLink(spec.reveal) };
    if (spec.wireLine !== undefined) {
      d.relatedInformation = [
        new vscode.DiagnosticRelatedInformation(
          new vscode.Location(wireDumpUri(trace), new vscode.Range(spec.wireLine, 0, spec.wireLine, 0)),
          `the raw event at byte ${p.offset} in the wire dump`,
        ),
      ];
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
