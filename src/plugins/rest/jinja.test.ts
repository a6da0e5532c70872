import { describe, expect, it } from 'vitest';
import { renderJinja } from './jinja.js';

describe('the Jinja subset of REST templates', () => {
  const vars = { USER: { name: 'Ann', tags: ['a', 'b'] }, ID: 7, EMPTY: '', LIST: [1, 2], saved: { id: 3 } };
  it('renders expressions with paths, literals and filters', () => {
    expect(renderJinja('/posts/{{ID}}/{{ saved.id }}/{{ USER.tags[1] }}', vars)).toBe('/posts/7/3/b');
    expect(renderJinja('{{ USER|tojson }} {{ USER.name|upper }} {{ missing|default("x") }} {{ LIST|length }}', vars)).toBe(
      '{"name":"Ann","tags":["a","b"]} ANN x 2',
    );
    expect(renderJinja('[{{ missing }}]', vars)).toBe('[]');
  });
  it('renders if/elif/else with tests and comparisons, and for loops', () => {
    expect(renderJinja('{% if EMPTY %}a{% elif ID == 7 %}b{% else %}c{% endif %}', vars)).toBe('b');
    expect(renderJinja('{% if USER is not string %}map{% endif %}{% if missing is defined %}!{% endif %}', vars)).toBe('map');
    expect(renderJinja('{% if not EMPTY and ID != 8 %}ok{% endif %}', vars)).toBe('ok');
    expect(renderJinja('{% for t in USER.tags %}<{{ t }}>{% endfor %}{# note #}', vars)).toBe('<a><b>');
  });
  it('refuses what it does not render, naming it', () => {
    expect(() => renderJinja('{% macro x() %}{% endmacro %}', vars)).toThrow(/\{% macro %\} is not supported/);
    expect(() => renderJinja('{{ ID|bogus }}', vars)).toThrow(/filter 'bogus'/);
    expect(() => renderJinja('{% if ID %}never closed', vars)).toThrow(/not closed/);
  });
});
