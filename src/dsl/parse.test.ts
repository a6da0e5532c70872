import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBlueprint } from './index.js';
import { HEADER, writeBlueprintFiles } from '../../test/support/blueprint-files.js';

function load(files: Record<string, string>, options: Parameters<typeof loadBlueprint>[1] = {}) {
  const dir = writeBlueprintFiles(files);
  return loadBlueprint(path.join(dir, 'blueprint.yaml'), { rootDir: dir, ...options });
}

const codes = (r: ReturnType<typeof load>) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);

describe('top level', () => {
  it('rejects unknown top-level keys, listing the valid ones, with line and column', () => {
    const r = load({ 'blueprint.yaml': `${HEADER}node_templete:\n  a: { type: cloudify.nodes.Root }\n` });
    const d = r.diagnostics.find((x) => x.code === 'blueprint.unknown-key')!;
    expect(d.position).toMatchObject({ line: 4, column: 1 });
    expect(d.hint).toContain('node_templates');
  });

  it('requires a supported tosca_definitions_version', () => {
    expect(codes(load({ 'blueprint.yaml': 'tosca_definitions_version: cloudify_dsl_9_9\n' }))).toEqual(['blueprint.version']);
  });

  it('reports every error of a file at once', () => {
    const r = load({
      'blueprint.yaml': `${HEADER}node_templates:\n  a: { type: no.such.Type }\n  b:\n    type: cloudify.nodes.Root\n    properties: { nope: 1 }\n`,
    });
    expect(codes(r).sort()).toEqual(['node.unknown-type', 'property.unknown']);
  });
});

describe('types', () => {
  const types = `node_types:
  base:
    derived_from: cloudify.nodes.Root
    properties:
      port: { type: integer, default: 80 }
      name: { type: string }
    interfaces:
      cloudify.interfaces.lifecycle:
        create: { implementation: p.create, inputs: { size: { default: 1 } } }
  child:
    derived_from: base
    properties:
      port: { type: integer }
    interfaces:
      cloudify.interfaces.lifecycle:
        start: p.start
plugins:
  p: { executor: central_deployment_agent }
`;

  it('merges derived_from chains: properties keep inherited defaults, operations merge one by one', () => {
    const r = load({ 'blueprint.yaml': `${HEADER}${types}node_templates:\n  n:\n    type: child\n    properties: { name: x }\n` });
    const n = r.blueprint!.nodeTemplates['n']!;
    expect(n.hierarchy).toEqual(['cloudify.nodes.Root', 'base', 'child']);
    expect(n.properties).toMatchObject({ port: 80, name: 'x', use_external_resource: false });
    expect(n.interfaces['cloudify.interfaces.lifecycle']!['create']).toMatchObject({ implementation: 'p.create', inputs: { size: 1 } });
    expect(n.interfaces['cloudify.interfaces.lifecycle']!['start']!.implementation).toBe('p.start');
  });

  it('merges template operation inputs over the type when the implementation is the same, and replaces them when it differs', () => {
    const r = load({
      'blueprint.yaml': `${HEADER}${types}node_templates:
  same:
    type: child
    properties: { name: x }
    interfaces: { cloudify.interfaces.lifecycle: { create: { inputs: { extra: 2 } } } }
  other:
    type: child
    properties: { name: x }
    interfaces: { cloudify.interfaces.lifecycle: { create: { implementation: p.other, inputs: { extra: 2 } } } }
  disabled:
    type: child
    properties: { name: x }
    interfaces: { cloudify.interfaces.lifecycle: { create: {} } }
`,
    });
    const op = (node: string) => r.blueprint!.nodeTemplates[node]!.interfaces['cloudify.interfaces.lifecycle']!['create']!;
    expect(op('same')).toMatchObject({ implementation: 'p.create', inputs: { size: 1, extra: 2 } });
    expect(op('other')).toMatchObject({ implementation: 'p.other', inputs: { extra: 2 } });
    expect(op('other').inputs).not.toHaveProperty('size');
    expect(op('disabled').implementation).toBe('');
  });

  it('requires properties without defaults (Cloudify defaults required to true) and checks value types', () => {
    const r = load({ 'blueprint.yaml': `${HEADER}${types}node_templates:\n  n:\n    type: child\n    properties: { port: eighty }\n` });
    expect(codes(r).sort()).toEqual(['property.missing', 'value.type']);
  });

  it('reports derived_from cycles and unknown parents at the derived_from line', () => {
    const r = load({
      'blueprint.yaml': `${HEADER}node_types:\n  a: { derived_from: b }\n  b: { derived_from: a }\n  c: { derived_from: cloudify.nodes.Rot }\n`,
    });
    expect(codes(r)).toContain('node_type.cycle');
    const unknown = r.diagnostics.find((d) => d.code === 'node_type.unknown-parent')!;
    expect(unknown.hint).toContain("did you mean 'cloudify.nodes.Root'");
    expect(unknown.position?.line).toBe(7);
  });

  it('checks nested data types, filling their defaults', () => {
    const r = load({
      'blueprint.yaml': `${HEADER}data_types:
  conn:
    properties:
      host: { type: string }
      port: { type: integer, default: 5432 }
  db:
    properties:
      primary: { type: conn }
node_types:
  database:
    derived_from: cloudify.nodes.Root
    properties:
      config: { type: db }
node_templates:
  ok:
    type: database
    properties: { config: { primary: { host: h } } }
  bad:
    type: database
    properties: { config: { primary: { port: x, extra: 1 } } }
`,
    });
    expect(codes(r).sort()).toEqual(['property.missing', 'property.unknown', 'value.type']);
  });
});

describe('inputs', () => {
  const inputs = `inputs:
  size: { type: integer, default: 3, constraints: [ { in_range: [1, 5] } ] }
  region: { type: string, constraints: [ { valid_values: [eu, us] } ] }
  name: { default: { concat: [ app-, { get_input: region } ] } }
  tags: { type: list, default: [] }
node_templates:
  n: { type: cloudify.nodes.Root }
`;

  it('computes defaults that use other inputs, and checks constraints naming the input and the constraint', () => {
    const ok = load({ 'blueprint.yaml': `${HEADER}${inputs}` }, { inputs: { region: 'eu' } });
    expect(ok.blueprint!.inputValues).toEqual({ size: 3, region: 'eu', name: 'app-eu', tags: [] });
    const bad = load({ 'blueprint.yaml': `${HEADER}${inputs}` }, { inputs: { region: 'mars', size: 9 } });
    const messages = bad.diagnostics.map((d) => d.message).join('\n');
    expect(messages).toContain('input \'region\' value "mars" violates constraint valid_values');
    expect(messages).toContain("input 'size' value 9 violates constraint in_range");
  });

  it('reports a missing required input and unknown given inputs', () => {
    const r = load({ 'blueprint.yaml': `${HEADER}${inputs}` }, { inputs: { nope: 1 } });
    expect(codes(r).sort()).toEqual(['input.missing', 'input.unknown']);
  });

  it('gives placeholders that satisfy constraints when asked', () => {
    const r = load({ 'blueprint.yaml': `${HEADER}${inputs}` }, { placeholders: true });
    expect(r.blueprint!.inputValues['region']).toBe('eu');
  });
});

describe('functions', () => {
  it('resolves get_input, get_property (nested, list index, chained) and concat at plan time; keeps get_attribute and get_secret', () => {
    const r = load({
      'blueprint.yaml': `${HEADER}inputs:
  cfg: { default: { ports: [8080, 8443] } }
node_types:
  t:
    derived_from: cloudify.nodes.Root
    properties:
      conf: { default: {} }
      url: { default: '' }
node_templates:
  a:
    type: t
    properties:
      conf: { port: { get_input: [cfg, ports, 1] } }
      url: { concat: [ 'https://host:', { get_property: [SELF, conf, port] } ] }
  b:
    type: t
    properties:
      conf: { ip: { get_attribute: [a, ip] }, password: { get_secret: db_password } }
      url: { get_property: [a, url] }
`,
    });
    const nodes = r.blueprint!.nodeTemplates;
    expect(nodes['a']!.properties['url']).toBe('https://host:8443');
    expect(nodes['b']!.properties['url']).toBe('https://host:8443');
    expect(nodes['b']!.properties['conf']).toEqual({ ip: { get_attribute: ['a', 'ip'] }, password: { get_secret: 'db_password' } });
  });

  it('reports unknown inputs and nodes, wrong arity and get_property cycles with positions', () => {
    const r = load({
      'blueprint.yaml': `${HEADER}node_types:
  t:
    derived_from: cloudify.nodes.Root
    properties: { x: { default: 1 }, y: { default: 2 } }
node_templates:
  a:
    type: t
    properties:
      x: { get_input: nope }
      y: { get_attribute: [ghost, ip] }
  b:
    type: t
    properties:
      x: { get_property: [SELF, y] }
      y: { get_property: [SELF, x] }
  c:
    type: t
    properties:
      x: { get_property: [SELF] }
`,
    });
    expect(codes(r).sort()).toEqual(['function.arguments', 'function.circular', 'function.unknown-input', 'function.unknown-node']);
    const unknownInput = r.diagnostics.find((d) => d.code === 'function.unknown-input')!;
    expect(unknownInput.position).toMatchObject({ line: 12, column: 10 });
  });
});

describe('imports', () => {
  it('imports relative files and merges their types; Cloudify types URLs map to the shipped library', () => {
    const r = load({
      'blueprint.yaml':
        'tosca_definitions_version: cloudify_dsl_1_4\nimports:\n  - http://cloudify.co/spec/cloudify/6.4.0/types.yaml\n  - lib/types.yaml\nnode_templates:\n  n: { type: my.Type }\n',
      'lib/types.yaml': 'tosca_definitions_version: cloudify_dsl_1_3\nnode_types:\n  my.Type: { derived_from: cloudify.nodes.SoftwareComponent }\n',
    });
    expect(r.blueprint!.nodeTemplates['n']!.hierarchy).toEqual(['cloudify.nodes.Root', 'cloudify.nodes.SoftwareComponent', 'my.Type']);
  });

  it('refuses remote URLs, files outside the root and import cycles through namespaces', () => {
    const r = load({ 'blueprint.yaml': `${HEADER}  - https://example.com/x.yaml\n  - ../../etc/passwd\n` });
    expect(codes(r).sort()).toEqual(['import.outside-root', 'import.remote-url']);
    const cyc = load({
      'blueprint.yaml': `${HEADER}  - a--a.yaml\n`,
      'a.yaml': 'tosca_definitions_version: cloudify_dsl_1_5\nimports:\n  - b--a.yaml\n',
    });
    expect(codes(cyc)).toEqual(['import.cycle']);
  });

  it('finding 17: a main blueprint file that is a symbolic link out of the root is refused unread', () => {
    const outside = writeBlueprintFiles({ 'secret.yaml': 'tosca_definitions_version: cloudify_dsl_1_5\nnot: [valid SECRET-CONTENT\n' });
    const dir = writeBlueprintFiles({});
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(dir, 'blueprint.yaml'));
    const r = loadBlueprint(path.join(dir, 'blueprint.yaml'), { rootDir: dir });
    expect(codes(r)).toEqual(['blueprint.outside-root']);
    expect(JSON.stringify(r.diagnostics)).not.toContain('SECRET-CONTENT');
    expect(r.diagnostics[0]!.position).toMatchObject({ line: 1, column: 1 });
  });

  it('finding 10: the files of a blueprint together have one size budget; going over is refused at the import', () => {
    const big = `tosca_definitions_version: cloudify_dsl_1_5\nnode_types:\n${Array.from({ length: 4000 }, (_, i) => `  t${i}: { derived_from: cloudify.nodes.Root }`).join('\n')}\n`;
    const r = load(
      {
        'blueprint.yaml': `${HEADER}  - a.yaml\n  - b.yaml\n  - c.yaml\nnode_templates:\n  n: { type: cloudify.nodes.Root }\n`,
        'a.yaml': big,
        'b.yaml': big,
        'c.yaml': big,
      },
      { maxTotalBytes: 400_000 },
    );
    expect(codes(r)).toEqual(['import.too-large']);
    expect(r.diagnostics[0]!.position).toMatchObject({ line: 6, column: 5 });
    expect(
      codes(
        load({ 'blueprint.yaml': `${HEADER}  - a.yaml\nnode_templates:\n  n: { type: cloudify.nodes.Root }\n`, 'a.yaml': big }, { maxTotalBytes: 400_000 }),
      ),
    ).toEqual([]);
  });

  it('finding 23: an operation whose script is not a file of the blueprint is refused at the operation (plugin tasks are not files)', () => {
    const bp = `${HEADER}plugins:\n  p: { executor: central_deployment_agent }\nnode_templates:\n  n:\n    type: cloudify.nodes.Root\n    interfaces:\n      cloudify.interfaces.lifecycle:\n        create: scripts/create.sh\n        configure: scripts/missing.sh\n        start: p.tasks.start\n`;
    const r = load({ 'blueprint.yaml': bp, 'scripts/create.sh': 'true\n' });
    expect(codes(r)).toEqual(['operation.script-not-found']);
    expect(r.diagnostics[0]!.message).toContain("'scripts/missing.sh'");
    expect(r.diagnostics[0]!.position).toMatchObject({ line: 12 });
    expect(codes(load({ 'blueprint.yaml': bp, 'scripts/create.sh': 'true\n', 'scripts/missing.sh': 'true\n' }))).toEqual([]);
  });

  it('finding 18: a node, input or type named __proto__ is refused with its position, not silently dropped', () => {
    const r = load({
      'blueprint.yaml': `${HEADER}inputs:\n  __proto__: { default: 1 }\nnode_templates:\n  __proto__: { type: cloudify.nodes.Root }\n  ok: { type: cloudify.nodes.Root }\n`,
    });
    expect(codes(r)).toEqual(['yaml.reserved-key', 'yaml.reserved-key']);
    expect(r.diagnostics.map((d) => d.position?.line)).toEqual([5, 7]);
  });

  it('finding 17: plugin:../../x cannot leave the plugins directory', () => {
    const plugins = writeBlueprintFiles({
      'p/x/plugin.yaml': 'node_types: {}\n',
      'outside/plugin.yaml': 'node_types:\n  evil.Type: { derived_from: cloudify.nodes.Root }\n',
    });
    for (const spec of ['plugin:../outside', 'plugin:x/../../outside', 'plugin:/etc']) {
      const r = load({ 'blueprint.yaml': `${HEADER}  - ${spec}\n` }, { pluginDirs: [path.join(plugins, 'p')] });
      expect(codes(r)).toEqual(['import.plugin-name']);
      expect(r.diagnostics[0]!.position).toMatchObject({ line: 4 });
    }
    expect(codes(load({ 'blueprint.yaml': `${HEADER}  - plugin:x\n` }, { pluginDirs: [path.join(plugins, 'p')] }))).toEqual([]);
  });

  it('namespaces an import: its types, nodes and inputs get the ns-- prefix, references inside follow', () => {
    const r = load({
      'blueprint.yaml': `${HEADER}  - net--network.yaml\nnode_templates:\n  app:\n    type: cloudify.nodes.Root\n    relationships: [ { type: cloudify.relationships.connected_to, target: net--vpc } ]\n`,
      'network.yaml': `tosca_definitions_version: cloudify_dsl_1_5
inputs:
  cidr: { default: 10.0.0.0/16 }
node_types:
  Vpc: { derived_from: cloudify.nodes.Network, properties: { cidr: {} } }
node_templates:
  vpc:
    type: Vpc
    properties: { cidr: { get_input: cidr } }
`,
    });
    const nodes = r.blueprint!.nodeTemplates;
    expect(nodes['net--vpc']).toMatchObject({ type: 'net--Vpc', properties: { cidr: '10.0.0.0/16' } });
    expect(r.blueprint!.inputs).toHaveProperty('net--cidr');
  });

  it('resolves blueprint: imports through the mapping and says when one is missing', () => {
    const files = {
      'blueprint.yaml': `${HEADER}  - infra--blueprint:infra\nnode_templates:\n  app: { type: cloudify.nodes.Root, relationships: [ { type: cloudify.relationships.contained_in, target: infra--vm } ] }\n`,
      'infra/blueprint.yaml': `${HEADER}node_templates:\n  vm: { type: cloudify.nodes.Compute }\n`,
    };
    const missing = load(files);
    expect(missing.diagnostics[0]).toMatchObject({ code: 'import.blueprint-unmapped' });
    expect(missing.diagnostics[0]!.hint).toContain('--blueprint-import infra=');
    const mapped = load(files, { blueprintImports: { infra: 'infra/blueprint.yaml' } });
    expect(mapped.blueprint!.nodeTemplates['app']!.host).toBe('infra--vm');
    expect(mapped.blueprint!.namespacesMapping).toEqual({ infra: 'infra' });
  });

  it('finds plugin type files in a plugins directory, per DSL version', () => {
    const r = load(
      {
        'blueprint.yaml': `${HEADER}  - plugin:my-plugin?version= >=1.0\nnode_templates:\n  n: { type: cloudify.nodes.my.Thing }\n`,
        'plugins/my-plugin/plugin.yaml':
          'plugins:\n  my: { executor: central_deployment_agent }\nnode_types:\n  cloudify.nodes.my.Old: { derived_from: cloudify.nodes.Root }\n',
        'plugins/my-plugin/plugin_1_5.yaml':
          'plugins:\n  my: { executor: central_deployment_agent }\nnode_types:\n  cloudify.nodes.my.Thing:\n    derived_from: cloudify.nodes.Root\n    interfaces: { cloudify.interfaces.lifecycle: { create: my.tasks.create } }\n',
      },
      {},
    );
    expect(codes(r)).toEqual(['import.unknown-plugin']);
    const dir = writeBlueprintFiles({
      'blueprint.yaml': `${HEADER}  - plugin:my-plugin\nnode_templates:\n  n: { type: cloudify.nodes.my.Thing }\n`,
      'plugins/my-plugin/plugin_1_5.yaml':
        'plugins:\n  my: { executor: central_deployment_agent }\nnode_types:\n  cloudify.nodes.my.Thing: { derived_from: cloudify.nodes.Root }\n',
    });
    const ok = loadBlueprint(path.join(dir, 'blueprint.yaml'), { rootDir: dir, pluginDirs: [path.join(dir, 'plugins')] });
    expect(ok.blueprint!.plugins).toHaveProperty('my');
  });
});

describe('hostile input', () => {
  it('stops YAML alias bombs quickly', () => {
    const bomb = ['tosca_definitions_version: cloudify_dsl_1_5', 'a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const started = Date.now();
    const r = load({ 'blueprint.yaml': bomb.join('\n') });
    expect(codes(r)).toEqual(['yaml.limit']);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses deep nesting, non-UTF-8 files and malformed YAML with positions', () => {
    expect(codes(load({ 'blueprint.yaml': `tosca_definitions_version: cloudify_dsl_1_5\nx: ${'['.repeat(300)}${']'.repeat(300)}\n` }))).toEqual(['yaml.limit']);
    const dir = writeBlueprintFiles({ 'blueprint.yaml': Buffer.from([0x74, 0x6f, 0xff, 0xfe, 0x0a]) });
    expect(loadBlueprint(path.join(dir, 'blueprint.yaml'), { rootDir: dir }).diagnostics[0]!.code).toBe('yaml.encoding');
    const bad = load({ 'blueprint.yaml': 'tosca_definitions_version: cloudify_dsl_1_5\nnode_templates:\n  a: [\n' });
    expect(bad.diagnostics[0]).toMatchObject({ code: 'yaml.syntax', position: { line: 4 } });
  });

  it('never lets a __proto__ key reach the prototype chain', () => {
    const r = load({ 'blueprint.yaml': `${HEADER}node_templates:\n  n:\n    type: cloudify.nodes.Root\n    properties: { __proto__: { polluted: true } }\n` });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(codes(r)).toEqual(['yaml.reserved-key']);
  });
});

describe('the shipped type libraries', () => {
  it('load together with no diagnostic at all (no duplicate keys, no unknown types)', () => {
    const dir = writeBlueprintFiles({
      'blueprint.yaml': `${HEADER}  - plugin:cloudify-kubernetes-plugin\n  - plugin:cloudify-aws-plugin\n  - plugin:isthmus-hybrid\nnode_templates:\n  a: { type: cloudify.nodes.Root }\n`,
    });
    const result = loadBlueprint(path.join(dir, 'blueprint.yaml'), { rootDir: dir });
    expect(result.diagnostics).toEqual([]);
  });
});
