/**
 * Activation: the custom editor for Go traces, the Problems panel entries, the wire dump
 * documents, the reveal links and the commands.
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands.js';
import { TraceDiagnostics, type RevealLinkStyle } from './diagnostics.js';
import { OTHER_FILES_VIEW_TYPE, TraceEditorProvider, VIEW_TYPE } from './traceEditorProvider.js';
import { TraceStatusBar } from './statusBar.js';
import { RevealUriHandler } from './uriHandler.js';
import { WireDumpProvider } from './wireDumpProvider.js';
import { WIRE_DUMP_SCHEME } from './wireDumpUri.js';

export function activate(context: vscode.ExtensionContext): void {
  const diagnostics = new TraceDiagnostics(context.extension.id, revealLinkStyle());
  // The dump's windows come from the parse worker of the trace's open viewer.
  const wireDumps: WireDumpProvider = new WireDumpProvider((trace) => provider.controllerFor(trace)?.document.client);
  const provider: TraceEditorProvider = new TraceEditorProvider(context.extensionUri, diagnostics, wireDumps);
  context.subscriptions.push(
    diagnostics,
    wireDumps,
    provider,
    new TraceStatusBar(provider),
    // One provider, two view types: *.trace opens in it by default, other files (trace.out) on request.
    ...[VIEW_TYPE, OTHER_FILES_VIEW_TYPE].map((viewType) =>
      vscode.window.registerCustomEditorProvider(viewType, provider, {
        // The webview saves its own state (setState) and restores it when shown again. No find
        // widget: Ctrl+F goes to the viewer's filter bar (webview/main.ts).
        webviewOptions: { retainContextWhenHidden: false, enableFindWidget: false },
        supportsMultipleEditorsPerDocument: true,
      }),
    ),
    vscode.workspace.registerTextDocumentContentProvider(WIRE_DUMP_SCHEME, wireDumps),
    vscode.window.registerUriHandler(new RevealUriHandler((t) => provider.reveal(t))),
    ...registerCommands(provider),
  );
}

export function deactivate(): void {}

/**
 * The Problems panel opens a diagnostic code's target with the workbench's opener service. Both
 * forms reach us: <uriScheme>://<extension id>/reveal?... goes to our UriHandler, and
 * command:goTrace.revealProblem?[...] runs the command; both were checked in code-server 4.139.1
 * (where uriScheme is "code-oss"). The URI handler form is used, the command stays registered as
 * the fallback (switch here if a host ever drops one route).
 */
function revealLinkStyle(): RevealLinkStyle {
  return 'uriHandler';
}
