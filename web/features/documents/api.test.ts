import { describe, expect, it } from 'vitest';
import { problemParts, snippetOf } from './api.js';

describe('document template editor helpers', () => {
  it('reads the placeholder and line out of a template problem', () => {
    expect(problemParts({ path: 'body', code: 'unknown_placeholder', message: 'unknown placeholder "client.nme" (line 3)' })).toEqual({ placeholder: 'client.nme', line: 3 });
    expect(problemParts({ path: 'body', code: 'syntax', message: 'Parse error' })).toEqual({ placeholder: null, line: null });
  });

  it('inserts a value, or a loop block for a list', () => {
    expect(snippetOf({ path: 'client.name', kind: 'text', list: null })).toBe('{{client.name}}');
    expect(snippetOf({ path: 'lines', kind: 'list', list: null })).toBe('{{#each lines}}\n\n{{/each}}');
  });
});
