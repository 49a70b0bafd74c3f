/**
 * Checks the shape of messages from the webview before acting on them. The webview is our code,
 * but what it sends is built from trace data and user input: a malformed message is dropped, not
 * trusted.
 */
import type { WebviewMessage } from '../shared/protocol.js';

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const isStr = (v: unknown, max = 1000): v is string => typeof v === 'string' && v.length <= max;

export function parseWebviewMessage(m: unknown): WebviewMessage | undefined {
  if (typeof m !== 'object' || m === null) return undefined;
  const msg = m as Record<string, unknown>;
  switch (msg.type) {
    case 'ready':
    case 'openAsText':
      return { type: msg.type };
    case 'getChildren':
      if (!isInt(msg.requestId) || (msg.tree !== 'generations' && msg.tree !== 'event') || !isStr(msg.parentId, 200) || !isInt(msg.offset) || !isInt(msg.limit)) return undefined;
      return { type: 'getChildren', requestId: msg.requestId, tree: msg.tree, parentId: msg.parentId, offset: msg.offset, limit: msg.limit };
    case 'select':
    case 'copyEvent':
      return isStr(msg.nodeId, 200) ? { type: msg.type, nodeId: msg.nodeId } : undefined;
    case 'openFrame': {
      const f = msg.frame as Record<string, unknown> | null;
      if (typeof f !== 'object' || f === null || !isStr(f.func, 10000) || !isStr(f.file, 10000) || !isInt(f.line)) return undefined;
      return { type: 'openFrame', frame: { func: f.func, file: f.file, line: f.line } };
    }
    case 'setFilter':
      return typeof msg.filter === 'object' && msg.filter !== null ? { type: 'setFilter', filter: msg.filter } : undefined;
    case 'revealProblem':
      return isInt(msg.index) ? { type: 'revealProblem', index: msg.index } : undefined;
    case 'showWireDump':
      if (msg.offset !== undefined && !isInt(msg.offset)) return undefined;
      return msg.offset === undefined ? { type: 'showWireDump' } : { type: 'showWireDump', offset: msg.offset };
    default:
      return undefined;
  }
}
