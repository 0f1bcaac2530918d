import { describe, expect, it } from 'vitest';
import { defaultTemplates } from './defaults.js';
import { documentTypes, placeholderList } from './placeholders.js';
import { checkTemplate } from './template-check.js';

const codes = (type: Parameters<typeof checkTemplate>[0], body: string) =>
  checkTemplate(type, body).map((i) => [i.code, i.placeholder, i.line]);

describe('checkTemplate', () => {
  it.each(documentTypes)('accepts the built-in %s template', (type) => {
    expect(checkTemplate(type, defaultTemplates[type].body)).toEqual([]);
  });

  it.each([
    ['a client field', '{{client.name}} {{client.address.city}}'],
    ['common fields', '{{owner.name}} {{today}} {{user.email}}'],
    ['line fields inside each', '{{#each lines}}{{supplyPoint.identifier}} {{saving}} {{savingPercent}}{{/each}}'],
    ['this. and loop variables', '{{#each lines}}{{@index}} {{this.product}}{{#if @last}}.{{/if}}{{/each}}'],
    ['parent and root from inside a loop', '{{#each lines}}{{../offer.number}} {{@root.client.name}}{{/each}}'],
    ['a list length and else', '{{#if lines.length}}x{{else}}none{{/if}}{{#each contacts}}{{fullName}}{{else}}-{{/each}}'],
    ['with over a group', '{{#with client}}{{name}} {{address.street}}{{/with}}'],
    ['unless and comments', '{{!-- note --}}{{#unless offer.note}}no note{{/unless}}'],
  ])('accepts %s', (_, body) => {
    expect(checkTemplate('offer', body)).toEqual([]);
  });

  it('lists every unknown placeholder with its line', () => {
    expect(codes('offer', '# {{offer.numbr}}\n{{client.name}}\n{{#each lines}}{{costs}}{{/each}}\n{{nobody}}')).toEqual([
      ['unknown_placeholder', 'offer.numbr', 1],
      ['unknown_placeholder', 'costs', 3],
      ['unknown_placeholder', 'nobody', 4],
    ]);
  });

  it('knows each type has its own catalogue: a letter has no lines, an offer no letter', () => {
    expect(codes('letter', '{{#each lines}}{{product}}{{/each}}')).toEqual([
      ['unknown_placeholder', 'lines', 1],
      ['unknown_placeholder', 'product', 1],
    ]);
    expect(codes('offer', '{{letter.subject}}')).toEqual([['unknown_placeholder', 'letter.subject', 1]]);
    expect(codes('contract', '{{offer.number}} {{contract.number}}')).toEqual([['unknown_placeholder', 'offer.number', 1]]);
  });

  it('resolves paths relative to the loop item, not the root', () => {
    expect(codes('offer', '{{#each lines}}{{client.name}}{{/each}}')).toEqual([['unknown_placeholder', 'client.name', 1]]);
    expect(codes('offer', '{{saving}}')).toEqual([['unknown_placeholder', 'saving', 1]]);
    expect(codes('offer', '{{@index}}')).toEqual([['unknown_placeholder', '@index', 1]]);
    expect(codes('offer', '{{../client.name}}')).toEqual([['unknown_placeholder', '../client.name', 1]]);
  });

  it('refuses groups printed as values, each over a non-list, helpers and partials', () => {
    expect(codes('offer', '{{client}}')).toEqual([['not_a_value', 'client', 1]]);
    // The inside of a refused block is checked where it stands, so its own names are reported too.
    expect(codes('offer', '{{#each client}}{{name}}{{/each}}')).toEqual([
      ['not_a_list', 'client', 1],
      ['unknown_placeholder', 'name', 1],
    ]);
    expect(codes('offer', '{{lookup client "name"}}')).toEqual([['unknown_helper', 'lookup', 1]]);
    expect(codes('offer', '{{#custom client}}x{{/custom}}')).toEqual([['unknown_helper', 'custom', 1]]);
    expect(codes('offer', '{{> header}}')).toEqual([['unsupported', '', 1]]);
    expect(codes('offer', '{{#each lines as |line|}}{{line.product}}{{/each}}')).toEqual([['unsupported', 'each', 1]]);
  });

  it('reports a syntax error with its line', () => {
    const [issue, ...rest] = checkTemplate('offer', 'ok\n{{#each lines}}\n{{product}}');
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ code: 'syntax', placeholder: '' });
    expect(issue!.message).toMatch(/Parse error|Expecting/);
  });
});

describe('placeholderList', () => {
  it('lists leaves with their enclosing list, for the editor', () => {
    const offer = placeholderList('offer');
    expect(offer).toContainEqual({ path: 'client.vatId', kind: 'text', list: null });
    expect(offer).toContainEqual({ path: 'lines', kind: 'list', list: null });
    expect(offer).toContainEqual({ path: 'supplyPoint.identifier', kind: 'text', list: 'lines' });
    expect(offer).toContainEqual({ path: 'savingPercent', kind: 'percent', list: 'lines' });
    expect(offer).toContainEqual({ path: 'offer.validUntil', kind: 'date', list: null });
    expect(offer).toContainEqual({ path: 'today', kind: 'date', list: null });
    expect(placeholderList('letter').some((p) => p.list === 'lines')).toBe(false);
  });
});
