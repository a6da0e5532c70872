import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBlueprint } from './index.js';
import { HEADER, writeBlueprintFiles } from '../../test/support/blueprint-files.js';

function load(files: Record<string, string>, options: Parameters<typeof loadBlueprint>[1] = {}) {
  const dir = writeBlueprintFiles(files);
  return loadBlueprint(path.join(dir, 'blueprint.yaml'), { rootDir: dir, ...options });
}
const errorCodes = (r: ReturnType<typeof load>) =>
  r.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => d.code)
    .sort();

describe('relationships in node templates', () => {
  it('checks type, target, connection_type, self-reference and a single host', () => {
    const r = load({
      'blueprint.yaml': `${HEADER}node_templates:
  h1: { type: cloudify.nodes.Compute }
  h2: { type: cloudify.nodes.Compute }
  a:
    type: cloudify.nodes.Root
    relationships:
      - { type: cloudify.relationships.contained_in, target: h1 }
      - { type: cloudify.relationships.contained_in, target: h2 }
      - { type: cloudify.relationships.conected_to, target: h1 }
      - { type: cloudify.relationships.connected_to, target: ghost }
      - { type: cloudify.relationships.connected_to, target: a }
      - { type: cloudify.relationships.connected_to, target: h1, properties: { connection_type: one_to_many } }
`,
    });
    expect(errorCodes(r)).toEqual([
      'node.multiple-hosts',
      'relationship.connection-type',
      'relationship.self',
      'relationship.unknown-target',
      'relationship.unknown-type',
    ]);
    expect(r.diagnostics.find((d) => d.code === 'relationship.unknown-type')!.hint).toContain("did you mean 'cloudify.relationships.connected_to'");
  });

  it('merges relationship type interfaces with template overrides', () => {
    const r = load({
      'blueprint.yaml': `${HEADER}plugins:
  p: { executor: central_deployment_agent }
node_templates:
  db: { type: cloudify.nodes.DBMS }
  app:
    type: cloudify.nodes.ApplicationModule
    relationships:
      - type: cloudify.relationships.connected_to
        target: db
        source_interfaces:
          cloudify.interfaces.relationship_lifecycle:
            establish: { implementation: p.link, inputs: { url: { get_attribute: [TARGET, url] } } }
`,
    });
    const rel = r.blueprint!.nodeTemplates['app']!.relationships[0]!;
    expect(rel.hierarchy).toEqual(['cloudify.relationships.depends_on', 'cloudify.relationships.connected_to']);
    expect(rel.sourceInterfaces['cloudify.interfaces.relationship_lifecycle']!['establish']).toMatchObject({
      implementation: 'p.link',
      inputs: { url: { get_attribute: ['TARGET', 'url'] } },
    });
    expect(rel.targetInterfaces['cloudify.interfaces.relationship_lifecycle']!['unlink']!.implementation).toBe('');
  });
});

describe('scaling groups and policies', () => {
  it('reads instance counts from the policy and checks members, targets and ranges', () => {
    const r = load({
      'blueprint.yaml': `${HEADER}node_templates:
  a: { type: cloudify.nodes.Root }
  b: { type: cloudify.nodes.Root }
groups:
  g1: { members: [a, ghost] }
  g2: { members: [a, b] }
policies:
  p1: { type: cloudify.policies.scaling, targets: [g1], properties: { default_instances: 2 } }
  p2: { type: cloudify.policies.scaling, targets: [g2, nope], properties: { default_instances: 9, max_instances: 3 } }
  p3: { type: cloudify.policies.threshold, targets: [g1] }
`,
    });
    expect(errorCodes(r)).toEqual(['group.multiple', 'group.unknown-member', 'policy.type', 'policy.unknown-target', 'scalable.range']);
  });

  it('drops a member contained in another member of the same group', () => {
    const r = load({
      'blueprint.yaml': `${HEADER}node_templates:
  vm: { type: cloudify.nodes.Compute }
  app: { type: cloudify.nodes.Root, relationships: [ { type: cloudify.relationships.contained_in, target: vm } ] }
groups:
  g: { members: [vm, app] }
policies:
  p: { type: cloudify.policies.scaling, targets: [g], properties: { default_instances: { get_input: n } } }
inputs:
  n: { type: integer, default: 3 }
`,
    });
    expect(r.blueprint!.scalingGroups['g']).toMatchObject({ members: ['vm'], scalable: { defaultInstances: 3 } });
  });
});

describe('outputs, capabilities, workflows, plugins', () => {
  it('keeps runtime functions in outputs, rejects SELF there, and reads workflow parameters', () => {
    const r = load({
      'blueprint.yaml': `${HEADER}plugins:
  wf: { executor: central_deployment_agent, package_name: my-wf }
workflows:
  rotate:
    mapping: wf.tasks.rotate
    parameters: { keep: { type: integer, default: 2 } }
node_templates:
  vm: { type: cloudify.nodes.Compute, properties: { ip: 10.0.0.1 } }
outputs:
  ip: { value: { get_property: [vm, ip] } }
  live: { description: runtime, value: { get_attribute: [vm, public_ip] } }
capabilities:
  endpoint: { value: { concat: [ 'http://', { get_attribute: [vm, public_ip] } ] } }
`,
    });
    const bp = r.blueprint!;
    expect(bp.outputs['ip']!.value).toBe('10.0.0.1');
    expect(bp.outputs['live']!.value).toEqual({ get_attribute: ['vm', 'public_ip'] });
    expect(bp.capabilities['endpoint']!.value).toEqual({ concat: ['http://', { get_attribute: ['vm', 'public_ip'] }] });
    expect(bp.workflows['rotate']).toMatchObject({ plugin: 'wf', parameters: { keep: { type: 'integer', default: 2 } } });
    expect(bp.workflows).toHaveProperty('install');
    const bad = load({
      'blueprint.yaml': `${HEADER}node_templates:\n  vm: { type: cloudify.nodes.Compute }\noutputs:\n  x: { value: { get_attribute: [SELF, ip] } }\n`,
    });
    expect(errorCodes(bad)).toEqual(['function.arguments']);
  });
});

describe('input constraints', () => {
  it('checks pattern (anchored at the start, as Python re.match), lengths and comparisons', () => {
    const body = `${HEADER}inputs:
  name: { type: string, constraints: [ { pattern: '[a-z]+' }, { min_length: 2 }, { max_length: 8 } ] }
  count: { type: integer, constraints: [ { greater_than: 0 }, { less_or_equal: 10 } ] }
  tags: { type: list, item_type: string, constraints: [ { length: 2 } ] }
node_templates:
  a: { type: cloudify.nodes.Root }
`;
    expect(errorCodes(load({ 'blueprint.yaml': body }, { inputs: { name: 'abc-1', count: 10, tags: ['x', 'y'] } }))).toEqual([]);
    const bad = load({ 'blueprint.yaml': body }, { inputs: { name: '1abcdefghij', count: 0, tags: ['x'] } });
    expect(bad.diagnostics.map((d) => d.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('violates constraint pattern'),
        expect.stringContaining('violates constraint max_length'),
        expect.stringContaining('violates constraint greater_than'),
        expect.stringContaining('violates constraint length'),
      ]),
    );
  });

  it('rejects malformed constraints where they are declared', () => {
    const r = load({ 'blueprint.yaml': `${HEADER}inputs:\n  a: { default: 1, constraints: [ { in_range: 5 }, { shorter_than: 2 }, { pattern: '(' } ] }\n` });
    expect(errorCodes(r)).toEqual(['constraint.argument', 'constraint.argument', 'constraint.unknown']);
  });
});

describe('imports across DSL versions and labels', () => {
  it('refuses an import newer than the main blueprint', () => {
    const r = load({
      'blueprint.yaml': 'tosca_definitions_version: cloudify_dsl_1_3\nimports:\n  - new.yaml\n',
      'new.yaml': 'tosca_definitions_version: cloudify_dsl_1_5\n',
    });
    expect(errorCodes(r)).toEqual(['import.version']);
  });

  it('reports a clash between two imported files, naming both places', () => {
    const r = load({
      'blueprint.yaml': `${HEADER}  - a.yaml\n  - b.yaml\n`,
      'a.yaml': 'node_types:\n  my.T: { properties: { x: { default: 1 } } }\n',
      'b.yaml': 'node_types:\n  my.T: { properties: { x: { default: 2 } } }\n',
    });
    const d = r.diagnostics.find((x) => x.code === 'import.conflict')!;
    expect(d.message).toContain('a.yaml:2');
    expect(d.position!.file).toContain('b.yaml');
  });

  it('merges label values from several files', () => {
    const r = load({
      'blueprint.yaml': `${HEADER}  - more.yaml\nlabels:\n  env: { values: [dev] }\nnode_templates:\n  a: { type: cloudify.nodes.Root }\n`,
      'more.yaml': 'labels:\n  env: { values: [test] }\n',
    });
    expect(r.blueprint!.labels).toEqual({ env: { values: ['dev', 'test'] } });
  });
});
