/**
 * Rows for a generation's tables, browsable like the events: the strings table, the stacks table
 * (stack → frames) and the CPU samples (sample → frames of its stack). Strings as Go quotes them;
 * function names as they are only when Go would escape nothing in them.
 */
import { displayTraceText, frameViews, goQuoteString, type GenerationTables } from '../../parser/index.js';
import type { TreeNode } from '../../shared/protocol.js';
import { frameRow } from './eventNodes.js';
import { formatNs, plural } from './format.js';
import type { GenerationInfo } from './generationIndex.js';
import { sampleFrameId, sampleId, samplesTableId, stacksTableId, stringId, stringsTableId, tableFrameId, tableStackId, type NodeRef } from './nodeIds.js';
import { pageOf, pageWindow, type Page } from './paging.js';

export function stringsTableRow(g: GenerationInfo): TreeNode {
  return {
    id: stringsTableId(g.genIndex),
    kind: 'table',
    label: 'strings',
    description: plural(g.tables.strings.size, 'string'),
    icon: 'symbol-string',
    childCount: g.tables.strings.size,
  };
}

export function stacksTableRow(g: GenerationInfo): TreeNode {
  return {
    id: stacksTableId(g.genIndex),
    kind: 'table',
    label: 'stacks',
    description: plural(g.tables.stacks.size, 'stack'),
    icon: 'list-tree',
    childCount: g.tables.stacks.size,
  };
}

export function samplesTableRow(g: GenerationInfo): TreeNode {
  return {
    id: samplesTableId(g.genIndex),
    kind: 'table',
    label: 'CPU samples',
    description: plural(g.tables.cpuSamples.length, 'sample'),
    icon: 'pulse',
    childCount: g.tables.cpuSamples.length,
  };
}

/**
 * IDs of a table in ID order, cached per table: paging through 100k strings must not sort them
 * again for every page.
 */
const idLists = new WeakMap<object, number[]>();
export function tableIds(table: { entries(): IterableIterator<[number, unknown]> }): number[] {
  let ids = idLists.get(table);
  if (!ids) {
    ids = [];
    for (const [id] of table.entries()) ids.push(id);
    idLists.set(table, ids);
  }
  return ids;
}

export function stringRow(g: GenerationInfo, id: number): TreeNode {
  const text = g.tables.strings.get(id) ?? '';
  return {
    id: stringId(g.genIndex, id),
    kind: 'string',
    label: `${id}`,
    description: goQuoteString(text),
    tooltip: goQuoteString(text),
    icon: 'symbol-string',
    childCount: 0,
  };
}

export function stackRow(g: GenerationInfo, id: number): TreeNode {
  const frames = g.tables.framesOf(id);
  const top = frames[0] ? g.tables.strings.get(frames[0].funcId) ?? '' : '';
  return {
    id: tableStackId(g.genIndex, id),
    kind: 'stack',
    label: `stack ${id}`,
    description: `${plural(frames.length, 'frame')}${top ? `  ${displayTraceText(top)}` : ''}`,
    icon: 'list-tree',
    childCount: frames.length,
  };
}

export function stackFrameRows(tables: GenerationTables, genIndex: number, stack: number, start: number, end: number): TreeNode[] {
  return frameViews(tables, stack).slice(start, end).map((f, i) => frameRow(tableFrameId(genIndex, stack, start + i), f));
}

export function sampleRow(g: GenerationInfo, index: number, traceStartNs: number): TreeNode {
  const s = g.tables.cpuSamples[index];
  const frames = g.tables.framesOf(s.stack);
  const top = frames[0] ? g.tables.strings.get(frames[0].funcId) ?? '' : '';
  return {
    id: sampleId(g.genIndex, index),
    kind: 'sample',
    label: `sample ${index}`,
    description: `+${formatNs(s.time - traceStartNs)}  M ${s.m < 0 ? 'none' : s.m}  P ${s.p}  G ${s.g < 0 ? 'none' : s.g}${top ? `  ${displayTraceText(top)}` : ''}`,
    icon: 'pulse',
    childCount: frames.length,
    offset: s.offset,
  };
}

export function sampleFrameRows(g: GenerationInfo, sample: number, start: number, end: number): TreeNode[] {
  const s = g.tables.cpuSamples[sample];
  if (!s) return [];
  return frameViews(g.tables, s.stack).slice(start, end).map((f, i) => frameRow(sampleFrameId(g.genIndex, sample, start + i), f));
}

/** Rows under a table, a stack or a CPU sample (the same in both formats); undefined for other kinds. */
export function tableChildren(g: GenerationInfo, ref: NodeRef, offset: number, limit: number, traceStartNs: number): Page<TreeNode> | undefined {
  switch (ref.kind) {
    case 'stringsTable': {
      const ids = tableIds(g.tables.strings);
      return pageOf(ids.length, offset, limit, (i) => stringRow(g, ids[i]));
    }
    case 'stacksTable': {
      const ids = tableIds(g.tables.stacks);
      return pageOf(ids.length, offset, limit, (i) => stackRow(g, ids[i]));
    }
    case 'tableStack': {
      const total = g.tables.framesOf(ref.id).length;
      const { start, end } = pageWindow(total, offset, limit);
      return { total, items: stackFrameRows(g.tables, g.genIndex, ref.id, start, end) };
    }
    case 'samplesTable':
      return pageOf(g.tables.cpuSamples.length, offset, limit, (i) => sampleRow(g, i, traceStartNs));
    case 'sample': {
      const s = g.tables.cpuSamples[ref.sample];
      const total = s ? g.tables.framesOf(s.stack).length : 0;
      const { start, end } = pageWindow(total, offset, limit);
      return { total, items: sampleFrameRows(g, ref.sample, start, end) };
    }
    default:
      return undefined;
  }
}
