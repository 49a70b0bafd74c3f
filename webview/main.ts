/**
 * The webview's entry point (bundled to dist/webview.js): builds the page, connects the views
 * to the host through the message protocol, and saves/restores the view state, since the page
 * is thrown away whenever its tab is hidden (retainContextWhenHidden: false).
 */
import type { Filter, FrameRef, TreeNode } from '../src/shared/protocol.js';
import type { HostNotification, RpcArgs } from '../src/shared/rpc.js';
import { codicon, debounce, el } from './dom.js';
import { sameFilter } from './filter/filterInput.js';
import { eventPaneTitle, hasEventDetails, rowDetails } from './eventPane.js';
import { FilterBar } from './filterBar.js';
import { ProblemsView } from './problemsView.js';
import { SummaryView } from './summaryView.js';
import { VirtualTree } from './tree/virtualTree.js';
import { RpcClient } from './rpc.js';
import { TimelinePane } from './timelinePane.js';
import { parseViewState, treeViewState, type ViewState } from './viewState.js';
import { vscodeApi } from './vscodeApi.js';

/** Children of event-tree rows (args, stacks) are opened right away up to this count. */
const AUTO_EXPAND_EVENT_ROWS = 64;
/** Arrowing through events asks the host for details only once the cursor rests. */
const SELECT_DEBOUNCE_MS = 120;
const SAVE_STATE_DEBOUNCE_MS = 200;

const api = vscodeApi();
// A failed request shows in the error box (showError is hoisted; the box exists before any answer).
const rpc = new RpcClient((message) => api.postMessage(message), (message) => showError(message));
const saved: ViewState = parseViewState(api.getState());

// ---- layout ---------------------------------------------------------------------------------

const app = document.getElementById('app') ?? document.body.appendChild(el('div', 'app'));
/** The trace's file name, in the page from the start (webviewHtml.ts), so the reading state names it at once. */
const fileName = app.dataset.fileName ?? '';
const filterBar = new FilterBar((filter) => {
  void rpc.call('setFilter', { filter });
  timelinePane.setFilter(filter);
  // Saved at once: the tab may be hidden (and this page destroyed) right after.
  saveState();
  saveState.flush();
  if (!treeShowsFilter()) treeStatus.textContent = 'Filtering…';
});
const summary = new SummaryView(() => filterBar.element, fileName);
const problems = new ProblemsView(
  (index) => void rpc.call('revealProblem', { index }),
  () => saveState(),
);
const timelinePane = new TimelinePane(
  rpc,
  { reveal: (loc) => generationTree.revealNode(loc.path, loc.select), onStateChange: () => saveState(), notice: (text) => showError(text) },
  saved.timeline,
);
const errorBox = el('div', 'error-box');
errorBox.id = 'error';
errorBox.setAttribute('role', 'alert');
errorBox.hidden = true;

const generationPane = pane('Generations');
const generationHost = el('div');
generationHost.id = 'generation-tree';
/**
 * Says why the generation tree is empty: the trace is being read, or the filter in the box is being
 * applied (the tree only shows rows of the filter the box holds: see the 'roots' message).
 */
const treeStatus = el('div', 'pane-empty tree-status', `Reading ${fileName || 'the trace'}…`);
treeStatus.id = 'tree-status';
treeStatus.setAttribute('role', 'status');
generationPane.append(treeStatus, generationHost);

const eventPane = pane('Event');
const eventTitle = eventPane.querySelector<HTMLElement>('.pane-title-detail')!;
const eventEmpty = el('div', 'pane-empty', 'Select an event to see its arguments and stack, or any row to see what it is.');
const eventHost = el('div');
eventHost.id = 'event-tree';
eventPane.append(eventEmpty, eventHost);

const panes = el('main', 'panes');
panes.append(generationPane, eventPane);
app.replaceChildren(header(), filterBar.element, errorBox, timelinePane.element, panes, problems.element);

function pane(title: string): HTMLElement {
  const section = el('section', 'pane');
  section.setAttribute('aria-label', title);
  const heading = el('h2', 'pane-title');
  heading.append(el('span', undefined, title), el('span', 'pane-title-detail'));
  section.append(heading);
  return section;
}

function header(): HTMLElement {
  const top = el('header', 'top');
  const actions = el('div', 'actions');
  actions.append(
    actionButton('graph-line', 'Show or hide the timeline', () => timelinePane.toggle()),
    actionButton('file-binary', 'Show the wire dump (at the selected row)', () => {
      const offset = generationTree.selectedNode()?.offset;
      void rpc.call('showWireDump', offset === undefined ? {} : { offset });
    }),
    actionButton('go-to-file', 'Open the file as text', () => void rpc.call('openAsText', {})),
  );
  top.append(summary.element, actions);
  return top;
}

function actionButton(icon: string, label: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', 'icon-button');
  b.type = 'button';
  b.title = label;
  b.setAttribute('aria-label', label);
  b.append(codicon(icon));
  b.addEventListener('click', onClick);
  return b;
}

// ---- trees ----------------------------------------------------------------------------------

/** The event whose details the event tree is waiting for. */
let detailsFor: string | undefined;
/** The event whose details the event tree shows. */
let shownEvent: string | undefined;
/** Focus the event tree when the details for this event arrive (Enter on an event row). */
let focusEventTreeFor: string | undefined;
/** The saved event-tree scroll applies to the first details only: those of the saved selection. */
let restoreEventScroll = saved.generations.selected !== undefined;

const sendSelect = debounce((node: TreeNode) => select(node.id), SELECT_DEBOUNCE_MS);

/** Asks the host for a row's details (it also remembers the row for Copy Event and the wire dump). */
function select(nodeId: string): void {
  detailsFor = nodeId;
  void rpc.call('select', { nodeId }).then((nodes) => {
    if (nodes) showDetails(nodeId, nodes);
  });
}

const getChildren = (args: RpcArgs<'getChildren'>) => rpc.call('getChildren', args);
const openFrame = (frame: FrameRef) => void rpc.call('openFrame', { frame });
const copyEvent = (node: TreeNode) => void rpc.call('copyEvent', { nodeId: node.id });

const generationTree = new VirtualTree(generationHost, {
  treeId: 'generations',
  label: 'Generations, batches and events',
  getChildren,
  onSelect: (node) => {
    if (!node) return;
    // Another row: what the row says at once, then what the host knows of it (nodeDetails).
    if (node.kind !== 'event') showDetails(node.id, rowDetails(node), true);
    sendSelect(node);
  },
  onActivate: (node) => {
    if (node.frame) {
      openFrame(node.frame);
      return true;
    }
    if (hasEventDetails(node)) {
      if (shownEvent === node.id) {
        sendSelect.cancel();
        eventTree.focus();
      } else {
        focusEventTreeFor = node.id;
        sendSelect(node);
        sendSelect.flush();
      }
      return true;
    }
    return false;
  },
  onCopy: copyEvent,
  onViewChange: () => saveState(),
});

const eventTree = new VirtualTree(eventHost, {
  treeId: 'event',
  label: 'Event arguments and stacks',
  getChildren,
  autoExpandRoots: AUTO_EXPAND_EVENT_ROWS,
  onActivate: (node) => {
    if (!node.frame) return false;
    openFrame(node.frame);
    return true;
  },
  onCopy: copyEvent,
  onViewChange: () => saveState(),
});

/** Whether the event tree shows the row's own text (rowDetails) rather than the host's details. */
let shownFromRow = false;

function showDetails(nodeId: string, nodes: TreeNode[], fromRow = false): void {
  if (detailsFor !== undefined && nodeId !== detailsFor && !fromRow) return; // the cursor moved on since
  detailsFor = nodeId;
  if (nodeId !== shownEvent || shownFromRow) eventTree.replaceRoots(nodes.length, nodes, restoreEventScroll && !fromRow);
  shownEvent = nodeId;
  shownFromRow = fromRow;
  restoreEventScroll = false;
  eventHost.classList.add('loaded');
  eventEmpty.hidden = true;
  const selected = generationTree.selectedNode();
  eventTitle.textContent = selected?.id === nodeId ? eventPaneTitle(selected, generationTree.parentOf(nodeId)) : '';
  if (focusEventTreeFor === nodeId) {
    focusEventTreeFor = undefined;
    eventTree.focus();
  }
}

// ---- state ----------------------------------------------------------------------------------

let problemsOpen = saved.problemsOpen;

const saveState = debounce(() => {
  problemsOpen = problems.element.open;
  const state: ViewState = {
    version: 1,
    generations: generationTree.viewState(),
    event: eventTree.viewState(),
    filter: filterBar.current(),
    problemsOpen,
  };
  const timeline = timelinePane.state;
  if (timeline) state.timeline = timeline;
  if (timelinePane.shown) state.timelineShown = true;
  state.generations = treeViewState(state.generations.expanded, state.generations.selected, state.generations.scrollTop);
  state.event = treeViewState(state.event.expanded, state.event.selected, state.event.scrollTop);
  const focused = document.activeElement;
  if (focused === eventHost) state.focus = 'event';
  else if (focused === generationHost) state.focus = 'generations';
  api.setState(state);
}, SAVE_STATE_DEBOUNCE_MS);

// Hiding the tab destroys the page; save what is pending first.
window.addEventListener('pagehide', () => saveState.flush());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') saveState.flush();
});
document.addEventListener('focusin', () => saveState());

// ---- messages -------------------------------------------------------------------------------

/** The filter the host's data reflect: none until it says otherwise. */
let appliedFilter: Filter = {};
/** The filter whose matches the generation tree shows; undefined before the first rows. */
let rootsFilter: Filter | undefined;
const treeShowsFilter = (): boolean => rootsFilter !== undefined && sameFilter(rootsFilter, filterBar.current());

function handle(msg: HostNotification): void {
  switch (msg.type) {
    case 'summary':
      summary.update(msg.summary);
      return;
    case 'roots':
      // Only the rows of the filter the box holds: after a tab switch the host first sends the
      // unfiltered ones, while the restored filter is still being applied.
      if (!sameFilter(msg.filter ?? {}, filterBar.current())) return;
      rootsFilter = msg.filter ?? {};
      generationTree.setRoots(msg.total, msg.nodes);
      treeStatus.hidden = true;
      return;
    case 'eventDetails':
      showDetails(msg.nodeId, msg.nodes);
      return;
    case 'problems':
      problems.update(msg.problems);
      return;
    case 'eventTypes':
      filterBar.setEventTypes(msg.names);
      return;
    case 'showTimeline':
      if (msg.nodeId) void timelinePane.showRow(msg.nodeId);
      else timelinePane.show(true);
      return;
    case 'reveal':
      generationTree.revealNode(msg.path, msg.select, msg.indices);
      generationTree.focus();
      return;
    case 'filterApplied':
      // The host cleared the filter itself (to reveal a row): the box follows.
      if (msg.reset) filterBar.show(msg.filter);
      // Children under the top-level rows are counted anew under the new filter.
      if (!sameFilter(appliedFilter, msg.filter)) generationTree.invalidateChildren();
      appliedFilter = msg.filter;
      filterBar.applied(msg.filter, msg.matches, msg.done !== false, msg.waiting === true);
      // The box's filter (restored, or reset by the host) reaches the timeline too.
      timelinePane.setFilter(filterBar.current());
      saveState();
      return;
    case 'error':
      showError(msg.message);
      return;
  }
}

function showError(message: string): void {
  const close = el('button', 'icon-button');
  close.type = 'button';
  close.title = 'Dismiss';
  close.setAttribute('aria-label', 'Dismiss');
  close.append(codicon('close'));
  close.addEventListener('click', () => {
    errorBox.hidden = true;
  });
  errorBox.replaceChildren(codicon('error'), el('span', 'error-text', message), close);
  errorBox.hidden = false;
}

// Ctrl+F (Cmd+F): the filter bar, as VS Code's own lists go to their filter (the webview has no
// find widget: enableFindWidget is off).
document.addEventListener(
  'keydown',
  (e) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f') {
      e.preventDefault();
      e.stopPropagation();
      filterBar.focusText();
    }
  },
  true,
);

window.addEventListener('message', (e: MessageEvent) => {
  const msg = rpc.receive(e.data);
  if (msg !== undefined && msg !== true) handle(msg);
});

// ---- start ----------------------------------------------------------------------------------

generationTree.restoreViewState(saved.generations);
eventTree.restoreViewState(saved.event);
filterBar.show(saved.filter, true);
problems.open = problemsOpen;
if (Object.keys(saved.filter).length > 0) treeStatus.textContent = 'Filtering…';
void rpc.call('ready', {});
if (Object.keys(saved.filter).length > 0) void rpc.call('setFilter', { filter: saved.filter });
if (saved.generations.selected !== undefined) select(saved.generations.selected);
if (saved.timelineShown) timelinePane.show(true);
(saved.focus === 'event' ? eventTree : generationTree).focus();
