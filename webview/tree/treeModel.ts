/**
 * The data behind one virtualized tree: which children are loaded (page by page, sparse), which
 * nodes are expanded, and the mapping between flat row numbers and nodes. Pure, no DOM.
 *
 * Nothing is flattened into an array: a node may have millions of children of which a few pages
 * are loaded. Each child list keeps the sorted indices of its expanded children, so a row number
 * is found by walking down from the roots, skipping the rows of expanded subtrees, in
 * O(depth × expanded siblings). Subtree row counts are cached per list and recomputed lazily
 * after any change.
 */
import { PAGE_SIZE, type TreeNode } from '../../src/shared/protocol.js';

/** Parent ID of the top-level rows. */
export const ROOT_ID = '';

export interface NodeEntry {
  readonly node: TreeNode;
  readonly parentId: string;
  /** Index among its parent's children. */
  readonly index: number;
  /** 1 for top-level rows (aria-level). */
  readonly depth: number;
}

/** One row of the flattened tree: a loaded node, or a placeholder for a child not loaded yet. */
export type Row =
  | { kind: 'node'; entry: NodeEntry; expanded: boolean; setSize: number }
  | { kind: 'placeholder'; parentId: string; index: number; depth: number; setSize: number };

/** A page of children to ask the host for. */
export interface PageRequest {
  parentId: string;
  offset: number;
  limit: number;
}

interface ChildList {
  total: number;
  /** Depth of the children in this list. */
  depth: number;
  /** Page number → the children of that page (holes where not loaded). */
  pages: Map<number, (TreeNode | undefined)[]>;
  /** Pages asked for and not answered yet. */
  requested: Set<number>;
  /** Sorted indices of loaded children that are expanded and have a child list. */
  expandedIdx: number[];
  cacheVersion: number;
  cachedRows: number;
}

export function isExpandable(node: TreeNode): boolean {
  return node.childCount > 0;
}

export class TreeModel {
  private lists = new Map<string, ChildList>();
  private entries = new Map<string, NodeEntry>();
  private expanded = new Set<string>();
  /** Bumped on every change; invalidates the cached row counts. */
  private version = 0;
  /** Bumped when loaded data is thrown away; answers to older requests must be ignored. */
  private epochValue = 0;

  constructor(readonly pageSize = PAGE_SIZE) {}

  get epoch(): number {
    return this.epochValue;
  }

  // ---- loading ------------------------------------------------------------------------------

  /** Forgets every loaded node (a new event in the event tree). Expanded IDs are kept. */
  reset(): void {
    this.lists.clear();
    this.entries.clear();
    this.epochValue++;
    this.version++;
  }

  /**
   * Forgets the loaded children of every node but keeps the top-level rows (a filter changed:
   * the host recounts children). Expanded IDs are kept, so the same nodes open again as they load.
   */
  invalidateChildren(): void {
    for (const [parentId, list] of this.lists) {
      if (parentId === ROOT_ID) continue;
      const entry = this.entries.get(parentId);
      if (entry?.parentId === ROOT_ID) {
        list.pages.clear();
        list.requested.clear();
        list.expandedIdx = [];
        list.total = entry.node.childCount;
      } else {
        this.lists.delete(parentId);
      }
    }
    for (const [id, entry] of this.entries) if (entry.parentId !== ROOT_ID) this.entries.delete(id);
    this.epochValue++;
    this.version++;
  }

  /**
   * Stores children [offset, offset + nodes.length) of `parentId` (ROOT_ID for the top level),
   * which has `total` children in all. Returns false if the parent is unknown (stale answer).
   */
  setChildren(parentId: string, offset: number, total: number, nodes: readonly TreeNode[]): boolean {
    let list = this.lists.get(parentId);
    if (!list) {
      if (parentId === ROOT_ID) list = this.newList(total, 1);
      else {
        const parent = this.entries.get(parentId);
        if (!parent) return false;
        list = this.newList(total, parent.depth + 1);
      }
      this.lists.set(parentId, list);
    }
    this.setTotal(list, total);
    for (let i = 0; i < nodes.length; i++) {
      const index = offset + i;
      if (index >= list.total) break;
      this.putNode(list, parentId, index, nodes[i]);
    }
    // A page counts as answered once any part of it arrived; holes show as placeholders again.
    if (nodes.length > 0) {
      const firstPage = Math.floor(offset / this.pageSize);
      const lastPage = Math.floor((offset + nodes.length - 1) / this.pageSize);
      for (let p = firstPage; p <= lastPage; p++) list.requested.delete(p);
    }
    this.version++;
    return true;
  }

  /**
   * Pages with placeholder rows in [first, end) that were not asked for yet; marks them as asked.
   */
  takeMissingPages(first: number, end: number): PageRequest[] {
    const out: PageRequest[] = [];
    const last = Math.min(end, this.rowCount());
    for (let r = Math.max(0, first); r < last; r++) {
      const row = this.rowAt(r);
      if (row?.kind !== 'placeholder') continue;
      const list = this.lists.get(row.parentId);
      if (!list) continue;
      const request = this.takePage(list, row.parentId, Math.floor(row.index / this.pageSize));
      if (request) out.push(request);
    }
    return out;
  }

  /**
   * The page holding child `index` of `parentId`, if it is neither loaded nor asked for yet;
   * marks it as asked. For revealing a node whose position is known.
   */
  takePageFor(parentId: string, index: number): PageRequest | undefined {
    const list = this.lists.get(parentId);
    if (!list || index < 0 || index >= list.total || this.childAt(list, index)) return undefined;
    return this.takePage(list, parentId, Math.floor(index / this.pageSize));
  }

  /**
   * The first page of `parentId` that is neither loaded nor asked for; marks it as asked.
   * For revealing a node whose position is not known: pages are scanned in order.
   */
  takeNextUnloadedPage(parentId: string): PageRequest | undefined {
    const list = this.lists.get(parentId);
    if (!list) return undefined;
    const pageCount = Math.ceil(list.total / this.pageSize);
    for (let p = 0; p < pageCount; p++) {
      if (!list.pages.has(p) && !list.requested.has(p)) return this.takePage(list, parentId, p);
    }
    return undefined;
  }

  /** Whether any page of `parentId` is asked for and not answered yet. */
  isLoading(parentId: string): boolean {
    return (this.lists.get(parentId)?.requested.size ?? 0) > 0;
  }

  private takePage(list: ChildList, parentId: string, page: number): PageRequest | undefined {
    if (list.requested.has(page)) return undefined;
    list.requested.add(page);
    const offset = page * this.pageSize;
    return { parentId, offset, limit: Math.min(this.pageSize, list.total - offset) };
  }

  /** Lets a page be asked for again (its request failed or was dropped). */
  forgetRequest(parentId: string, offset: number): void {
    this.lists.get(parentId)?.requested.delete(Math.floor(offset / this.pageSize));
  }

  /** Whether the child `index` of `parentId` is loaded. */
  isLoaded(parentId: string, index: number): boolean {
    return this.childAt(this.lists.get(parentId), index) !== undefined;
  }

  /** Number of children of `parentId` (as far as known), or undefined if it has no list. */
  childTotal(parentId: string): number | undefined {
    return this.lists.get(parentId)?.total;
  }

  // ---- expansion ----------------------------------------------------------------------------

  isExpanded(id: string): boolean {
    return this.expanded.has(id);
  }

  /** Expands a loaded node. Returns false if nothing changed. */
  expand(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry || !isExpandable(entry.node) || this.expanded.has(id)) return false;
    this.expanded.add(id);
    this.attachExpanded(entry);
    this.version++;
    return true;
  }

  collapse(id: string): boolean {
    if (!this.expanded.delete(id)) return false;
    const entry = this.entries.get(id);
    const parentList = entry && this.lists.get(entry.parentId);
    if (entry && parentList) removeSorted(parentList.expandedIdx, entry.index);
    this.version++;
    return true;
  }

  /** IDs of expanded nodes, loaded or not (for the saved view state). */
  expandedIds(): string[] {
    return Array.from(this.expanded);
  }

  /** Replaces the expanded set (restoring saved state); applies to nodes as they load. */
  setExpandedIds(ids: Iterable<string>): void {
    this.expanded = new Set(ids);
    for (const list of this.lists.values()) list.expandedIdx = [];
    for (const id of this.expanded) {
      const entry = this.entries.get(id);
      if (entry && isExpandable(entry.node)) this.attachExpanded(entry);
    }
    this.version++;
  }

  // ---- rows ---------------------------------------------------------------------------------

  entry(id: string): NodeEntry | undefined {
    return this.entries.get(id);
  }

  rowCount(): number {
    const root = this.lists.get(ROOT_ID);
    return root ? this.rowsOf(root) : 0;
  }

  rowAt(row: number): Row | undefined {
    const root = this.lists.get(ROOT_ID);
    if (!root || row < 0 || row >= this.rowsOf(root)) return undefined;
    let list = root;
    let parentId = ROOT_ID;
    let r = row;
    for (;;) {
      let extra = 0;
      let descended = false;
      for (const idx of list.expandedIdx) {
        const pos = idx + extra;
        if (r < pos) break;
        const child = this.childAt(list, idx)!;
        if (r === pos) return this.nodeRow(list, child);
        const sub = this.lists.get(child.id)!;
        const subRows = this.rowsOf(sub);
        if (r <= pos + subRows) {
          list = sub;
          parentId = child.id;
          r = r - pos - 1;
          descended = true;
          break;
        }
        extra += subRows;
      }
      if (descended) continue;
      const index = r - extra;
      const node = this.childAt(list, index);
      if (node) return this.nodeRow(list, node);
      return { kind: 'placeholder', parentId, index, depth: list.depth, setSize: list.total };
    }
  }

  /** Row number of a loaded node, or undefined if it or an ancestor is collapsed or not loaded. */
  rowOf(id: string): number | undefined {
    const entry = this.entries.get(id);
    return entry ? this.rowOfSlot(entry.parentId, entry.index) : undefined;
  }

  /** Row number of child `index` of `parentId` (loaded or a placeholder), if it is shown. */
  rowOfSlot(parentId: string, index: number): number | undefined {
    const list = this.lists.get(parentId);
    if (!list || index < 0 || index >= list.total) return undefined;
    let start: number;
    if (parentId === ROOT_ID) start = 0;
    else {
      if (!this.expanded.has(parentId)) return undefined;
      const parentRow = this.rowOf(parentId);
      if (parentRow === undefined) return undefined;
      start = parentRow + 1;
    }
    let extra = 0;
    for (const idx of list.expandedIdx) {
      if (idx >= index) break;
      extra += this.rowsOf(this.lists.get(this.childAt(list, idx)!.id)!);
    }
    return start + index + extra;
  }

  /**
   * The first loaded node row, in display order starting at `start` and wrapping around, that
   * satisfies `match`. Only loaded rows are visited (placeholders are skipped a page at a time).
   */
  findRow(start: number, includeStart: boolean, match: (node: TreeNode) => boolean): number | undefined {
    let firstAny: number | undefined;
    let found: number | undefined;
    this.walkLoaded((node, row) => {
      if (!match(node)) return false;
      if (row > start || (includeStart && row === start)) {
        found = row;
        return true;
      }
      firstAny ??= row;
      return false;
    });
    return found ?? firstAny;
  }

  // ---- internals ----------------------------------------------------------------------------

  private newList(total: number, depth: number): ChildList {
    return { total, depth, pages: new Map(), requested: new Set(), expandedIdx: [], cacheVersion: -1, cachedRows: 0 };
  }

  private setTotal(list: ChildList, total: number): void {
    if (total < list.total) {
      for (const page of list.pages.keys()) if (page * this.pageSize >= total) list.pages.delete(page);
      list.expandedIdx = list.expandedIdx.filter((i) => i < total);
    }
    // A list that grows (a filter's matches streaming in): its last page, loaded short, is asked again.
    if (total > list.total && list.total % this.pageSize !== 0) {
      const page = Math.floor(list.total / this.pageSize);
      list.pages.delete(page);
      // Its expanded rows come back with the page (attachExpanded), not before: no index without a node.
      list.expandedIdx = list.expandedIdx.filter((i) => Math.floor(i / this.pageSize) !== page);
    }
    list.total = total;
  }

  private putNode(list: ChildList, parentId: string, index: number, node: TreeNode): void {
    const pageNo = Math.floor(index / this.pageSize);
    let page = list.pages.get(pageNo);
    if (!page) {
      page = [];
      list.pages.set(pageNo, page);
    }
    const old = page[index % this.pageSize];
    if (old && old.id !== node.id) {
      removeSorted(list.expandedIdx, index);
      const oldEntry = this.entries.get(old.id);
      if (oldEntry && oldEntry.parentId === parentId && oldEntry.index === index) this.entries.delete(old.id);
    }
    page[index % this.pageSize] = node;
    const entry: NodeEntry = { node, parentId, index, depth: list.depth };
    this.entries.set(node.id, entry);
    // A known child list follows the node's count until the host answers for it.
    const sub = this.lists.get(node.id);
    if (sub && sub.pages.size === 0) this.setTotal(sub, node.childCount);
    if (this.expanded.has(node.id) && isExpandable(node)) this.attachExpanded(entry);
  }

  /** Makes an expanded, loaded node count in its parent's rows, creating its child list. */
  private attachExpanded(entry: NodeEntry): void {
    if (!this.lists.has(entry.node.id)) this.lists.set(entry.node.id, this.newList(entry.node.childCount, entry.depth + 1));
    const parentList = this.lists.get(entry.parentId);
    if (parentList) insertSorted(parentList.expandedIdx, entry.index);
  }

  private childAt(list: ChildList | undefined, index: number): TreeNode | undefined {
    return list?.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  private nodeRow(list: ChildList, node: TreeNode): Row {
    const entry = this.entries.get(node.id)!;
    return { kind: 'node', entry, expanded: this.expanded.has(node.id) && isExpandable(node), setSize: list.total };
  }

  private rowsOf(list: ChildList): number {
    if (list.cacheVersion === this.version) return list.cachedRows;
    let rows = list.total;
    for (const idx of list.expandedIdx) rows += this.rowsOf(this.lists.get(this.childAt(list, idx)!.id)!);
    list.cacheVersion = this.version;
    list.cachedRows = rows;
    return rows;
  }

  /** Visits loaded nodes in display order with their row numbers until `visit` returns true. */
  private walkLoaded(visit: (node: TreeNode, row: number) => boolean): void {
    const walk = (list: ChildList, base: number): boolean => {
      let extra = 0;
      let e = 0;
      const pages = Array.from(list.pages.keys()).sort((a, b) => a - b);
      for (const pageNo of pages) {
        const page = list.pages.get(pageNo)!;
        for (let k = 0; k < page.length; k++) {
          const node = page[k];
          if (!node) continue;
          const index = pageNo * this.pageSize + k;
          while (e < list.expandedIdx.length && list.expandedIdx[e] < index) {
            extra += this.rowsOf(this.lists.get(this.childAt(list, list.expandedIdx[e])!.id)!);
            e++;
          }
          const row = base + index + extra;
          if (visit(node, row)) return true;
          if (list.expandedIdx[e] === index && walk(this.lists.get(node.id)!, row + 1)) return true;
        }
      }
      return false;
    };
    const root = this.lists.get(ROOT_ID);
    if (root) walk(root, 0);
  }
}

function insertSorted(a: number[], v: number): void {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  if (a[lo] !== v) a.splice(lo, 0, v);
}

function removeSorted(a: number[], v: number): void {
  const i = a.indexOf(v);
  if (i >= 0) a.splice(i, 1);
}
