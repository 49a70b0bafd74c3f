/** Sets a filter on a model and waits for its run to end: the final status. */
import * as assert from 'node:assert/strict';
import type { FilterStatus, TraceModel } from '../../../src/extension/model/traceModel.js';
import type { Filter } from '../../../src/shared/protocol.js';

export async function filterAll(model: TraceModel, view: string, filter: Filter): Promise<FilterStatus> {
  let r = await model.setFilter(view, filter);
  for (;;) {
    assert.ok(r && !('error' in r), JSON.stringify(r));
    if (r.done) return r;
    r = await model.filterProgress(view, r.run);
  }
}
