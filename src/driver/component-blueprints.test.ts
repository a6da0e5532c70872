import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveChildBlueprint } from './component-blueprints.js';

describe("resolveChildBlueprint: a Component's blueprint, found in the repository", () => {
  const root = mkdtempSync(path.join(tmpdir(), 'isthmus-components-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  for (const f of ['app/parent.yaml', 'app/child.yaml', 'services/db/blueprint.yaml', 'services/db/main.yaml', 'app/bundle.zip']) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), '');
  }
  const where = { parentFile: path.join(root, 'app/parent.yaml'), rootDir: root, imports: { db: 'services/db/main.yaml' } };

  it('takes the id mapped in blueprintImports first, then a directory or file archive, then main_file_name beside the parent', () => {
    expect(resolveChildBlueprint({ id: 'db', mainFile: 'child.yaml' }, where)).toBe(path.join(root, 'services/db/main.yaml'));
    expect(resolveChildBlueprint({ id: 'x', archive: '../services/db' }, where)).toBe(path.join(root, 'services/db/blueprint.yaml'));
    expect(resolveChildBlueprint({ archive: '../services/db', mainFile: 'main.yaml' }, where)).toBe(path.join(root, 'services/db/main.yaml'));
    expect(resolveChildBlueprint({ archive: 'child.yaml' }, where)).toBe(path.join(root, 'app/child.yaml'));
    expect(resolveChildBlueprint({ archive: 'https://example.com/a.zip', mainFile: 'child.yaml' }, where)).toBe(path.join(root, 'app/child.yaml'));
  });

  it('refuses archives it would have to unpack, paths outside the repository, and says how to map a blueprint it cannot find', () => {
    expect(() => resolveChildBlueprint({ archive: 'bundle.zip' }, where)).toThrow(/does not unpack archives/);
    expect(() => resolveChildBlueprint({ archive: 'https://example.com/a.zip', mainFile: '../../etc/passwd' }, where)).toThrow(/outside the repository/);
    // main_file_name alone (its default is blueprint.yaml) names nothing: Cloudify reads it inside an archive.
    expect(() => resolveChildBlueprint({ mainFile: 'child.yaml' }, where)).toThrow(/cannot find the Component's blueprint/);
    expect(() => resolveChildBlueprint({ id: 'db', archive: '/etc' }, { ...where, imports: {} })).toThrow(/outside the repository/);
    expect(() => resolveChildBlueprint({ id: 'web', archive: 'https://example.com/web.zip' }, where)).toThrow(
      /cannot find the Component's blueprint 'web' \(blueprint_archive https:\/\/example.com\/web.zip is not fetched\); .*blueprintImports: \{web: /,
    );
  });
});
