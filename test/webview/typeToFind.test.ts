import * as assert from 'node:assert/strict';
import { labelMatches, searchFor, TypeAheadBuffer, typeAheadChar } from '../../webview/tree/typeToFind.js';
import { moveTarget } from '../../webview/tree/keyNavigation.js';

describe('type-to-find', () => {
  it('accumulates quick keystrokes and restarts after a pause', () => {
    const b = new TypeAheadBuffer(500);
    assert.deepEqual(b.push('g', 0), { prefix: 'g', includeCurrent: false });
    assert.deepEqual(b.push('o', 100), { prefix: 'go', includeCurrent: true });
    assert.deepEqual(b.push('c', 1000), { prefix: 'c', includeCurrent: false });
  });

  it('cycles with a repeated character', () => {
    assert.deepEqual(searchFor('aaa'), { prefix: 'a', includeCurrent: false });
    assert.deepEqual(searchFor('ab'), { prefix: 'ab', includeCurrent: true });
  });

  it('matches label prefixes case-insensitively, including markup-looking labels as plain text', () => {
    assert.ok(labelMatches('GoCreate', 'goc'));
    assert.ok(!labelMatches('GoCreate', 'create'));
    assert.ok(labelMatches('<img src=x onerror=alert(1)>', '<img'));
    assert.ok(!labelMatches('anything', ''));
  });

  it('takes printable keys without modifiers only', () => {
    const none = { ctrlKey: false, metaKey: false, altKey: false };
    assert.equal(typeAheadChar('a', none), 'a');
    assert.equal(typeAheadChar('é', none), 'é');
    assert.equal(typeAheadChar('ArrowDown', none), undefined);
    assert.equal(typeAheadChar('c', { ...none, ctrlKey: true }), undefined);
  });
});

describe('keyNavigation', () => {
  it('moves and clamps', () => {
    assert.equal(moveTarget('ArrowDown', 4, 5, 10, 0), 4);
    assert.equal(moveTarget('ArrowUp', 0, 5, 10, 0), 0);
    assert.equal(moveTarget('Home', 3, 5, 10, 0), 0);
    assert.equal(moveTarget('End', 0, 5, 10, 0), 4);
    assert.equal(moveTarget('ArrowDown', -1, 5, 10, 0), 0);
    assert.equal(moveTarget('ArrowDown', 0, 0, 10, 0), -1);
  });

  it('pages to the edge of the view first, then by a page', () => {
    assert.equal(moveTarget('PageDown', 2, 100, 10, 0), 9);
    assert.equal(moveTarget('PageDown', 9, 100, 10, 0), 18);
    assert.equal(moveTarget('PageUp', 15, 100, 10, 10), 10);
    assert.equal(moveTarget('PageUp', 10, 100, 10, 10), 1);
  });
});
