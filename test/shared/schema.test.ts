import * as assert from 'node:assert/strict';
import { int, list, num, obj, oneOf, optional, str, type Schema } from '../../src/shared/schema.js';

function reason<T>(s: Schema<T>, v: unknown): string | undefined {
  const r = s.check(v);
  return r.ok ? undefined : `${r.error.path}: ${r.error.reason}`;
}

describe('schema', () => {
  it('str: strings up to the limit', () => {
    assert.equal(reason(str(3), 'abc'), undefined);
    assert.match(reason(str(3), 'abcd')!, /longer than 3/);
    assert.match(reason(str(3), 3)!, /expected a string, got number/);
  });

  it('int: safe integers in range only', () => {
    assert.equal(reason(int(0, 10), 10), undefined);
    for (const bad of [-1, 11, 1.5, NaN, Infinity, 2 ** 53, '1', null]) assert.ok(reason(int(0, 10), bad), String(bad));
  });

  it('num: finite numbers in range', () => {
    assert.equal(reason(num(0), 1.5), undefined);
    assert.equal(reason(num(0), 1e20), undefined);
    for (const bad of [-0.5, Infinity, NaN, '2']) assert.ok(reason(num(0), bad), String(bad));
  });

  it('oneOf: only the listed strings', () => {
    assert.equal(reason(oneOf('a', 'b'), 'b'), undefined);
    assert.match(reason(oneOf('a', 'b'), 'c')!, /one of a, b/);
    assert.ok(reason(oneOf('a', 'b'), ['a']));
  });

  it('list: items checked, length bounded, the failing index named', () => {
    assert.deepEqual(list(int(), 2).check([1, 2]), { ok: true, value: [1, 2] });
    assert.match(reason(list(int(), 2), [1, 2, 3])!, /more than 2/);
    assert.equal(reason(list(int(), 5), [1, 'x']), '[1]: expected an integer, got string');
    assert.ok(reason(list(int(), 2), { length: 1, 0: 1 }));
  });

  it('obj: required and optional fields, extra fields rejected, a fresh object back', () => {
    const s = obj({ a: int(), b: optional(str(5)) });
    const input = { a: 1, b: undefined };
    const r = s.check(input);
    assert.ok(r.ok);
    assert.deepEqual(r.value, { a: 1 });
    assert.notEqual(r.value, input);
    assert.equal(reason(s, { b: 'x' }), 'a: missing');
    assert.equal(reason(s, { a: 1, c: 2 }), 'c: unexpected field');
    assert.equal(reason(s, { a: 1, b: 'toolong' }), 'b: longer than 5 characters');
    assert.ok(reason(s, [1]));
    assert.ok(reason(s, null));
    assert.ok(reason(s, new Date()));
  });

  it('obj: names the path of a nested failure', () => {
    const s = obj({ filter: obj({ ids: list(int(), 3) }) });
    assert.equal(reason(s, { filter: { ids: [1, -2] } }), 'filter.ids[1]: -2 is out of range [0, 9007199254740991]');
  });

  it('obj: an inherited or __proto__ key is not a field', () => {
    const s = obj({ a: optional(int()) });
    assert.equal(reason(s, JSON.parse('{"__proto__": {"a": 1}}')), '__proto__: unexpected field');
    assert.deepEqual(s.check(Object.create(null)), { ok: true, value: {} });
  });
});
