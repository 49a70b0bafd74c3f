/**
 * Turns what the user typed in the filter bar into a protocol Filter, and back. Pure, so the
 * rules (what is valid, what an empty field means) are tested without a DOM.
 */
import type { Filter } from '../../src/shared/protocol.js';
import { formatDuration, parseDurationNs, parseId } from '../format.js';

/** The raw values of the filter bar's fields. */
export interface FilterFields {
  text: string;
  /** Selected event type, '' for all. */
  type: string;
  goroutine: string;
  proc: string;
  thread: string;
  from: string;
  to: string;
}

export type FieldName = keyof FilterFields;

export interface FilterParse {
  filter: Filter;
  /** Fields whose value could not be read; they are left out of the filter. */
  invalid: FieldName[];
}

export const EMPTY_FIELDS: FilterFields = { text: '', type: '', goroutine: '', proc: '', thread: '', from: '', to: '' };

export function parseFilterFields(f: FilterFields): FilterParse {
  const filter: Filter = {};
  const invalid: FieldName[] = [];
  if (f.text.trim() !== '') filter.text = f.text.trim();
  if (f.type !== '') filter.eventTypes = [f.type];
  const ids = [
    ['goroutine', 'goroutine'],
    ['proc', 'proc'],
    ['thread', 'thread'],
  ] as const;
  for (const [field, key] of ids) {
    const v = parseId(f[field]);
    if (v === undefined) continue;
    if (Number.isNaN(v)) invalid.push(field);
    else filter[key] = v;
  }
  const times = [
    ['from', 'fromNs'],
    ['to', 'toNs'],
  ] as const;
  for (const [field, key] of times) {
    const v = parseDurationNs(f[field]);
    if (v === undefined) continue;
    if (Number.isNaN(v)) invalid.push(field);
    else filter[key] = v;
  }
  if (filter.fromNs !== undefined && filter.toNs !== undefined && filter.fromNs > filter.toNs) {
    invalid.push('to');
    delete filter.toNs;
  }
  return { filter, invalid };
}

/** The field values that show a filter (restoring saved state). */
export function filterToFields(filter: Filter): FilterFields {
  return {
    text: filter.text ?? '',
    type: filter.eventTypes?.[0] ?? '',
    goroutine: filter.goroutine?.toString() ?? '',
    proc: filter.proc?.toString() ?? '',
    thread: filter.thread?.toString() ?? '',
    from: filter.fromNs !== undefined ? formatNsForInput(filter.fromNs) : '',
    to: filter.toNs !== undefined ? formatNsForInput(filter.toNs) : '',
  };
}

/** A time the parser reads back exactly: plain ns unless a unit is exact. */
function formatNsForInput(ns: number): string {
  const pretty = formatDuration(ns).replace(/\s+/g, '');
  return parseDurationNs(pretty) === ns ? pretty : String(ns);
}

export function isEmptyFilter(filter: Filter): boolean {
  return Object.keys(filter).length === 0;
}

/** Structural equality of two filters (to skip sending one that did not change). */
export function sameFilter(a: Filter, b: Filter): boolean {
  return canonical(a) === canonical(b);
}

function canonical(f: Filter): string {
  const keys = Object.keys(f).sort() as (keyof Filter)[];
  return JSON.stringify(keys.map((k) => [k, f[k]]));
}
