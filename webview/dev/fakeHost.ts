/**
 * Dev page only: a stand-in for the extension host, so the webview can be worked on in a plain
 * browser (see webview/dev/README.md). It defines acquireVsCodeApi before dist/webview.js runs,
 * answers the protocol's requests with generated data after a small delay, and keeps the view
 * state in sessionStorage, so reloading the page imitates hiding and showing the tab.
 *
 * The data: generation 1 has a batch of 1,000,000 events, generation 2 one of 5,000,000 (past
 * the browser's element height limit), and some strings that look like markup or script, which
 * must show as text. For checks from a test driver, window.devHost records the messages the
 * webview sent, any alert() call and any CSP violation.
 */
import type { Filter, ProblemItem, TraceSummary, TreeNode } from '../../src/shared/protocol.js';
import type { HostMessage, WebviewMessage } from '../../src/shared/rpc.js';
import './fakeTimeline.js'; // ?view=timeline mounts the timeline with generated data

const HOSTILE = ['<img src=x onerror=alert(1)>', '</script><script>alert(2)</script>', '"><svg onload=alert(3)>'];
const EVENT_TYPES = ['GoCreate', 'GoStart', 'GoBlock', 'GoUnblock', 'GoSyscallBegin', 'ProcStart', 'ProcStop', 'UserLog', 'UserRegionBegin', 'GCBegin'];
/** Answer delay in ms; ?latency=800 makes the placeholder rows easy to see. */
const LATENCY_MS = Number(new URLSearchParams(location.search).get('latency') ?? 40);

interface DevHost {
  sent: WebviewMessage[];
  alerts: string[];
  cspViolations: string[];
  send(msg: HostMessage): void;
}

const devHost: DevHost = {
  sent: [],
  alerts: [],
  cspViolations: [],
  send: (msg) => window.postMessage(msg, '*'),
};
(window as unknown as { devHost: DevHost }).devHost = devHost;
window.alert = (m?: unknown) => void devHost.alerts.push(String(m));
document.addEventListener('securitypolicyviolation', (e) => devHost.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));

// Theme: ?theme=dark|light|hc, as VS Code sets body classes.
const theme = new URLSearchParams(location.search).get('theme') ?? 'dark';
document.body.classList.add(theme === 'light' ? 'vscode-light' : theme === 'hc' ? 'vscode-high-contrast' : 'vscode-dark');

const STATE_KEY = 'go-trace-viewer-dev-state';
(window as unknown as { acquireVsCodeApi(): unknown }).acquireVsCodeApi = () => ({
  postMessage: (msg: WebviewMessage) => {
    devHost.sent.push(msg);
    setTimeout(() => receive(msg), LATENCY_MS);
  },
  getState: () => {
    const s = sessionStorage.getItem(STATE_KEY);
    return s === null ? undefined : JSON.parse(s);
  },
  setState: (state: unknown) => sessionStorage.setItem(STATE_KEY, JSON.stringify(state)),
});

// ---- the fake trace ---------------------------------------------------------------------------

interface ChildList {
  total: number;
  at(i: number): TreeNode;
}

/** A batch of generated events; `step` thins it out under a filter. */
function eventBatch(parentId: string, count: number, filterStep: number): ChildList {
  const total = Math.floor(count / filterStep);
  return { total, at: (j) => eventNode(parentId, j * filterStep) };
}

function eventNode(parentId: string, i: number): TreeNode {
  const type = EVENT_TYPES[i % EVENT_TYPES.length];
  const g = (i * 7) % 1000;
  const node: TreeNode = {
    id: `${parentId}/e${i}`,
    kind: 'event',
    label: type,
    description: `#${i.toLocaleString('en-US')}  t=${(i * 1375).toLocaleString('en-US')} ns  G${g} P${i % 4}`,
    tooltip: `${type} at byte offset ${1024 + i * 9}`,
    childCount: 0,
    offset: 1024 + i * 9,
  };
  if (type === 'UserLog') node.description = `${node.description}  ${HOSTILE[i % HOSTILE.length]}`;
  if (i === 1500 && parentId === 'g1/b1') node.severity = 'error';
  return node;
}

let filterStep = 1;

function roots(): TreeNode[] {
  return [
    { id: 'g1', kind: 'generation', label: 'Generation 1', description: '3 batches, 1,002,000 events', childCount: 3, offset: 16, severity: 'error' },
    { id: 'g2', kind: 'generation', label: 'Generation 2', description: '1 batch, 5,000,000 events', childCount: 1, offset: 9_000_000 },
    { id: 'g3', kind: 'generation', label: 'Generation 3', description: 'truncated', childCount: 1, offset: 54_000_000, severity: 'warning' },
  ];
}

function childrenOf(parentId: string): ChildList | undefined {
  switch (parentId) {
    case 'g1':
      return list([
        { id: 'g1/b0', kind: 'batch', label: 'Batch M0', description: `${Math.floor(1_000_000 / filterStep).toLocaleString('en-US')} events`, childCount: Math.floor(1_000_000 / filterStep), offset: 64 },
        { id: 'g1/b1', kind: 'batch', label: 'Batch M1', description: 'an event with a problem', childCount: Math.floor(2000 / filterStep), offset: 8_000_000, severity: 'error' },
        { id: 'g1/strings', kind: 'table', label: 'Strings', description: `${HOSTILE.length + 2} entries`, childCount: HOSTILE.length + 2 },
      ]);
    case 'g2':
      return list([{ id: 'g2/b0', kind: 'batch', label: 'Batch M3', description: '5,000,000 events', childCount: Math.floor(5_000_000 / filterStep), offset: 9_000_100 }]);
    case 'g3':
      return list([{ id: 'g3/b0', kind: 'batch', label: 'Batch M0', description: 'cut short', childCount: 10, offset: 54_000_100, severity: 'warning' }]);
    case 'g1/b0':
      return eventBatch(parentId, 1_000_000, filterStep);
    case 'g1/b1':
      return eventBatch(parentId, 2000, filterStep);
    case 'g2/b0':
      return eventBatch(parentId, 5_000_000, filterStep);
    case 'g3/b0':
      return eventBatch(parentId, 10, 1);
    case 'g1/strings':
      return list(
        ['main.main', 'net/http.(*conn).serve', ...HOSTILE].map((s, i) => ({ id: `g1/strings/${i}`, kind: 'string', label: s, description: `id ${i + 1}`, childCount: 0 })),
      );
  }
  // Event tree: children of an event's stack.
  const stack = /^(.*)\/stack$/.exec(parentId);
  if (stack) return list(frames(stack[1]));
  return undefined;
}

function list(nodes: TreeNode[]): ChildList {
  return { total: nodes.length, at: (i) => nodes[i] };
}

function frames(eventId: string): TreeNode[] {
  const funcs = ['runtime.gopark', 'main.(*server).handle</script>', 'net/http.HandlerFunc.ServeHTTP', 'main.main'];
  return funcs.map((func, i) => ({
    id: `${eventId}/stack/${i}`,
    kind: 'frame',
    label: func,
    description: `${i === 1 ? '/src/<b>app</b>/server.go' : '/usr/lib/go/src/runtime/proc.go'}:${100 + i * 17}`,
    childCount: 0,
    frame: { func, file: i === 1 ? '/src/<b>app</b>/server.go' : '/usr/lib/go/src/runtime/proc.go', line: 100 + i * 17 },
  }));
}

function eventDetails(eventId: string): TreeNode[] {
  const i = Number(/e(\d+)$/.exec(eventId)?.[1] ?? 0);
  const type = EVENT_TYPES[i % EVENT_TYPES.length];
  return [
    { id: `${eventId}/type`, kind: 'info', label: 'type', description: type, childCount: 0 },
    { id: `${eventId}/arg/g`, kind: 'arg', label: 'g', description: String((i * 7) % 1000), childCount: 0 },
    { id: `${eventId}/arg/msg`, kind: 'arg', label: 'message', description: HOSTILE[i % HOSTILE.length], childCount: 0 },
    { id: `${eventId}/stack`, kind: 'stack', label: 'stack', description: '4 frames', childCount: 4 },
  ];
}

const problems: ProblemItem[] = [
  { code: 'bad-event', severity: 'error', message: 'event GoStart for goroutine 12 which is not runnable', offset: 8_013_509, generation: 1, batch: 1, nodeId: 'g1/b1/e1500' },
  { code: 'truncated', severity: 'warning', message: 'trace ends in the middle of a batch (generation 3 is incomplete)', offset: 54_000_190, generation: 3, nodeId: 'g3/b0' },
  { code: 'late-event', severity: 'warning', message: 'event deep in a large batch (reveal test)', offset: 6_889_912, generation: 1, batch: 0, nodeId: 'g1/b0/e765432' },
  { code: 'odd-string', severity: 'info', message: `string ${HOSTILE[0]} is not valid UTF-8`, offset: 120, generation: 1 },
];

/** Where each problem's node is: path, and indices for the reveal message. */
const problemPaths: Record<number, { path: string[]; indices: number[] }> = {
  0: { path: ['g1', 'g1/b1'], indices: [0, 1, 1500] },
  1: { path: ['g3'], indices: [2, 0] },
  2: { path: ['g1', 'g1/b0'], indices: [0, 0, 765432] },
};

// ---- the protocol -----------------------------------------------------------------------------

const FILE_SIZE = 54_000_200;

function summary(parsedBytes: number, done: boolean): TraceSummary {
  return {
    fileName: `demo-${HOSTILE[0]}.trace`,
    fileSize: FILE_SIZE,
    formatVersion: 26,
    goReleases: 'Go 1.26',
    wallClockStart: '2026-11-20T14:03:07.125Z',
    durationNs: 7_876_543_210,
    generations: 3,
    firstGeneration: 1,
    lastGeneration: 3,
    flightRecorderWindow: done ? 'last 10 s' : undefined,
    threads: 9,
    procs: 4,
    goroutines: 1000,
    events: 6_002_010,
    cpuSamples: 1234,
    problems: { errors: 1, warnings: 2, infos: 1 },
    parsedBytes,
    done,
    banner: done ? { severity: 'warning', text: `This trace is truncated: generation 3 ends early. Everything before byte 54,000,190 is shown. ${HOSTILE[1]}` } : undefined,
  };
}

/** Answers a request as the host would: a response with its id, and notifications around it. */
function receive(msg: WebviewMessage): void {
  try {
    devHost.send({ type: 'response', id: msg.id, result: answer(msg) });
  } catch (e) {
    devHost.send({ type: 'response', id: msg.id, error: e instanceof Error ? e.message : String(e) });
  }
}

function answer(msg: WebviewMessage): unknown {
  switch (msg.name) {
    case 'ready':
      // Stream the summary as a real parse would, then the rest.
      for (let step = 0; step <= 5; step++) {
        setTimeout(() => devHost.send({ type: 'summary', summary: summary((FILE_SIZE * step) / 5, step === 5) }), step * 150);
      }
      devHost.send({ type: 'roots', tree: 'generations', total: 3, nodes: roots() });
      devHost.send({ type: 'eventTypes', names: [...EVENT_TYPES, '<b>NotAType</b>'] });
      setTimeout(() => devHost.send({ type: 'problems', problems }), 800);
      return null;
    case 'getChildren': {
      const a = msg.args;
      const children = a.parentId === '' ? list(roots()) : childrenOf(a.parentId);
      if (!children) throw new Error(`no node ${a.parentId}`);
      const end = Math.min(children.total, a.offset + a.limit);
      const nodes: TreeNode[] = [];
      for (let i = a.offset; i < end; i++) nodes.push(children.at(i));
      return { total: children.total, nodes };
    }
    case 'select':
    case 'eventDetails':
      return /\/e\d+$/.test(msg.args.nodeId) ? eventDetails(msg.args.nodeId) : null;
    case 'setFilter':
      applyFilter(msg.args.filter);
      return null;
    case 'revealProblem': {
      const p = problems[msg.args.index];
      const where = problemPaths[msg.args.index];
      if (p?.nodeId && where) devHost.send({ type: 'reveal', path: where.path, select: p.nodeId, indices: where.indices });
      return Boolean(p?.nodeId && where);
    }
    case 'copyEvent':
      console.log('dev host:', JSON.stringify(msg));
      return true;
    default:
      console.log('dev host:', JSON.stringify(msg));
      return null;
  }
}

function applyFilter(filter: Filter): void {
  // Not a real filter: each criterion thins the batches out by a fixed factor.
  filterStep = 1;
  if (filter.eventTypes?.length) filterStep *= 10;
  if (filter.text) filterStep *= 7;
  if (filter.goroutine !== undefined) filterStep *= 1000;
  if (filter.proc !== undefined) filterStep *= 4;
  if (filter.thread !== undefined) filterStep *= 3;
  if (filter.fromNs !== undefined || filter.toNs !== undefined) filterStep *= 2;
  const matches = Math.floor(1_000_000 / filterStep) + Math.floor(2000 / filterStep) + Math.floor(5_000_000 / filterStep) + 10;
  setTimeout(() => {
    devHost.send({ type: 'filterApplied', filter, matches });
    devHost.send({ type: 'roots', tree: 'generations', total: 3, nodes: roots() });
  }, 150);
}
