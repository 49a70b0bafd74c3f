/**
 * A virtualized, lazily loaded tree view: only the rows on screen exist in the DOM (recycled as
 * the user scrolls), children are asked from the host a page at a time when a node is expanded
 * or scrolled into view, and placeholder rows stand in while a page is on its way.
 *
 * Accessibility follows the WAI-ARIA tree pattern with aria-activedescendant: the container
 * (role=tree) keeps the keyboard focus and points at the active row (role=treeitem). Rows are
 * flat siblings, so each carries aria-level, aria-setsize and aria-posinset.
 *
 * The data is in TreeModel, the scroll arithmetic in virtualRange, the keys in keyNavigation and
 * typeToFind: this file is the DOM glue.
 */
import { PAGE_SIZE, type TreeId, type TreeNode } from '../../src/shared/protocol.js';
import type { ChildPage, RpcArgs } from '../../src/shared/rpc.js';
import { el } from '../dom.js';
import type { TreeViewState } from '../viewState.js';
import { isMoveKey, moveTarget } from './keyNavigation.js';
import { createRowElement, fillRow, rowIndexOf } from './rowRenderer.js';
import { isExpandable, ROOT_ID, TreeModel, type PageRequest, type Row } from './treeModel.js';
import { labelMatches, TypeAheadBuffer, typeAheadChar } from './typeToFind.js';
import {
  clampVirtualTop,
  physicalTop,
  revealRow,
  rowOffset,
  rowsPerPage,
  scrollScale,
  spacerHeight,
  virtualTopFromPhysical,
  visibleRange,
  type ScrollGeometry,
} from './virtualRange.js';

/** VS Code's list row height. */
export const ROW_HEIGHT = 22;

/** Delay between drawing placeholder rows and asking for their pages (coalesces fast scrolling). */
const LOAD_DELAY_MS = 30;

/** How many pages a reveal may scan when the host did not say where the node is. */
const REVEAL_SCAN_PAGES = 100;

export interface VirtualTreeOptions {
  treeId: TreeId;
  /** Accessible name of the tree. */
  label: string;
  /** Asks the host for a page of children; undefined if the request failed (the page shows why). */
  getChildren(args: RpcArgs<'getChildren'>): Promise<ChildPage | undefined>;
  /** The cursor moved to another node (or to none). */
  onSelect?(node: TreeNode | undefined): void;
  /** Enter or double-click. Return true if handled; otherwise the node toggles. */
  onActivate?(node: TreeNode): boolean;
  /** Ctrl/Cmd+C on a row. */
  onCopy?(node: TreeNode): void;
  /** Expansion, selection or scroll changed: the view state should be saved. */
  onViewChange?(): void;
  /** Expand top-level rows with at most this many children as they arrive (event tree). */
  autoExpandRoots?: number;
}

/** The cursor: a loaded node, or a placeholder slot (after PageDown into rows not loaded yet). */
type Cursor = { id: string } | { parentId: string; index: number };

interface PendingRequest {
  epoch: number;
  parentId: string;
  offset: number;
}

interface PendingReveal {
  /** IDs from the top level down to the node to select. */
  chain: string[];
  /** Index of each chain element in its parent, when the host said. */
  indices?: number[];
  scannedPages: number;
}

export class VirtualTree {
  /** The scrolling container, role=tree. */
  readonly element: HTMLElement;
  private readonly spacer: HTMLElement;
  private readonly model = new TreeModel(PAGE_SIZE);
  /** Pages asked for and not answered; clearing it makes their answers stale. */
  private readonly pending = new Set<PendingRequest>();
  private readonly rowEls = new Map<number, HTMLElement>();
  private readonly freeEls: HTMLElement[] = [];
  private readonly typeAhead = new TypeAheadBuffer();
  private virtualTop = 0;
  /** The scrollTop we last set, to tell our own scroll events from the user's. */
  private lastPhysicalTop = 0;
  /** A saved scroll offset waiting for enough rows to exist; dropped once the user scrolls. */
  private pendingScrollTop: number | undefined;
  private cursor: Cursor | undefined;
  private lastSelectedId: string | undefined;
  private foundRow = -1;
  private reveal: PendingReveal | undefined;
  private renderQueued = false;
  private loadTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: HTMLElement, private readonly options: VirtualTreeOptions) {
    this.element = host;
    host.classList.add('tree');
    host.setAttribute('role', 'tree');
    host.setAttribute('aria-label', options.label);
    host.tabIndex = 0;
    this.spacer = el('div', 'tree-spacer');
    this.spacer.setAttribute('role', 'presentation');
    host.replaceChildren(this.spacer);

    host.addEventListener('scroll', () => this.onScroll());
    host.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    host.addEventListener('keydown', (e) => this.onKeyDown(e));
    host.addEventListener('mousedown', (e) => this.onMouseDown(e));
    host.addEventListener('dblclick', (e) => this.onDoubleClick(e));
    host.addEventListener('contextmenu', (e) => this.onContextMenu(e));
    host.addEventListener('focus', () => this.onFocus());
    new ResizeObserver(() => this.scheduleRender()).observe(host);
  }

  // ---- data from the host -------------------------------------------------------------------

  /** Top-level rows (first page at least). Keeps what is loaded below them. */
  setRoots(total: number, nodes: readonly TreeNode[]): void {
    this.model.setChildren(ROOT_ID, 0, total, nodes);
    this.autoExpand(nodes);
    this.afterDataChange();
  }

  /**
   * Replaces the whole tree (a new event in the event tree). `keepRestoredScroll` keeps a
   * restored scroll offset waiting (the first details after the page was recreated).
   */
  replaceRoots(total: number, nodes: readonly TreeNode[], keepRestoredScroll = false): void {
    this.model.reset();
    this.pending.clear();
    this.cursor = undefined;
    this.lastSelectedId = undefined;
    this.virtualTop = 0;
    if (!keepRestoredScroll) this.pendingScrollTop = undefined;
    this.model.setChildren(ROOT_ID, 0, total, nodes);
    this.autoExpand(nodes);
    this.afterDataChange();
  }

  /** A filter changed: children are counted anew; expanded nodes reopen as they load. */
  invalidateChildren(): void {
    this.model.invalidateChildren();
    this.pending.clear();
    this.afterDataChange();
  }

  /** The answer to one of our getChildren requests. */
  private receivePage(req: PendingRequest, page: ChildPage | undefined): void {
    if (!this.pending.delete(req) || !page) return; // cleared by a reset or a filter, or failed
    if (req.epoch !== this.model.epoch) return; // asked before a reset or a filter: stale
    if (!this.model.setChildren(req.parentId, req.offset, page.total, page.nodes)) return;
    if (page.nodes.length === 0) this.model.forgetRequest(req.parentId, req.offset);
    this.afterDataChange();
  }

  /**
   * Expands the ancestors in `path` and selects `select`, loading pages as needed. `indices`,
   * when given, is the index of each of [...path, select] among its parent's children.
   */
  revealNode(path: readonly string[], select: string, indices?: readonly number[]): void {
    const chain = path[path.length - 1] === select ? [...path] : [...path, select];
    this.reveal = { chain, indices: indices ? [...indices] : undefined, scannedPages: 0 };
    this.pendingScrollTop = undefined;
    this.continueReveal();
  }

  // ---- state --------------------------------------------------------------------------------

  selectedNode(): TreeNode | undefined {
    return this.cursor && 'id' in this.cursor ? this.model.entry(this.cursor.id)?.node : undefined;
  }

  /** The parent row of a loaded node; undefined for a top-level row or a node not loaded. */
  parentOf(id: string): TreeNode | undefined {
    const parentId = this.model.entry(id)?.parentId;
    return parentId ? this.model.entry(parentId)?.node : undefined;
  }

  viewState(): TreeViewState {
    const state: TreeViewState = { expanded: this.model.expandedIds(), scrollTop: this.pendingScrollTop ?? this.virtualTop };
    if (this.cursor && 'id' in this.cursor) state.selected = this.cursor.id;
    return state;
  }

  /** Restores expansion, selection and scroll; they apply as the rows load. */
  restoreViewState(state: TreeViewState): void {
    this.model.setExpandedIds(state.expanded);
    if (state.selected !== undefined) {
      this.cursor = { id: state.selected };
      this.lastSelectedId = state.selected;
    }
    this.pendingScrollTop = state.scrollTop > 0 ? state.scrollTop : undefined;
    this.scheduleRender();
  }

  focus(): void {
    this.element.focus({ preventScroll: true });
    this.ensureCursor(); // the focus event does not fire if the tree had the focus already
  }

  // ---- rendering ----------------------------------------------------------------------------

  private afterDataChange(): void {
    // The tree may have had the focus before it had rows (it gets it when the page opens).
    if (document.activeElement === this.element) this.ensureCursor();
    this.syncCursor();
    this.continueReveal();
    this.scheduleRender();
  }

  private scheduleRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    requestAnimationFrame(() => {
      this.renderQueued = false;
      this.render();
    });
  }

  private geometry(): ScrollGeometry {
    return { rowCount: this.model.rowCount(), rowHeight: ROW_HEIGHT, viewportHeight: this.element.clientHeight };
  }

  private render(): void {
    const g = this.geometry();
    this.spacer.style.height = `${spacerHeight(g)}px`;
    if (this.pendingScrollTop !== undefined && g.rowCount * g.rowHeight - g.viewportHeight >= this.pendingScrollTop) {
      this.virtualTop = this.pendingScrollTop;
      this.pendingScrollTop = undefined;
    }
    this.virtualTop = clampVirtualTop(g, this.virtualTop);
    const phys = physicalTop(g, this.virtualTop);
    if (Math.abs(this.element.scrollTop - phys) >= 1) this.element.scrollTop = phys;
    // Browsers round scrollTop; remember what it really is so row positions match it.
    this.lastPhysicalTop = this.element.scrollTop;

    const range = this.element.clientHeight > 0 ? visibleRange(g, this.virtualTop) : { first: 0, end: 0 };
    this.scheduleLoad();

    for (const [row, rowEl] of this.rowEls) {
      if (row < range.first || row >= range.end) {
        this.rowEls.delete(row);
        rowEl.hidden = true;
        this.freeEls.push(rowEl);
      }
    }
    const activeRow = this.cursorRow();
    const domIdPrefix = `${this.element.id || this.options.treeId}-row-`;
    for (let r = range.first; r < range.end; r++) {
      const data = this.model.rowAt(r);
      if (!data) continue;
      let rowEl = this.rowEls.get(r);
      if (!rowEl) {
        rowEl = this.freeEls.pop() ?? this.spacer.appendChild(createRowElement());
        rowEl.hidden = false;
        this.rowEls.set(r, rowEl);
      }
      fillRow(rowEl, data, { domId: domIdPrefix + r, rowIndex: r, selected: r === activeRow, highlighted: r === this.foundRow });
      rowEl.style.transform = `translateY(${rowOffset(g, r, this.virtualTop, this.lastPhysicalTop)}px)`;
    }
    if (activeRow !== undefined && this.rowEls.has(activeRow)) {
      this.element.setAttribute('aria-activedescendant', domIdPrefix + activeRow);
    } else {
      this.element.removeAttribute('aria-activedescendant');
    }
    this.element.classList.toggle('empty', g.rowCount === 0);
  }

  /**
   * Asks for the pages on screen shortly after rendering, not at once: while the user drags
   * the scrollbar across a million rows, only the pages where it stops are fetched.
   */
  private scheduleLoad(): void {
    if (this.loadTimer !== undefined) return;
    this.loadTimer = setTimeout(() => {
      this.loadTimer = undefined;
      const g = this.geometry();
      if (g.viewportHeight <= 0) return;
      const range = visibleRange(g, this.virtualTop);
      this.requestPages(this.model.takeMissingPages(range.first, range.end));
    }, LOAD_DELAY_MS);
  }

  private requestPages(requests: readonly PageRequest[]): void {
    for (const r of requests) {
      const req: PendingRequest = { epoch: this.model.epoch, parentId: r.parentId, offset: r.offset };
      this.pending.add(req);
      void this.options.getChildren({ tree: this.options.treeId, parentId: r.parentId, offset: r.offset, limit: r.limit }).then((page) => this.receivePage(req, page));
    }
  }

  // ---- cursor and selection -----------------------------------------------------------------

  private cursorRow(): number | undefined {
    if (!this.cursor) return undefined;
    return 'id' in this.cursor ? this.model.rowOf(this.cursor.id) : this.model.rowOfSlot(this.cursor.parentId, this.cursor.index);
  }

  /** Turns a placeholder cursor into a node cursor once its row loaded, and reports selection. */
  private syncCursor(): void {
    if (this.cursor && !('id' in this.cursor)) {
      const row = this.cursorRow();
      const data = row === undefined ? undefined : this.model.rowAt(row);
      if (data?.kind === 'node') this.cursor = { id: data.entry.node.id };
    }
    this.notifySelection();
  }

  private notifySelection(): void {
    const id = this.cursor && 'id' in this.cursor ? this.cursor.id : undefined;
    if (id === this.lastSelectedId) return;
    // A restored or revealed ID is reported once its node is loaded.
    if (id !== undefined && !this.model.entry(id)) return;
    this.lastSelectedId = id;
    this.options.onSelect?.(this.selectedNode());
    this.options.onViewChange?.();
  }

  /** Moves the cursor to `row`, scrolling it into view. */
  private moveTo(row: number, center = false): void {
    const data = this.model.rowAt(row);
    if (!data) return;
    this.cursor = data.kind === 'node' ? { id: data.entry.node.id } : { parentId: data.parentId, index: data.index };
    const g = this.geometry();
    this.pendingScrollTop = undefined;
    if (center) {
      const top = row * ROW_HEIGHT - (g.viewportHeight - ROW_HEIGHT) / 2;
      const visible = revealRow(g, this.virtualTop, row) === this.virtualTop;
      if (!visible) this.virtualTop = clampVirtualTop(g, top);
    } else {
      this.virtualTop = revealRow(g, this.virtualTop, row);
    }
    this.notifySelection();
    this.scheduleRender();
  }

  private rowData(row: number | undefined): Row | undefined {
    return row === undefined ? undefined : this.model.rowAt(row);
  }

  private toggle(id: string): void {
    const changed = this.model.isExpanded(id) ? this.model.collapse(id) : this.model.expand(id);
    if (changed) {
      this.options.onViewChange?.();
      this.scheduleRender();
    }
  }

  private activate(node: TreeNode): void {
    if (this.options.onActivate?.(node)) return;
    if (isExpandable(node)) this.toggle(node.id);
  }

  private autoExpand(nodes: readonly TreeNode[]): void {
    const max = this.options.autoExpandRoots;
    if (max === undefined) return;
    for (const n of nodes) if (n.childCount > 0 && n.childCount <= max) this.model.expand(n.id);
  }

  // ---- reveal -------------------------------------------------------------------------------

  private continueReveal(): void {
    const reveal = this.reveal;
    if (!reveal) return;
    for (let i = 0; i < reveal.chain.length; i++) {
      const id = reveal.chain[i];
      const parentId = i === 0 ? ROOT_ID : reveal.chain[i - 1];
      if (!this.model.entry(id)) {
        if (this.model.childTotal(parentId) === undefined) return; // the parent's list is not there yet
        const index = reveal.indices?.[i];
        if (index !== undefined) {
          const req = this.model.takePageFor(parentId, index);
          if (req) this.requestPages([req]);
          else if (this.model.isLoaded(parentId, index) || !this.model.isLoading(parentId)) this.reveal = undefined; // the host said wrong
          return;
        }
        if (this.model.isLoading(parentId)) return;
        const req = reveal.scannedPages < REVEAL_SCAN_PAGES ? this.model.takeNextUnloadedPage(parentId) : undefined;
        if (!req) {
          this.reveal = undefined; // not found
          return;
        }
        reveal.scannedPages++;
        this.requestPages([req]);
        return;
      }
      if (i < reveal.chain.length - 1) this.model.expand(id);
    }
    this.reveal = undefined;
    const row = this.model.rowOf(reveal.chain[reveal.chain.length - 1]);
    if (row !== undefined) this.moveTo(row, true);
    this.options.onViewChange?.();
  }

  // ---- input --------------------------------------------------------------------------------

  /** A tree without a cursor puts it on the first visible row, so keys and screen readers start there. */
  private onFocus(): void {
    this.ensureCursor();
    this.scheduleRender();
  }

  private ensureCursor(): void {
    if (!this.cursor && this.model.rowCount() > 0) {
      const first = Math.min(this.model.rowCount() - 1, Math.ceil(this.virtualTop / ROW_HEIGHT));
      const data = this.model.rowAt(first);
      if (data?.kind === 'node') {
        this.cursor = { id: data.entry.node.id };
        this.notifySelection();
        this.scheduleRender();
      }
    }
  }

  private onScroll(): void {
    const top = this.element.scrollTop;
    if (Math.abs(top - this.lastPhysicalTop) < 1) return; // our own scrollTop assignment
    this.pendingScrollTop = undefined;
    this.virtualTop = virtualTopFromPhysical(this.geometry(), top);
    this.lastPhysicalTop = top;
    this.render(); // synchronously, so fast scrolling never shows an empty viewport
    this.options.onViewChange?.();
  }

  /** When the spacer is capped, a wheel notch must still move by rows, not by thousands of px. */
  private onWheel(e: WheelEvent): void {
    const g = this.geometry();
    if (scrollScale(g) <= 1 || e.ctrlKey) return;
    e.preventDefault();
    const unit = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? ROW_HEIGHT : e.deltaMode === WheelEvent.DOM_DELTA_PAGE ? g.viewportHeight : 1;
    this.pendingScrollTop = undefined;
    this.virtualTop = clampVirtualTop(g, this.virtualTop + e.deltaY * unit);
    this.render();
    this.options.onViewChange?.();
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft' || e.key === 'Enter') this.ensureCursor();
    const current = this.cursorRow();
    const data = this.rowData(current);
    const node = data?.kind === 'node' ? data.entry.node : undefined;

    if (isMoveKey(e.key) && !e.altKey) {
      const g = this.geometry();
      const first = Math.ceil(this.virtualTop / ROW_HEIGHT);
      this.moveTo(moveTarget(e.key, current ?? -1, g.rowCount, rowsPerPage(g), first));
      return this.consume(e);
    }
    switch (e.key) {
      case 'ArrowRight':
        if (node && isExpandable(node)) {
          if (!this.model.isExpanded(node.id)) this.toggle(node.id);
          else if (current !== undefined) this.moveTo(current + 1);
        }
        return this.consume(e);
      case 'ArrowLeft':
        if (node && this.model.isExpanded(node.id)) this.toggle(node.id);
        else if (data) {
          const parentId = data.kind === 'node' ? data.entry.parentId : data.parentId;
          const parentRow = parentId === ROOT_ID ? undefined : this.model.rowOf(parentId);
          if (parentRow !== undefined) this.moveTo(parentRow);
        }
        return this.consume(e);
      case 'Enter':
        if (node) this.activate(node);
        return this.consume(e);
      case 'Escape':
        if (this.typeAhead.current === '') return;
        this.typeAhead.clear();
        this.foundRow = -1;
        this.scheduleRender();
        return this.consume(e);
    }
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'c') {
      if (node) this.options.onCopy?.(node);
      return this.consume(e);
    }
    const char = typeAheadChar(e.key, e);
    if (char === undefined) return;
    if (char === ' ' && this.typeAhead.current === '') {
      if (node && isExpandable(node)) this.toggle(node.id);
      return this.consume(e);
    }
    this.findAhead(char, current ?? -1);
    this.consume(e);
  }

  private findAhead(char: string, current: number): void {
    const search = this.typeAhead.push(char, performance.now());
    const row = this.model.findRow(current, search.includeCurrent, (n) => labelMatches(n.label, search.prefix));
    if (row === undefined) return;
    this.foundRow = row;
    this.moveTo(row);
  }

  private consume(e: Event): void {
    e.preventDefault();
    e.stopPropagation();
  }

  private rowFromEvent(e: MouseEvent): { row: number; rowEl: HTMLElement } | undefined {
    const rowEl = (e.target as Element | null)?.closest<HTMLElement>('.tree-row');
    const row = rowEl ? rowIndexOf(rowEl) : undefined;
    return rowEl && row !== undefined ? { row, rowEl } : undefined;
  }

  private onMouseDown(e: MouseEvent): void {
    if (e.button !== 0) return;
    const hit = this.rowFromEvent(e);
    if (!hit) return; // e.g. the scrollbar: leave it to the browser
    // Keep the focus on the tree (not on a row), without the browser's text selection.
    e.preventDefault();
    this.focus();
    this.typeAhead.clear();
    this.foundRow = -1;
    this.moveTo(hit.row);
    const data = this.model.rowAt(hit.row);
    if (data?.kind === 'node' && (e.target as Element).classList.contains('twistie')) this.toggle(data.entry.node.id);
  }

  /** A right-click selects the row first, as in VS Code's lists; VS Code then shows its menu. */
  private onContextMenu(e: MouseEvent): void {
    const hit = this.rowFromEvent(e);
    if (!hit) return;
    this.focus();
    this.moveTo(hit.row);
  }

  private onDoubleClick(e: MouseEvent): void {
    const hit = this.rowFromEvent(e);
    if (!hit || (e.target as Element).classList.contains('twistie')) return;
    const data = this.model.rowAt(hit.row);
    if (data?.kind === 'node') this.activate(data.entry.node);
  }
}
