import { describe, expect, it } from 'vitest';
import { OperationError } from '../runtime/errors.js';
import { renderJinja } from './templates.js';

const render = (text: string, vars: Record<string, unknown>) => renderJinja(text, vars, 't.j2');

describe('Jinja templates (nunjucks, printing as Jinja2 does)', () => {
  const vars = { USER: { name: 'Ann', tags: ['a', 'b'] }, ID: 7, EMPTY: '', LIST: [1, 2], saved: { id: 3 }, ON: true, NOTHING: null };
  it('renders expressions with paths, literals and filters', () => {
    expect(render('/posts/{{ID}}/{{ saved.id }}/{{ USER.tags[1] }}', vars)).toBe('/posts/7/3/b');
    expect(render('{{ USER|tojson }} {{ USER.name|upper }} {{ missing|default("x") }} {{ LIST|length }}', vars)).toBe(
      '{"name":"Ann","tags":["a","b"]} ANN x 2',
    );
    expect(render('[{{ missing }}]', vars)).toBe('[]');
  });

  it("prints values as Python's str(): True/False, None as nothing, dicts and lists as literals", () => {
    expect(render('{{ ON }} {{ not ON }} [{{ NOTHING }}] {{ USER }} {{ LIST }}', vars)).toBe("True False [] {'name': 'Ann', 'tags': ['a', 'b']} [1, 2]");
  });

  it('renders if/elif/else with tests and comparisons, for loops, macros and comments', () => {
    expect(render('{% if EMPTY %}a{% elif ID == 7 %}b{% else %}c{% endif %}', vars)).toBe('b');
    expect(render('{% if USER is not string %}map{% endif %}{% if missing is defined %}!{% endif %}{% if NOTHING is none %}none{% endif %}', vars)).toBe(
      'mapnone',
    );
    expect(render('{% if not EMPTY and ID != 8 %}ok{% endif %}{% if LIST is sequence %}seq{% endif %}', vars)).toBe('okseq');
    expect(render('{% for t in USER.tags %}<{{ t }}>{% endfor %}{# note #}', vars)).toBe('<a><b>');
    expect(render('{% macro hi(n) %}hi {{ n }}{% endmacro %}{{ hi(USER.name) }}', vars)).toBe('hi Ann');
  });

  it('fails the operation on what it cannot render, naming the template', () => {
    expect(() => render('{{ ID|bogus }}', vars)).toThrow(OperationError);
    expect(() => render('{{ ID|bogus }}', vars)).toThrow(/cannot render t\.j2: .*filter not found: bogus/);
    expect(() => render('{% if ID %}never closed', vars)).toThrow(/cannot render t\.j2/);
  });
});
