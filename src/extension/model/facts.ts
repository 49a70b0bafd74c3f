/** Rows of facts ("name: value") for the event pane of a row that is not an event, and their time texts. */
import { formatNs } from './format.js';

/** One "name: value" row; `offset` makes Show Wire Dump go there. */
export interface Fact {
  name: string;
  value: string;
  offset?: number;
}

/** A time since the trace's start ("+1.5 ms"), or "none". */
export const at = (ns: number, start: number): string => (Number.isNaN(ns) ? 'none' : `${ns >= start ? '+' : ''}${formatNs(ns - start)}`);

/** A time span and its length, or "no events". */
export const span = (from: number, to: number, start: number): string => (Number.isNaN(from) ? 'no events' : `${at(from, start)} … ${at(to, start)} (${formatNs(to - from)})`);
