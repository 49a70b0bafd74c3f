/**
 * The webview's HTML page: a strict Content Security Policy with a fresh nonce, the bundled
 * script, our stylesheet and the codicon font. Nothing else lives here, and nothing here imports
 * `vscode` at run time, so the page can be built in unit tests and by the dev server
 * (webview/dev/) with stand-ins for the webview and the extension URI.
 *
 * The page has no trace data in it: everything from the trace arrives later as messages and is
 * set with textContent by the webview. It names the file (escaped), and says it is being read, so
 * that something shows the moment the page loads, before the script has run or the host has
 * answered (a fresh window can take seconds to create its first webview).
 */

/** What we need of a vscode.Uri: its path and a copy with another path. */
export interface ResourceUri<U> {
  readonly path: string;
  with(change: { path: string }): U;
}

/** What we need of a vscode.Webview. */
export interface WebviewLike<U> {
  readonly cspSource: string;
  asWebviewUri(uri: U): { toString(): string };
}

/**
 * Folders (relative to the extension) the page loads from. The host passes them as the
 * webview's localResourceRoots; .vscodeignore must keep their files in the .vsix.
 */
export const WEBVIEW_RESOURCE_DIRS = ['dist', 'media', 'node_modules/@vscode/codicons/dist'] as const;

const SCRIPT = 'dist/webview.js';
const STYLES = ['node_modules/@vscode/codicons/dist/codicon.css', 'media/webview.css'];

export function getWebviewHtml<U extends ResourceUri<U>>(webview: WebviewLike<U>, extensionUri: U, nonce = makeNonce(), fileName = ''): string {
  const src = (relative: string) => escapeAttr(webview.asWebviewUri(joinPath(extensionUri, relative)).toString());
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
  ].join('; ');
  const styles = STYLES.map((s) => `  <link rel="stylesheet" nonce="${nonce}" href="${src(s)}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
  <title>Go Trace Viewer</title>
</head>
<body>
  <div id="app" class="app" data-file-name="${escapeAttr(fileName)}">
    <div id="startup" class="startup" role="status"><span class="codicon codicon-loading codicon-modifier-spin" aria-hidden="true"></span> Reading ${escapeAttr(fileName || 'the trace')}…</div>
  </div>
  <script nonce="${nonce}" src="${src(SCRIPT)}"></script>
</body>
</html>
`;
}

/** Like vscode.Uri.joinPath for a relative path with forward slashes. */
function joinPath<U extends ResourceUri<U>>(base: U, relative: string): U {
  return base.with({ path: `${base.path.replace(/\/+$/, '')}/${relative}` });
}

/** 32 random alphanumerics: a nonce nobody can guess, new for every page. */
export function makeNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  // 256 % 62 != 0 makes this very slightly uneven; irrelevant for a nonce of 32 characters.
  return Array.from(bytes, (b) => chars[b % chars.length]).join('');
}

/** Escapes text for a double-quoted attribute value or element content. */
function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
