import { OperationError } from '../../runtime/errors.js';

/**
 * The part of Jinja2 that Cloudify REST templates use: `{{ expr }}` with dotted or indexed paths,
 * string/number literals and filters (tojson, string, int, float, lower, upper, trim, length,
 * default(x)); `{% if %}/{% elif %}/{% else %}/{% endif %}` with `not`, `and`, `or`, `==`, `!=`
 * and the tests `is [not] defined|none|string|number|mapping|sequence`; `{% for x in expr %}` …
 * `{% endfor %}`; `{# comments #}`. Anything else is an error naming it, never a silent mis-render.
 */
export type Vars = Record<string, unknown>;

type Node =
  | { text: string }
  | { expr: string }
  | { if: Array<{ cond: string | undefined; body: Node[] }> }
  | { for: { name: string; expr: string; body: Node[] } };

const TOKEN = /\{\{-?([\s\S]*?)-?\}\}|\{%-?([\s\S]*?)-?%\}|\{#[\s\S]*?#\}/g;

function parse(source: string): Node[] {
  const root: Node[] = [];
  const stack: Array<{ nodes: Node[]; open?: Extract<Node, { if: unknown }> | Extract<Node, { for: unknown }> }> = [{ nodes: root }];
  const top = () => stack[stack.length - 1]!;
  let last = 0;
  for (const m of source.matchAll(TOKEN)) {
    if (m.index! > last) top().nodes.push({ text: source.slice(last, m.index) });
    last = m.index! + m[0].length;
    if (m[1] !== undefined) top().nodes.push({ expr: m[1].trim() });
    else if (m[2] !== undefined) {
      const tag = m[2].trim();
      const [word] = tag.split(/\s+/, 1);
      const rest = tag.slice(word!.length).trim();
      if (word === 'if') {
        const node = { if: [{ cond: rest, body: [] as Node[] }] };
        top().nodes.push(node);
        stack.push({ nodes: node.if[0]!.body, open: node });
      } else if (word === 'elif' || word === 'else') {
        const open = top().open;
        if (!open || !('if' in open)) throw new OperationError(`template: {% ${word} %} outside an if`, false);
        stack.pop();
        const branch = { cond: word === 'elif' ? rest : undefined, body: [] as Node[] };
        open.if.push(branch);
        stack.push({ nodes: branch.body, open });
      } else if (word === 'endif' || word === 'endfor') {
        const open = top().open;
        if (!open || (word === 'endif') !== 'if' in open) throw new OperationError(`template: {% ${word} %} does not close anything`, false);
        stack.pop();
      } else if (word === 'for') {
        const f = /^(\w+)\s+in\s+(.+)$/.exec(rest);
        if (!f) throw new OperationError(`template: cannot read {% ${tag} %}`, false);
        const node = { for: { name: f[1]!, expr: f[2]!, body: [] as Node[] } };
        top().nodes.push(node);
        stack.push({ nodes: node.for.body, open: node });
      } else throw new OperationError(`template: {% ${word} %} is not supported (Isthmus renders if/elif/else/for and {{ expressions }})`, false);
    }
  }
  if (last < source.length) top().nodes.push({ text: source.slice(last) });
  if (stack.length > 1) throw new OperationError('template: an {% if %} or {% for %} is not closed', false);
  return root;
}

function lookup(vars: Vars, path: string): unknown {
  let cur: unknown = vars;
  for (const part of path.replace(/\[(\d+|'[^']*'|"[^"]*")\]/g, '.$1').split('.')) {
    const key = part.replace(/^['"]|['"]$/g, '');
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Array.isArray(cur) ? cur[Number(key)] : (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function atom(vars: Vars, text: string): unknown {
  const t = text.trim();
  if (/^'[^']*'$|^"[^"]*"$/.test(t)) return t.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (t === 'true' || t === 'True') return true;
  if (t === 'false' || t === 'False') return false;
  if (t === 'none' || t === 'None') return null;
  if (!/^[A-Za-z_][\w.\-[\]'"]*$/.test(t)) throw new OperationError(`template: cannot read the expression '${t}'`, false);
  return lookup(vars, t);
}

const FILTERS: Record<string, (v: unknown, arg: unknown) => unknown> = {
  tojson: (v) => JSON.stringify(v ?? null),
  string: (v) => str(v),
  int: (v) => Math.trunc(Number(v)) || 0,
  float: (v) => Number(v) || 0,
  lower: (v) => str(v).toLowerCase(),
  upper: (v) => str(v).toUpperCase(),
  trim: (v) => str(v).trim(),
  length: (v) => (Array.isArray(v) || typeof v === 'string' ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 0),
  default: (v, arg) => (v === undefined ? arg : v),
};

function value(vars: Vars, expr: string): unknown {
  const [head, ...filters] = expr.split('|');
  let v = atom(vars, head!);
  for (const f of filters) {
    const m = /^\s*(\w+)\s*(?:\((.*)\))?\s*$/.exec(f);
    const fn = m && FILTERS[m[1]!];
    if (!fn) throw new OperationError(`template: the filter '${f.trim()}' is not supported`, false);
    v = fn(v, m![2] !== undefined ? atom(vars, m![2]) : undefined);
  }
  return v;
}

const TESTS: Record<string, (v: unknown) => boolean> = {
  defined: (v) => v !== undefined,
  none: (v) => v === null,
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number',
  mapping: (v) => v !== null && typeof v === 'object' && !Array.isArray(v),
  sequence: (v) => Array.isArray(v) || typeof v === 'string',
};

function truthy(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (v && typeof v === 'object') return Object.keys(v).length > 0;
  return Boolean(v);
}

function condition(vars: Vars, cond: string): boolean {
  const or = cond.split(/\s+or\s+/);
  if (or.length > 1) return or.some((c) => condition(vars, c));
  const and = cond.split(/\s+and\s+/);
  if (and.length > 1) return and.every((c) => condition(vars, c));
  const c = cond.trim();
  if (c.startsWith('not ')) return !condition(vars, c.slice(4));
  const test = /^(.+?)\s+is\s+(not\s+)?(\w+)$/.exec(c);
  if (test) {
    const fn = TESTS[test[3]!];
    if (!fn) throw new OperationError(`template: the test 'is ${test[3]}' is not supported`, false);
    return fn(value(vars, test[1]!)) !== Boolean(test[2]);
  }
  const cmp = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(c);
  if (cmp) return (str(value(vars, cmp[1]!)) === str(value(vars, cmp[3]!))) === (cmp[2] === '==');
  return truthy(value(vars, c));
}

function str(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function renderNodes(nodes: Node[], vars: Vars): string {
  let out = '';
  for (const n of nodes) {
    if ('text' in n) out += n.text;
    else if ('expr' in n) out += str(value(vars, n.expr));
    else if ('if' in n) {
      const branch = n.if.find((b) => b.cond === undefined || condition(vars, b.cond));
      if (branch) out += renderNodes(branch.body, vars);
    } else {
      const items = value(vars, n.for.expr);
      for (const item of Array.isArray(items) ? items : items && typeof items === 'object' ? Object.keys(items) : [])
        out += renderNodes(n.for.body, { ...vars, [n.for.name]: item });
    }
  }
  return out;
}

/** Renders a Jinja2 template (the subset above) with `vars`; an undefined variable renders empty, as in Jinja. */
export function renderJinja(source: string, vars: Vars): string {
  return renderNodes(parse(source), vars);
}
