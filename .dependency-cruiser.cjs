/**
 * The layers (docs/ARCHITECTURE.md, "Layers"), checked by `npm run lint:deps`, which
 * `npm run test:unit` runs. Type-only imports count: they couple modules as much as any.
 * Tests (test/) may import the parser's internals, since they test them.
 * Violations known when a rule came in are listed in .dependency-cruiser-known-violations.json
 * and not reported; any other fails the check. Fix one, then drop it from that file.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'parser-is-pure',
      comment:
        'src/parser is a library with no VS Code, Node or DOM API (it runs in a worker or a browser): ' +
        'it imports nothing outside src/parser. tsconfig.parser.json checks the globals it uses.',
      severity: 'error',
      from: { path: '^src/parser/' },
      to: { pathNot: '^src/parser/' },
    },
    {
      name: 'parser-through-index',
      comment: 'Analysis, the extension, the CLI, src/node, bench and the webview use the parser only through src/parser/index.ts.',
      severity: 'error',
      from: { path: '^(src/(analysis|extension|cli|node)|bench|webview)/' },
      to: { path: '^src/parser/', pathNot: '^src/parser/index\\.ts$' },
    },
    {
      name: 'parser-root-is-top',
      comment:
        "The parser's root modules (index, check, openTrace, eventView) sit above its folders, which " +
        'import from the root only the modules every stage reports into or reads from: the ' +
        'problem modules (problems, problemList, problemCodes, ...), checkResult, traceReader.',
      severity: 'error',
      from: { path: '^src/parser/[^/]+/' },
      to: { path: '^src/parser/[^/]+\\.ts$', pathNot: '^src/parser/(problem[A-Za-z]*|checkResult|traceReader)\\.ts$' },
    },
    {
      name: 'analysis-over-parser',
      comment: 'src/analysis (passes over the ordered stream, run in the worker) imports only the parser (its index) and itself.',
      severity: 'error',
      from: { path: '^src/analysis/' },
      to: { pathNot: ['^src/analysis/', '^src/parser/index\\.ts$'] },
    },
    {
      name: 'webview-is-isolated',
      comment:
        'The webview (a browser page) imports only src/shared and itself. webview/dev/build.mjs and ' +
        'devServer.ts are Node programs that build and serve the dev page, not part of it.',
      severity: 'error',
      from: { path: '^webview/', pathNot: '^webview/dev/(build\\.mjs|devServer\\.ts)$' },
      to: { pathNot: '^(webview|src/shared)/' },
    },
    {
      name: 'shared-is-isolated',
      comment: 'src/shared (the host/webview protocol) imports nothing outside src/shared.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { pathNot: '^src/shared/' },
    },
    {
      name: 'model-without-vscode',
      comment: 'The model (src/extension/model) runs in the parse worker, where there is no vscode module.',
      severity: 'error',
      from: { path: '^src/extension/model/' },
      to: { path: '^vscode$|^node_modules/@types/vscode/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles between modules (type-only imports included).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular-folders',
      comment: 'No import cycles between folders either (order/ and v1/ importing each other, say).',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
