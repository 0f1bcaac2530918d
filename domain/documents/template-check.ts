import Handlebars from 'handlebars';
import { catalogueOf, type CatalogueNode, type DocumentType, type Shape } from './placeholders.js';

/**
 * What may be wrong with a template: a placeholder not in the type's catalogue, a group (client, a list) printed
 * as if it were a value, a block over something of the wrong kind, a helper or partial the renderer does not
 * offer, or text Handlebars cannot parse.
 */
export type TemplateIssue = {
  code: 'unknown_placeholder' | 'not_a_value' | 'not_a_list' | 'unknown_helper' | 'unsupported' | 'syntax';
  /** The placeholder as written, e.g. `client.nme` or `../offer.number`; empty for syntax errors. */
  placeholder: string;
  line: number | null;
  message: string;
};

/** Block helpers a template may use; values are formatted by their kind, so no other helper exists. */
export const templateBlocks = ['each', 'if', 'unless', 'with'] as const;

type Scope = { shape: Shape; inLoop: boolean };
type Resolved = { kind: 'leaf' } | { kind: 'object'; shape: Shape } | { kind: 'list'; shape: Shape } | { kind: 'unknown' };

const loopVariables = new Set(['index', 'first', 'last', 'key']);

const resolveIn = (shape: Shape, parts: readonly string[]): Resolved => {
  let current: Resolved = { kind: 'object', shape };
  for (const part of parts) {
    if (current.kind === 'list') {
      // `lines.length` is the one property of a list a template may read (e.g. `{{#if lines.length}}`).
      current = part === 'length' ? { kind: 'leaf' } : { kind: 'unknown' };
      continue;
    }
    if (current.kind !== 'object' || !Object.hasOwn(current.shape, part)) return { kind: 'unknown' };
    const node: CatalogueNode = current.shape[part]!;
    current = typeof node === 'string' ? { kind: 'leaf' } : 'object' in node ? { kind: 'object', shape: node.object } : { kind: 'list', shape: node.list };
  }
  return current;
};

const resolvePath = (path: hbs.AST.PathExpression, stack: readonly Scope[]): Resolved => {
  if (path.data) {
    const [head, ...rest] = path.parts;
    if (head === 'root') return resolveIn(stack[0]!.shape, rest);
    const inLoop = stack[stack.length - 1 - path.depth]?.inLoop ?? false;
    return inLoop && rest.length === 0 && head !== undefined && loopVariables.has(head) ? { kind: 'leaf' } : { kind: 'unknown' };
  }
  const scope = stack[stack.length - 1 - path.depth];
  return scope ? resolveIn(scope.shape, path.parts) : { kind: 'unknown' };
};

/** Walks the template's syntax tree (Handlebars' own parser) against the catalogue of the document type. */
export const checkTemplate = (type: DocumentType, body: string): TemplateIssue[] => {
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    const line = /line (\d+)/.exec(message);
    return [{ code: 'syntax', placeholder: '', line: line ? Number(line[1]) : null, message }];
  }
  const issues: TemplateIssue[] = [];
  const lineOf = (node: hbs.AST.Node) => node.loc?.start.line ?? null;
  const issue = (code: TemplateIssue['code'], placeholder: string, node: hbs.AST.Node, message: string) =>
    issues.push({ code, placeholder, line: lineOf(node), message });

  const visitProgram = (p: hbs.AST.Program | undefined, stack: readonly Scope[]) => {
    for (const statement of p?.body ?? []) visit(statement, stack);
  };

  const visit = (node: hbs.AST.Node, stack: readonly Scope[]) => {
    switch (node.type) {
      case 'ContentStatement':
      case 'CommentStatement':
        return;
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        if (m.path.type !== 'PathExpression') return issue('unsupported', String((m.path as hbs.AST.StringLiteral).original), m, 'a literal is not a placeholder');
        const path = m.path as hbs.AST.PathExpression;
        if (m.params.length > 0 || m.hash?.pairs.length) return issue('unknown_helper', path.original, m, `no helper "${path.original}": values are formatted by their kind`);
        const resolved = resolvePath(path, stack);
        if (resolved.kind === 'unknown') return issue('unknown_placeholder', path.original, m, `unknown placeholder "${path.original}"`);
        if (resolved.kind !== 'leaf') return issue('not_a_value', path.original, m, `"${path.original}" is a group, not a value; use one of its fields`);
        return;
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        const helper = b.path.original;
        if (!(templateBlocks as readonly string[]).includes(helper)) return issue('unknown_helper', helper, b, `no block "${helper}"; use ${templateBlocks.join(', ')}`);
        if (b.program?.blockParams?.length) return issue('unsupported', helper, b, 'block parameters (as |x|) are not supported');
        const [param] = b.params;
        if (b.params.length !== 1 || param?.type !== 'PathExpression') return issue('unsupported', helper, b, `{{#${helper}}} takes one placeholder`);
        const path = param as hbs.AST.PathExpression;
        const resolved = resolvePath(path, stack);
        if (resolved.kind === 'unknown') issue('unknown_placeholder', path.original, b, `unknown placeholder "${path.original}"`);
        else if (helper === 'each' && resolved.kind !== 'list') issue('not_a_list', path.original, b, `{{#each}} needs a list; "${path.original}" is not one`);
        else if (helper === 'with' && resolved.kind !== 'object') issue('unsupported', path.original, b, `{{#with}} needs a group; "${path.original}" is not one`);
        const inner =
          helper === 'each' && resolved.kind === 'list'
            ? [...stack, { shape: resolved.shape, inLoop: true }]
            : helper === 'with' && resolved.kind === 'object'
              ? [...stack, { shape: resolved.shape, inLoop: false }]
              : stack;
        // A block over an unknown name is already reported; its inside is checked in the outer scope so its own
        // unknown names are still found (with `each`/`with` they would be relative to nothing).
        visitProgram(b.program, inner);
        visitProgram(b.inverse, stack);
        return;
      }
      default:
        // Partials, decorators and raw blocks are not part of the template language.
        return issue('unsupported', '', node, `${node.type} is not supported`);
    }
  };

  visitProgram(program, [{ shape: catalogueOf(type), inLoop: false }]);
  return issues;
};
