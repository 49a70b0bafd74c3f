/** Where a row of the generation tree is: its ancestors' IDs, from its generation down. */
import type { FormatModel } from './formatModel.js';
import type { GenerationInfo } from './generationIndex.js';
import { batchId, generationId, sampleId, samplesTableId, stacksTableId, stringsTableId, tableStackId, type NodeLocation, type NodeRef } from './nodeIds.js';

/** The path to a row of generation `g`; undefined for a row it does not have. */
export function generationPathTo(format: FormatModel, g: GenerationInfo, ref: NodeRef, nodeId: string): NodeLocation | undefined {
  const gid = generationId(g.genIndex);
  if (format.batchGroupKinds.has(ref.kind)) return { path: [gid], select: nodeId };
  switch (ref.kind) {
    case 'generation':
      return { path: [], select: nodeId };
    case 'stringsTable':
    case 'stacksTable':
    case 'samplesTable':
      return { path: [gid], select: nodeId };
    case 'batch':
      if (!g.batches[ref.batch]) return undefined;
      return { path: [gid, format.batchGroupId(g, ref.batch)], select: nodeId };
    case 'event':
      if (!g.batches[ref.batch]) return undefined;
      return { path: [gid, format.batchGroupId(g, ref.batch), batchId(g.genIndex, ref.batch)], select: nodeId };
    case 'string':
      return { path: [gid, stringsTableId(g.genIndex)], select: nodeId };
    case 'tableStack':
      return { path: [gid, stacksTableId(g.genIndex)], select: nodeId };
    case 'tableFrame':
      return { path: [gid, stacksTableId(g.genIndex), tableStackId(g.genIndex, ref.id)], select: nodeId };
    case 'sample':
      return { path: [gid, samplesTableId(g.genIndex)], select: nodeId };
    case 'sampleFrame':
      return { path: [gid, samplesTableId(g.genIndex), sampleId(g.genIndex, ref.sample)], select: nodeId };
    default:
      return undefined;
  }
}
