import * as assert from 'node:assert/strict';
import { getWebviewHtml, makeNonce, WEBVIEW_RESOURCE_DIRS } from '../../src/extension/webviewHtml.js';

class FakeUri {
  constructor(readonly path: string) {}
  with(change: { path: string }): FakeUri {
    return new FakeUri(change.path);
  }
}
const webview = { cspSource: 'https://res.example', asWebviewUri: (u: FakeUri) => `https://res.example${u.path}` };

describe('getWebviewHtml', () => {
  it('sets a strict CSP with the nonce on every script and stylesheet', () => {
    const html = getWebviewHtml(webview, new FakeUri('/ext/'), 'N0nce');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    assert.equal(
      csp,
      "default-src 'none'; style-src https://res.example 'nonce-N0nce'; script-src 'nonce-N0nce'; font-src https://res.example; img-src https://res.example data:",
    );
    assert.match(html, /<script nonce="N0nce" src="https:\/\/res\.example\/ext\/dist\/webview\.js"><\/script>/);
    assert.match(html, /<link rel="stylesheet" nonce="N0nce" href="https:\/\/res\.example\/ext\/media\/webview\.css">/);
    assert.match(html, /href="https:\/\/res\.example\/ext\/node_modules\/@vscode\/codicons\/dist\/codicon\.css"/);
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script, no inline code');
    assert.doesNotMatch(html, /style="/, 'no inline styles');
  });

  it('loads only from the resource folders the host allows', () => {
    const html = getWebviewHtml(webview, new FakeUri('/ext'), 'n');
    const urls = Array.from(html.matchAll(/(?:src|href)="https:\/\/res\.example\/ext\/([^"]+)"/g), (m) => m[1]);
    assert.equal(urls.length, 3);
    for (const u of urls) assert.ok(WEBVIEW_RESOURCE_DIRS.some((d) => u.startsWith(`${d}/`)), u);
  });

  it('names the file and says it is being read before the script runs, the name as text', () => {
    const html = getWebviewHtml(webview, new FakeUri('/ext'), 'n', 'big.trace');
    assert.match(html, /<div id="app" class="app" data-file-name="big\.trace">/);
    assert.match(html, /<div id="startup"[^>]*role="status"[^>]*>.*Reading big\.trace…<\/div>/);
    const odd = getWebviewHtml(webview, new FakeUri('/ext'), 'n', '<img src=x onerror=alert(1)>"\'&.trace');
    assert.doesNotMatch(odd, /<img/);
    assert.match(odd, /data-file-name="&lt;img src=x onerror=alert\(1\)&gt;&quot;'&amp;\.trace"/);
    assert.match(getWebviewHtml(webview, new FakeUri('/ext'), 'n'), /Reading the trace…/);
  });

  it('makes a fresh 32-character nonce every time', () => {
    const a = makeNonce();
    assert.match(a, /^[A-Za-z0-9]{32}$/);
    assert.notEqual(a, makeNonce());
    const html1 = getWebviewHtml(webview, new FakeUri('/ext'));
    const html2 = getWebviewHtml(webview, new FakeUri('/ext'));
    assert.notEqual(/nonce-(\w+)/.exec(html1)?.[1], /nonce-(\w+)/.exec(html2)?.[1]);
  });
});
