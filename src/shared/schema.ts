/**
 * A small schema helper for checking what crosses a trust boundary (the webview's requests at the
 * host). A schema both checks an unknown value and names its type (Infer), so a request's args are
 * defined once. Objects are closed: a key the schema does not name is an error, not ignored.
 */

/** A failed check: where (a path such as "filter.text") and why. */
export interface Invalid {
  path: string;
  reason: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: Invalid };

export interface Schema<T> {
  check(value: unknown, path?: string): Checked<T>;
  /** An object field that may be absent. */
  readonly optional?: boolean;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = (path: string, reason: string): Checked<never> => ({ ok: false, error: { path: path || '(args)', reason } });
const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v);

/** A string of at most `max` characters (by UTF-16 units, as JavaScript counts). */
export function str(max: number): Schema<string> {
  return {
    check: (v, path = '') =>
      typeof v !== 'string' ? fail(path, `expected a string, got ${describe(v)}`) : v.length > max ? fail(path, `longer than ${max} characters`) : ok(v),
  };
}

/** An integer in [min, max] (both within the safe integers). */
export function int(min = 0, max = Number.MAX_SAFE_INTEGER): Schema<number> {
  return {
    check: (v, path = '') =>
      typeof v !== 'number' || !Number.isSafeInteger(v)
        ? fail(path, `expected an integer, got ${typeof v === 'number' ? String(v) : describe(v)}`)
        : v < min || v > max
          ? fail(path, `${v} is out of range [${min}, ${max}]`)
          : ok(v),
  };
}

/** A finite number in [min, max]. */
export function num(min = -Number.MAX_VALUE, max = Number.MAX_VALUE): Schema<number> {
  return {
    check: (v, path = '') =>
      typeof v !== 'number' || !Number.isFinite(v)
        ? fail(path, `expected a finite number, got ${typeof v === 'number' ? String(v) : describe(v)}`)
        : v < min || v > max
          ? fail(path, `${v} is out of range [${min}, ${max}]`)
          : ok(v),
  };
}

/** One of a few literal strings. */
export function oneOf<const L extends readonly string[]>(...values: L): Schema<L[number]> {
  return {
    check: (v, path = '') => (typeof v === 'string' && values.includes(v) ? ok(v as L[number]) : fail(path, `expected one of ${values.join(', ')}`)),
  };
}

/** A list of at most `max` items, each checked by `item`. */
export function list<T>(item: Schema<T>, max: number): Schema<T[]> {
  return {
    check(v, path = '') {
      if (!Array.isArray(v)) return fail(path, `expected a list, got ${describe(v)}`);
      if (v.length > max) return fail(path, `more than ${max} items`);
      const out: T[] = [];
      for (let i = 0; i < v.length; i++) {
        const r = item.check(v[i], `${path}[${i}]`);
        if (!r.ok) return r;
        out.push(r.value);
      }
      return ok(out);
    },
  };
}

/** Marks an object field as one that may be absent (undefined counts as absent). */
export function optional<T>(s: Schema<T>): Schema<T | undefined> & { readonly optional: true } {
  return { check: (v, path) => (v === undefined ? ok(undefined) : s.check(v, path)), optional: true };
}

type Fields = Record<string, Schema<unknown>>;
type OptionalKeys<F extends Fields> = { [K in keyof F]: F[K] extends { readonly optional: true } ? K : never }[keyof F];
type Simplify<T> = { [K in keyof T]: T[K] };
export type ObjectOf<F extends Fields> = Simplify<
  { [K in Exclude<keyof F, OptionalKeys<F>>]: Infer<F[K]> } & { [K in OptionalKeys<F>]?: Exclude<Infer<F[K]>, undefined> }
>;

/**
 * A plain object with exactly these fields: a missing required field, a field of the wrong type
 * or a field the schema does not name fails. The value returned is a fresh object holding only
 * the checked fields (absent optional ones left out), so nothing unchecked passes through.
 */
export function obj<F extends Fields>(fields: F): Schema<ObjectOf<F>> {
  return {
    check(v, path = '') {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(path, `expected an object, got ${describe(v)}`);
      const proto: unknown = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return fail(path, 'expected a plain object');
      const at = (k: string): string => (path ? `${path}.${k}` : k);
      for (const k of Object.keys(v)) if (!Object.prototype.hasOwnProperty.call(fields, k)) return fail(at(k), 'unexpected field');
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(fields)) {
        const raw: unknown = Object.prototype.hasOwnProperty.call(v, k) ? (v as Record<string, unknown>)[k] : undefined;
        if (raw === undefined && !s.optional) return fail(at(k), 'missing');
        const r = s.check(raw, at(k));
        if (!r.ok) return r;
        if (r.value !== undefined) out[k] = r.value;
      }
      return ok(out as ObjectOf<F>);
    },
  };
}
