/**
 * Type-to-find for the trees: typing letters jumps to the next row whose label starts with them,
 * like VS Code's lists and the native tree views of every OS. Pure logic, no DOM.
 */

/** Keystrokes further apart than this start a new search. */
export const TYPE_AHEAD_RESET_MS = 800;

/** Collects typed characters into a search prefix. */
export class TypeAheadBuffer {
  private text = '';
  private lastAt = -Infinity;

  constructor(private readonly resetMs = TYPE_AHEAD_RESET_MS) {}

  /** Adds one typed character and returns the search to run. */
  push(char: string, now: number): TypeAheadSearch {
    if (now - this.lastAt > this.resetMs) this.text = '';
    this.lastAt = now;
    this.text += char;
    return searchFor(this.text);
  }

  clear(): void {
    this.text = '';
    this.lastAt = -Infinity;
  }

  get current(): string {
    return this.text;
  }
}

export interface TypeAheadSearch {
  /** What labels must start with (case-insensitive). */
  prefix: string;
  /**
   * Whether the row under the cursor may match. A new search (one character) or a repeated
   * character ("aaa" cycles through rows starting with "a") moves on; a longer prefix refines
   * the current match, so it stays if it still matches.
   */
  includeCurrent: boolean;
}

export function searchFor(typed: string): TypeAheadSearch {
  const chars = Array.from(typed);
  const repeated = chars.length > 1 && chars.every((c) => c === chars[0]);
  if (chars.length <= 1 || repeated) return { prefix: chars[0] ?? '', includeCurrent: false };
  return { prefix: typed, includeCurrent: true };
}

/** Case-insensitive prefix match, ignoring leading whitespace of the label. */
export function labelMatches(label: string, prefix: string): boolean {
  if (prefix === '') return false;
  return label.trimStart().toLocaleLowerCase().startsWith(prefix.toLocaleLowerCase());
}

/**
 * A key event's character if it may feed type-to-find (a printable key without modifiers).
 * Space is returned too: the tree uses it only while a search is under way.
 */
export function typeAheadChar(key: string, mods: { ctrlKey: boolean; metaKey: boolean; altKey: boolean }): string | undefined {
  if (mods.ctrlKey || mods.metaKey || mods.altKey) return undefined;
  // Printable keys have a one-character key value (one code point; astral chars are 2 UTF-16 units).
  if (Array.from(key).length !== 1) return undefined;
  return key;
}
