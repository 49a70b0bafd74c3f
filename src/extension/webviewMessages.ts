/**
 * Checks a message from the webview against the request table (src/shared/rpc.ts) before the host
 * acts on it. The webview is our code, but what it sends is built from trace data and user input:
 * a malformed message is dropped with its reason, never trusted.
 */
import { isRpcName, rpcRequests, type RpcRequestMessage } from '../shared/rpc.js';

export type ParsedWebviewMessage =
  | { ok: true; request: RpcRequestMessage }
  /** id: the request's id when it could be read, so the webview can be told it failed. */
  | { ok: false; reason: string; id?: number };

const ENVELOPE_KEYS = new Set(['type', 'id', 'name', 'args']);

export function parseWebviewMessage(m: unknown): ParsedWebviewMessage {
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return { ok: false, reason: 'not an object' };
  const msg: Record<string, unknown> = { ...m };
  if (msg.type !== 'request') return { ok: false, reason: `unknown message type ${JSON.stringify(String(msg.type)).slice(0, 60)}` };
  if (typeof msg.id !== 'number' || !Number.isSafeInteger(msg.id) || msg.id < 0) return { ok: false, reason: 'a request without a valid id' };
  const id = msg.id;
  const extra = Object.keys(msg).find((k) => !ENVELOPE_KEYS.has(k));
  if (extra !== undefined) return { ok: false, id, reason: `unexpected field ${JSON.stringify(extra.slice(0, 40))}` };
  const name = msg.name;
  if (!isRpcName(name)) return { ok: false, id, reason: `unknown request ${JSON.stringify(String(name)).slice(0, 60)}` };
  const checked = rpcRequests[name].args.check(msg.args === undefined ? {} : msg.args);
  if (!checked.ok) return { ok: false, id, reason: `${name}: ${checked.error.path}: ${checked.error.reason}` };
  return { ok: true, request: makeRequest(id, name, checked.value) };
}

/** The checked value is typed by `name`'s schema; the union of names needs the one cast. */
function makeRequest(id: number, name: string, args: unknown): RpcRequestMessage {
  return { type: 'request', id, name, args } as RpcRequestMessage;
}
