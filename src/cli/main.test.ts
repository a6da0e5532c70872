import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './main.js';
import { HEADER, writeBlueprintFiles } from '../../test/support/blueprint-files.js';

async function run(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, env);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const example = path.resolve(import.meta.dirname, '../../examples/hello-world/blueprint.yaml');

describe('isthmus validate', () => {
  it('exits 0 for a valid blueprint', async () => {
    const r = await run(['validate', example]);
    expect(r).toMatchObject({ code: 0, out: `${example}: valid` });
  });

  it('exits 1 and prints file:line:col: code: message for an invalid one', async () => {
    const dir = writeBlueprintFiles({ 'bp.yaml': `${HEADER}node_templates:\n  a: { type: nope.Type }\n` });
    const r = await run(['validate', path.join(dir, 'bp.yaml'), '--root', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bp\.yaml:5:14: node\.unknown-type: node 'a' has type 'nope\.Type', which is not defined/);
  });

  it('takes inputs from files and key=value pairs, later ones winning, and reports constraint violations', async () => {
    const dir = writeBlueprintFiles({ 'inputs.yaml': 'web_port: 9000\nenvironment: staging\n' });
    expect((await run(['validate', example, '-i', path.join(dir, 'inputs.yaml')])).code).toBe(0);
    const r = await run(['validate', example, '-i', path.join(dir, 'inputs.yaml'), '-i', 'web_port=22', '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { valid: boolean; diagnostics: Array<{ code: string }> };
    expect(json.valid).toBe(false);
    expect(json.diagnostics.map((d) => d.code)).toEqual(['input.constraint']);
  });

  it('reports plan-level errors such as relationship cycles', async () => {
    const dir = writeBlueprintFiles({
      'bp.yaml': `${HEADER}node_templates:\n  a: { type: cloudify.nodes.Root, relationships: [ { type: cloudify.relationships.depends_on, target: b } ] }\n  b: { type: cloudify.nodes.Root, relationships: [ { type: cloudify.relationships.depends_on, target: a } ] }\n`,
    });
    const r = await run(['validate', path.join(dir, 'bp.yaml'), '--root', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('plan.cycle: relationships form a cycle: a -> b -> a');
  });
});

describe('settings: the environment, with the global flags over it', () => {
  it('--aws without a state table names what is missing; the environment can give it, and a bad variable is named', async () => {
    const missing = await run(['--aws', 'deployments']);
    expect(missing).toMatchObject({ code: 2, err: expect.stringContaining('ISTHMUS_STATE_TABLE: AWS mode needs the state table') });
    const noFunction = await run(['--aws', '--state-table', 't', 'deployments']);
    expect(noFunction).toMatchObject({ code: 2, err: expect.stringContaining('ISTHMUS_STEP_FUNCTION: AWS mode needs the step Lambda') });
    const fromEnv = await run(['deployments'], { ISTHMUS_MODE: 'aws', ISTHMUS_STATE_TABLE: 't' });
    expect(fromEnv.err).toContain('ISTHMUS_STEP_FUNCTION');
    expect(await run(['deployments'], { ISTHMUS_LEASE_MS: 'soon' })).toMatchObject({
      code: 2,
      err: "isthmus: ISTHMUS_LEASE_MS: 'soon' is not a positive whole number of milliseconds",
    });
  });

  it('every command that loads a blueprint takes the same blueprint flags', async () => {
    for (const command of ['validate', 'plan', 'install', 'update']) {
      const help = await run([command, '--help']);
      for (const flag of ['--input', '--plugins', '--blueprint-import', '--root']) expect(help.out, `${command} ${flag}`).toContain(flag);
    }
  });

  it('commands that need no state never read the settings', async () => {
    expect((await run(['validate', example], { ISTHMUS_MODE: 'nonsense' })).code).toBe(0);
  });
});

describe('isthmus plan', () => {
  it('prints instances and the install operations in order', async () => {
    const r = await run(['plan', example, '--seed', 'cli']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('3 nodes, 5 node instances');
    expect(r.out.indexOf('database_')).toBeLessThan(r.out.indexOf('web_'));
    expect(r.out).toMatch(/1\. \[wave 0\] database_\w{6}\s+cloudify\.interfaces\.lifecycle\.create\s+→ scripts\/create\.sh/);
  });

  it('says where Ansible steps run and what they need there; hello-world has no such note', async () => {
    const hybrid = path.resolve(import.meta.dirname, '../../examples/hybrid-hosts/blueprint.yaml');
    const r = await run(['plan', hybrid, '--seed', 'cli']);
    expect(r.code).toBe(0);
    expect(r.out).toContain("ansible operations run in the driver's process (the GitHub runner), which needs ansible-playbook (Debian: ansible-core)");
    expect((await run(['plan', example, '--seed', 'cli'])).out).not.toContain('Where steps run');
  });

  it('prints JSON with the plan and steps, and a Mermaid graph', async () => {
    const json = JSON.parse((await run(['plan', example, '--json', '--seed', 'cli', '--workflow', 'uninstall'])).out) as {
      plan: { nodeInstances: unknown[] };
      steps: Array<{ operation: string }>;
    };
    expect(json.plan.nodeInstances).toHaveLength(5);
    expect(json.steps[0]!.operation).toBe('cloudify.interfaces.lifecycle.stop');
    const mermaid = (await run(['plan', example, '--mermaid', '--seed', 'cli'])).out;
    expect(mermaid.split('\n')[0]).toBe('flowchart BT');
    const web = /(n\d+)\["web_\w{6}<br\/><small>web<\/small>"\]/.exec(mermaid)?.[1];
    const host = /(n\d+)\["host_\w{6}<br\/><small>host<\/small>"\]/.exec(mermaid)?.[1];
    expect(mermaid).toContain(`${web} -->|"contained_in"| ${host}`);
  });

  it('maps blueprint: imports with --blueprint-import', async () => {
    const dir = writeBlueprintFiles({
      'app.yaml': `${HEADER}  - infra--blueprint:infra\nnode_templates:\n  app: { type: cloudify.nodes.Root, relationships: [ { type: cloudify.relationships.contained_in, target: infra--vm } ] }\n`,
      'infra.yaml': `${HEADER}node_templates:\n  vm: { type: cloudify.nodes.Compute }\n`,
    });
    const missing = await run(['plan', path.join(dir, 'app.yaml'), '--root', dir]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('import.blueprint-unmapped');
    const ok = await run(['plan', path.join(dir, 'app.yaml'), '--root', dir, '--blueprint-import', 'infra=infra.yaml']);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('infra--vm');
  });

  it('exits 2 on bad usage', async () => {
    expect((await run(['plan'])).code).toBe(2);
    expect((await run(['plan', example, '--workflow', 'nope'])).code).toBe(2);
  });
});
