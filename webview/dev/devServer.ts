/**
 * Dev page only: serves the webview page, as getWebviewHtml makes it (same CSP and nonce),
 * with the fake host and the theme stand-ins added, on 127.0.0.1. Built and started by
 * webview/dev/build.mjs --serve; see webview/dev/README.md.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { getWebviewHtml, makeNonce } from '../../src/extension/webviewHtml.js';

const root = process.argv[2] ?? process.cwd();
const port = Number(process.argv[3] ?? 5173);
const origin = `http://127.0.0.1:${port}`;

/** Only what the page loads is served. */
const ALLOWED = ['dist/', 'out/webview-dev/', 'media/', 'node_modules/@vscode/codicons/dist/', 'webview/dev/themes.css'];
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.map': 'application/json' };

class DevUri {
  constructor(readonly path: string) {}
  with(change: { path: string }): DevUri {
    return new DevUri(change.path);
  }
}

function page(): string {
  const nonce = makeNonce();
  const html = getWebviewHtml({ cspSource: origin, asWebviewUri: (u: DevUri) => `${origin}${u.path}` }, new DevUri(''), nonce);
  const extra =
    `<link rel="stylesheet" nonce="${nonce}" href="${origin}/webview/dev/themes.css">\n` +
    `  <script nonce="${nonce}" src="${origin}/out/webview-dev/fakeHost.js"></script>\n  <script nonce`;
  // The fake host must run before the webview script: insert it right before that tag.
  return html.replace('<script nonce', extra);
}

createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', origin).pathname)).replace(/^\/+/, '');
  if (path === '' || path === 'index.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(page());
    return;
  }
  if (path === 'favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  if (path.includes('..') || !ALLOWED.some((a) => path === a || path.startsWith(a))) {
    res.writeHead(404).end();
    return;
  }
  try {
    const body = await readFile(join(root, path));
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
}).listen(port, '127.0.0.1', () => console.log(`dev page: ${origin}/?theme=dark (or light, hc)`));
