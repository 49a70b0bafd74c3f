/**
 * Answers one message from the webview: checks it against the request table (webviewMessages.ts),
 * sends a 'worker' request on to the worker as it is and a 'host' request to its handler, and
 * posts the response with the request's id (a result, possibly null, or an error). No VS Code
 * import, so it is tested without one.
 */
import { rpcRequests, type HostServed, type RpcArgs, type RpcRequestMessage, type RpcResponse, type RpcResult, type WorkerServed } from '../shared/rpc.js';
import { parseWebviewMessage } from './webviewMessages.js';

/** One handler per request the host answers: the type checker names a missing one. */
export type HostHandlers = { [K in HostServed]: (args: RpcArgs<K>) => Promise<RpcResult<K>> };

export interface RequestRoutes {
  /** A request the parse worker answers, its args as checked. */
  forward(r: RpcRequestMessage<WorkerServed>): Promise<unknown>;
  host: HostHandlers;
  /** A malformed message was dropped, for this reason. */
  dropped(reason: string): void;
}

export async function answerWebviewMessage(raw: unknown, routes: RequestRoutes, respond: (m: RpcResponse) => void): Promise<void> {
  const parsed = parseWebviewMessage(raw);
  if (!parsed.ok) {
    routes.dropped(parsed.reason);
    // Answered when it has an id, so the webview's request does not wait forever.
    if (parsed.id !== undefined) respond({ type: 'response', id: parsed.id, error: `malformed request (${parsed.reason})` });
    return;
  }
  const { id } = parsed.request;
  try {
    respond({ type: 'response', id, result: await route(parsed.request, routes) });
  } catch (e) {
    respond({ type: 'response', id, error: e instanceof Error ? e.message : String(e) });
  }
}

function route(r: RpcRequestMessage, routes: RequestRoutes): Promise<unknown> {
  if (isForWorker(r)) return routes.forward(r);
  // r.name picks the handler of r.args' type (RpcRequestMessage pairs them).
  const handler = routes.host[r.name] as (args: unknown) => Promise<unknown>;
  return handler(r.args);
}

function isForWorker(r: RpcRequestMessage): r is RpcRequestMessage<WorkerServed> {
  return rpcRequests[r.name].served === 'worker';
}
