/**
 * One editor panel of a trace: answers the webview's requests (src/shared/rpc.ts) and sends the
 * document's progress back. Requests the parse worker serves are checked and forwarded to it as
 * they are, and its answer goes back as is; the others are answered here (hostHandlers). Each
 * panel is a "view" for the worker, with its own filter.
 */
import * as vscode from 'vscode';
import { PAGE_SIZE, type Filter, type FrameRef, type TreeNode } from '../shared/protocol.js';
import type { FilterAnswer, FilterStatus, HostMessage, RpcRequestMessage, WorkerServed } from '../shared/rpc.js';
import { logDroppedMessage } from './droppedMessages.js';
import { answerWebviewMessage, type HostHandlers } from './requestRouter.js';
import type { TraceDocument, TraceDocumentChange } from './traceDocument.js';
import type { WorkerClient } from './workerClient.js';
import { isEmptyFilter } from './model/filter.js';
import { isEventNodeId } from './model/nodeIds.js';

/** What a panel needs from the rest of the extension. */
export interface PanelServices {
  openFrame(frame: FrameRef, beside: vscode.ViewColumn | undefined): Promise<void>;
  showWireDump(trace: vscode.Uri, offset?: number): Promise<void>;
  openAsText(trace: vscode.Uri): Promise<void>;
}

let nextViewId = 1;

export class WebviewPanelController implements vscode.Disposable {
  readonly viewId = `view${nextViewId++}`;
  /** The event last selected in this panel (for Copy Event); undefined when another row is. */
  selectedNodeId: string | undefined;
  /** Byte offset of the row last selected, event or batch (for Show Wire Dump). */
  selectedOffset: number | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private ready = false;
  private sentGenerations = -1;
  private sentSummaries: string | undefined;
  private filtered = false;
  /** The filter the worker applied for this view (what the root rows are the matches of). */
  private appliedFilter: Filter = {};
  /** The filter the webview asked for last: applied again when the file is reloaded. */
  private wantedFilter: Filter = {};

  constructor(
    readonly document: TraceDocument,
    readonly panel: vscode.WebviewPanel,
    private readonly services: PanelServices,
  ) {
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
      document.onDidChange((c) => void this.documentChanged(c)),
    );
  }

  post(m: HostMessage): void {
    void this.panel.webview.postMessage(m);
  }

  /** Selects and shows a node, expanding its ancestors. */
  async reveal(location: { path: string[]; select: string }): Promise<void> {
    if (this.filtered) await this.clearFilter();
    this.post({ type: 'reveal', path: location.path, select: location.select });
    const nodes = await this.select(location.select);
    if (nodes) this.post({ type: 'eventDetails', nodeId: location.select, nodes });
  }

  private receive(raw: unknown): Promise<void> {
    return answerWebviewMessage(raw, { forward: (r) => this.forward(r), host: this.hostHandlers, dropped: logDroppedMessage }, (m) => this.post(m));
  }

  /** A request the worker answers: sent on as it is, with this panel's view. */
  private async forward(r: RpcRequestMessage<WorkerServed>): Promise<unknown> {
    // Kept even without a worker: a reloaded file applies it again.
    if (r.name === 'setFilter') this.wantedFilter = r.args.filter;
    const client = this.document.client;
    if (!client) throw new Error('the trace is closed');
    if (r.name === 'setFilter') {
      // The host follows the run (the filterApplied notifications); the first answer goes back.
      const { first, followed } = await this.startFilter(client, r.args.filter);
      followed.catch((e: unknown) => this.post({ type: 'error', message: e instanceof Error ? e.message : String(e) }));
      return first;
    }
    return client.request(r.name, r.args, this.viewId);
  }

  /** The requests the host answers itself, one handler each (the table says which: 'host'). */
  private readonly hostHandlers: HostHandlers = {
    ready: async () => {
      this.ready = true;
      // A webview that was hidden starts over (retainContextWhenHidden is off): so does its
      // filter (a restored one comes next, as setFilter). Dropped before the roots are asked:
      // the worker answers in order, so no need to wait for it.
      this.filtered = false;
      this.appliedFilter = {};
      this.document.client?.request('dropView', {}, this.viewId).catch(() => undefined);
      await this.sendAll();
      return null;
    },
    select: (a) => this.select(a.nodeId),
    openFrame: async (a) => {
      await this.services.openFrame(a.frame, this.panel.viewColumn);
      return null;
    },
    copyEvent: (a) => this.copyEvent(a.nodeId),
    revealProblem: async (a) => {
      const client = this.document.client;
      const p = this.document.state.problems[a.index];
      if (!p || !client) return false;
      const loc = p.nodeId ? await client.request('pathTo', { nodeId: p.nodeId }) : await client.request('locateOffset', { offset: p.offset });
      if (!loc) return false;
      await this.reveal(loc);
      return true;
    },
    showWireDump: async (a) => {
      await this.services.showWireDump(this.document.uri, a.offset);
      return null;
    },
    openAsText: async () => {
      await this.services.openAsText(this.document.uri);
      return null;
    },
  };

  /**
   * A row was selected: its details for the event pane, an event's tree or another row's facts
   * (none: the webview shows the row's own text).
   */
  async select(nodeId: string): Promise<TreeNode[] | null> {
    this.selectedNodeId = isEventNodeId(nodeId) ? nodeId : undefined;
    this.selectedOffset = undefined;
    const nodes = await this.document.client?.request('eventDetails', { nodeId });
    if (!nodes) return null;
    this.selectedOffset = nodes.find((n) => n.offset !== undefined)?.offset;
    return nodes;
  }

  /** The byte offset of a row (an event or a batch), from its details; undefined if it has none. */
  async offsetOf(nodeId: string): Promise<number | undefined> {
    const nodes = await this.document.client?.request('eventDetails', { nodeId });
    return nodes?.find((n) => n.offset !== undefined)?.offset;
  }

  /** The first frame of an event's first stack (Go to Source); undefined if it has none. */
  async firstFrame(nodeId: string): Promise<FrameRef | undefined> {
    const client = this.document.client;
    const roots = await client?.request('eventDetails', { nodeId });
    if (!client || !roots) return undefined;
    const direct = roots.find((n) => n.frame);
    if (direct?.frame) return direct.frame;
    for (const stack of roots.filter((n) => n.kind === 'stack' && n.childCount > 0)) {
      const page = await client.request('getChildren', { tree: 'event', parentId: stack.id, offset: 0, limit: 1 }, this.viewId);
      const frame = page.nodes.find((n) => n.frame)?.frame;
      if (frame) return frame;
    }
    return undefined;
  }

  /** Opens a frame beside this panel. */
  openFrame(frame: FrameRef): Promise<void> {
    return this.services.openFrame(frame, this.panel.viewColumn);
  }

  /** Sets the view's filter in the worker: its first answer, and the following of its run. */
  private async startFilter(client: WorkerClient, filter: Filter): Promise<{ first: FilterAnswer; followed: Promise<void> }> {
    const first = await client.request('setFilter', { filter }, this.viewId);
    return { first, followed: this.followFilter(client, filter, first) };
  }

  /** Posts the filter's count and first page, then again as the run in the worker goes on. */
  private async followFilter(client: WorkerClient, filter: Filter, first: FilterAnswer): Promise<void> {
    if (first === null) return; // replaced by a newer filter
    if ('error' in first) {
      this.post({ type: 'error', message: `Filter: ${first.error}` });
      return;
    }
    let r: FilterStatus = first;
    this.filtered = !isEmptyFilter(filter);
    this.appliedFilter = filter;
    this.postFilterStatus(filter, r);
    await this.sendRoots(true);
    // The run goes on in the worker: the count and the first page follow it until it is done.
    while (!r.done) {
      const next: FilterAnswer = await client.request('filterProgress', { run: r.run }, this.viewId).catch(() => null);
      if (next === null) return; // replaced, or the worker stopped
      if ('error' in next) {
        this.post({ type: 'error', message: `Filter: ${next.error}` });
        return;
      }
      const changed = next.matches !== r.matches || next.done || next.waiting !== r.waiting;
      r = next;
      if (!changed) continue;
      this.postFilterStatus(filter, r);
      await this.sendRoots(true);
    }
  }

  private postFilterStatus(filter: Filter, r: FilterStatus): void {
    this.post({ type: 'filterApplied', filter, matches: r.matches, ...(r.done ? {} : { done: false }), ...(r.waiting ? { waiting: true } : {}) });
  }

  async copyEvent(nodeId: string | undefined = this.selectedNodeId): Promise<boolean> {
    if (!nodeId) return false;
    const text = await this.document.client?.request('eventText', { nodeId });
    if (!text) return false;
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage('Go Trace: event copied', 3000);
    return true;
  }

  private async clearFilter(): Promise<void> {
    this.filtered = false;
    this.appliedFilter = {};
    this.wantedFilter = {};
    await this.document.client?.request('setFilter', { filter: {} }, this.viewId);
    this.post({ type: 'filterApplied', filter: {}, matches: this.document.state.summary?.events ?? 0, reset: true });
    await this.sendRoots(true);
  }

  /** What the document has, posted at once (no worker round trip), then the first page of roots. */
  private async sendAll(): Promise<void> {
    const s = this.document.state;
    if (s.summary) this.post({ type: 'summary', summary: s.summary });
    this.post({ type: 'problems', problems: s.problems });
    this.post({ type: 'eventTypes', names: s.eventTypes });
    if (s.failure) this.post({ type: 'error', message: s.failure });
    await this.sendRoots(true);
  }

  /** The first page of root rows; with `force` false only when the number of generations changed. */
  private async sendRoots(force: boolean): Promise<void> {
    const client = this.document.client;
    const generations = this.document.state.generations;
    // The summary roots change in place (computing, then done) without changing the count.
    const summaries = this.document.state.summary?.summaries;
    if (!client || (!force && (this.filtered || (generations === this.sentGenerations && summaries === this.sentSummaries)))) return;
    this.sentGenerations = generations;
    this.sentSummaries = summaries;
    const filter = this.filtered ? this.appliedFilter : undefined;
    const r = await client.request('getChildren', { tree: 'generations', parentId: '', offset: 0, limit: PAGE_SIZE }, this.viewId);
    this.post({ type: 'roots', tree: 'generations', total: r.total, nodes: r.nodes, ...(filter ? { filter } : {}) });
  }

  private async documentChanged(c: TraceDocumentChange): Promise<void> {
    if (!this.ready) return;
    try {
      if (c.kind === 'reloaded') {
        this.filtered = false;
        this.appliedFilter = {};
        this.sentGenerations = -1;
        this.selectedNodeId = undefined;
        this.selectedOffset = undefined;
        await this.sendAll();
        // The box still holds the filter: the new worker applies it too.
        const client = this.document.client;
        if (client && !isEmptyFilter(this.wantedFilter)) await (await this.startFilter(client, this.wantedFilter)).followed;
        return;
      }
      const s = this.document.state;
      if (s.summary) this.post({ type: 'summary', summary: s.summary });
      if (c.problemsChanged) this.post({ type: 'problems', problems: s.problems });
      if (c.eventTypesChanged) this.post({ type: 'eventTypes', names: s.eventTypes });
      if (s.failure) this.post({ type: 'error', message: s.failure });
      await this.sendRoots(false);
    } catch {
      // The worker was replaced (reload) or stopped; the next change sends the new state.
    }
  }

  dispose(): void {
    void this.document.client?.request('dropView', {}, this.viewId).catch(() => undefined);
    for (const s of this.subscriptions) s.dispose();
  }
}
