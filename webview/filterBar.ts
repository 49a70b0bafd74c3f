/**
 * The filter bar: event type, goroutine, proc, thread, time range and free text. Edits are
 * debounced into one setFilter; #filter-status says how many events match once the host has
 * applied it. Parsing rules are in filter/filterInput.ts.
 *
 * Native <input>/<select>/<button> styled with the theme variables, not the webview UI toolkit:
 * the toolkit is deprecated upstream, its controls put the real <input> in a shadow root (so
 * #filter-text would not be an input for keyboard users' tools and the end-to-end tests), and
 * it would add a web-components runtime to a page that needs a handful of controls.
 */
import type { Filter } from '../src/shared/protocol.js';
import { codicon, debounce, el } from './dom.js';
import { EMPTY_FIELDS, filterToFields, isEmptyFilter, parseFilterFields, sameFilter, type FieldName, type FilterFields } from './filter/filterInput.js';
import { formatCount } from './format.js';

export const FILTER_DEBOUNCE_MS = 300;

interface FieldSpec {
  name: Exclude<FieldName, 'type'>;
  label: string;
  placeholder: string;
  className: string;
}

const INPUTS: FieldSpec[] = [
  { name: 'text', label: 'Filter text: function, message, task, region, string argument', placeholder: 'Filter: function, message, task…', className: 'filter-text' },
  {
    name: 'goroutine',
    label: "Goroutine ID: the goroutine's events as Go gives them (those it runs, and those that change its state: its creation, another goroutine unblocking it), as listed under Goroutines",
    placeholder: 'Goroutine',
    className: 'filter-id',
  },
  { name: 'proc', label: "Proc ID: the proc's events (those that run on it, and those that change its state), as listed under Procs", placeholder: 'Proc', className: 'filter-id' },
  { name: 'thread', label: "Thread ID: the events the thread (M) runs, as listed under Threads", placeholder: 'Thread', className: 'filter-id' },
  { name: 'from', label: 'From time since the first event (ns, or with a unit: 1.5ms, 20us, 2s)', placeholder: 'From time', className: 'filter-time' },
  { name: 'to', label: 'To time since the first event (ns, or with a unit: 1.5ms, 20us, 2s)', placeholder: 'To time', className: 'filter-time' },
];

export class FilterBar {
  readonly element: HTMLElement;
  private readonly inputs = new Map<FieldName, HTMLInputElement | HTMLSelectElement>();
  private readonly typeSelect = el('select', 'filter-type');
  private readonly status = el('span', 'filter-status');
  private readonly clearButton = el('button', 'filter-clear icon-button');
  private sent: Filter = {};
  private readonly sendSoon = debounce(() => this.send(), FILTER_DEBOUNCE_MS);

  constructor(private readonly onFilter: (filter: Filter) => void) {
    this.element = el('div', 'filter-bar');
    this.element.id = 'filter-bar';
    this.element.setAttribute('role', 'search');
    this.element.setAttribute('aria-label', 'Filter events');

    this.element.append(codicon('filter', 'filter-icon'));
    for (const spec of INPUTS) {
      const input = el('input', `filter-input ${spec.className}`);
      input.id = `filter-${spec.name}`;
      input.type = spec.name === 'text' ? 'search' : 'text';
      input.placeholder = spec.placeholder;
      input.setAttribute('aria-label', spec.label);
      input.title = spec.label;
      input.spellcheck = false;
      input.autocomplete = 'off';
      if (spec.name !== 'text' && spec.name !== 'from' && spec.name !== 'to') input.inputMode = 'numeric';
      input.addEventListener('input', () => this.sendSoon());
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') this.sendNow();
        if (e.key === 'Escape' && input.value !== '') {
          input.value = '';
          this.sendNow();
          e.stopPropagation();
        }
      });
      this.inputs.set(spec.name, input);
      if (spec.name === 'text') this.element.append(input, this.typeSelect);
      else this.element.append(input);
    }

    this.typeSelect.id = 'filter-type';
    this.typeSelect.setAttribute('aria-label', 'Event type');
    this.typeSelect.title = 'Event type';
    this.typeSelect.append(new Option('All event types', ''));
    this.typeSelect.addEventListener('change', () => this.sendNow());
    this.inputs.set('type', this.typeSelect);

    this.clearButton.id = 'filter-clear';
    this.clearButton.type = 'button';
    this.clearButton.title = 'Clear the filter';
    this.clearButton.setAttribute('aria-label', 'Clear the filter');
    this.clearButton.append(codicon('clear-all'));
    this.clearButton.addEventListener('click', () => this.clear());

    this.status.id = 'filter-status';
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    this.element.append(this.clearButton, this.status);
  }

  /** The event type names for the type list (from the eventTypes message). */
  setEventTypes(names: readonly string[]): void {
    const current = this.typeSelect.value;
    const options = [new Option('All event types', '')];
    for (const name of [...names].sort((a, b) => a.localeCompare(b))) options.push(new Option(name, name)); // Option() sets text, not markup
    if (current !== '' && !names.includes(current)) options.push(new Option(current, current));
    this.typeSelect.replaceChildren(...options);
    this.typeSelect.value = current;
  }

  /**
   * Shows a filter in the fields without sending it (restored state; the host cleared it).
   * `pending`: the caller sends it now, so the status says so until the host has applied it.
   */
  show(filter: Filter, pending = false): void {
    const fields = filterToFields(filter);
    if (fields.type !== '' && !Array.from(this.typeSelect.options).some((o) => o.value === fields.type)) {
      this.typeSelect.append(new Option(fields.type, fields.type));
    }
    for (const [name, input] of this.inputs) input.value = fields[name];
    this.sent = parseFilterFields(fields).filter;
    this.markInvalid([]);
    this.clearButton.disabled = isEmptyFilter(this.sent);
    if (pending && !isEmptyFilter(this.sent)) {
      this.status.textContent = 'Filtering…';
      this.status.classList.remove('no-match');
      this.element.classList.add('busy');
    }
  }

  /** Ctrl+F: the text field, its text selected. */
  focusText(): void {
    const input = this.inputs.get('text') as HTMLInputElement;
    input.focus();
    input.select();
  }

  /**
   * The host applied a filter and counted the matching events; `done` false: the count so far,
   * more follows (`waiting`: the search waits for the summaries).
   */
  applied(filter: Filter, matches: number, done = true, waiting = false): void {
    if (!sameFilter(filter, this.sent)) return; // an older filter; the newer one is on its way
    const noun = matches === 1 ? 'event matches' : 'events match';
    if (waiting) this.status.textContent = 'Filtering: waiting for the summaries…';
    else if (isEmptyFilter(filter)) this.status.textContent = `${formatCount(matches)} events`;
    else this.status.textContent = done ? `${formatCount(matches)} ${noun}` : `${formatCount(matches)} ${noun} so far…`;
    this.status.classList.toggle('no-match', done && matches === 0 && !isEmptyFilter(filter));
    this.element.classList.toggle('busy', !done);
  }

  current(): Filter {
    return this.sent;
  }

  private clear(): void {
    for (const input of this.inputs.values()) input.value = '';
    this.sendNow();
  }

  private sendNow(): void {
    this.sendSoon.cancel();
    this.send();
  }

  private fields(): FilterFields {
    const f: FilterFields = { ...EMPTY_FIELDS };
    for (const [name, input] of this.inputs) f[name] = input.value;
    return f;
  }

  private send(): void {
    const { filter, invalid } = parseFilterFields(this.fields());
    this.markInvalid(invalid);
    this.clearButton.disabled = isEmptyFilter(filter) && invalid.length === 0;
    if (sameFilter(filter, this.sent)) return;
    this.sent = filter;
    this.status.textContent = 'Filtering…';
    this.status.classList.remove('no-match');
    this.element.classList.add('busy');
    this.onFilter(filter);
  }

  private markInvalid(invalid: readonly FieldName[]): void {
    for (const [name, input] of this.inputs) {
      const bad = invalid.includes(name);
      input.classList.toggle('invalid', bad);
      if (bad) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
  }
}
