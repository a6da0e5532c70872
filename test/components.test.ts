import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cancelExecution, runExecution, runHeal, startExecution, startUpdate } from '../src/engine/index.js';
import { defaultPluginRegistry } from '../src/plugins/index.js';
import { HEADER } from './support/blueprint-files.js';
import { createHarness, RECORDING_TYPES, type Harness } from './support/engine.js';

/*
 * Cloudify's Component: a parent deployment whose node is a whole child deployment, planned from
 * a blueprint of the same repository, installed and uninstalled by the same driver through the
 * same engine (locks, resume), with the child's capabilities back in the parent.
 */

function writeFile(h: Harness, rel: string, text: string, mode?: number): void {
  const full = path.join(h.dir, rel);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text, mode === undefined ? {} : { mode });
}

/** A child blueprint with a recording node, a script node that fails while a flag file exists, and capabilities (one from the parent environment). */
function writeChild(h: Harness): void {
  writeFile(
    h,
    'web/blueprint.yaml',
    `${HEADER}${RECORDING_TYPES}inputs:
  greeting: { type: string }
  flag: { type: string, default: /nonexistent }
node_templates:
  server: { type: rec.Node }
  gate:
    type: cloudify.nodes.Root
    interfaces:
      cloudify.interfaces.lifecycle:
        create: { implementation: scripts/gate.sh, executor: central_deployment_agent, inputs: { FLAG: { get_input: flag } } }
    relationships: [ { type: cloudify.relationships.depends_on, target: server } ]
capabilities:
  url: { value: { concat: [ 'http://', { get_input: greeting }, '.example' ] } }
  environment: { value: { get_environment_capability: environment_name } }
`,
  );
  writeFile(
    h,
    'web/scripts/gate.sh',
    '#!/bin/bash\nif [ -e "$FLAG" ]; then echo "the gate is closed" >&2; exit 1; fi\nctx instance runtime-properties opened true\n',
    0o755,
  );
}

function parentBlueprint(extra = ''): string {
  return `${HEADER}${RECORDING_TYPES}inputs:
  greeting: { default: hello }
  flag: { default: /nonexistent }
capabilities:
  environment_name: { value: production }
node_templates:
  web:
    type: cloudify.nodes.ServiceComponent
    properties:
      resource_config:
        blueprint: { id: web-service, blueprint_archive: https://example.com/web-service.zip, main_file_name: web/blueprint.yaml }
        deployment: { id: web-child, inputs: { greeting: { get_input: greeting }, flag: { get_input: flag } } }
  consumer:
    type: rec.Node
    interfaces:
      cloudify.interfaces.lifecycle:
        create: { implementation: rec.op, inputs: { url: { get_attribute: [ web, capabilities, url ] } } }
    relationships: [ { type: cloudify.relationships.depends_on, target: web } ]
${extra}outputs:
  child_url: { value: { get_attribute: [ web, capabilities, url ] } }
`;
}

describe('cfy_extensions Component: child deployments', () => {
  it('installs a child deployment from the repository, gives the parent its capabilities, and uninstall deletes it', async () => {
    const h = await createHarness({ maxRetries: 1 });
    writeChild(h);
    const parent = await h.deploy(parentBlueprint(), 'shop');
    const install = await h.run(parent, 'install');
    expect(install.error).toBeUndefined();
    expect(install.status).toBe('terminated');

    const child = (await h.store.getDeployment('web-child'))!;
    expect(child).toMatchObject({ status: 'active', parent: { deploymentId: 'shop' }, blueprintFile: path.join('web', 'blueprint.yaml') });
    expect(child.plan.inputs).toMatchObject({ greeting: 'hello' });
    const childInstances = await h.store.listNodeInstances('web-child');
    expect(childInstances.map((i) => i.state)).toEqual(['started', 'started']);
    expect(childInstances.find((i) => i.nodeId === 'gate')!.runtimeProperties['opened']).toBe('true');

    const instances = await h.store.listNodeInstances(parent);
    const web = instances.find((i) => i.nodeId === 'web')!;
    expect(web.runtimeProperties).toEqual({
      blueprint: { id: 'web-service' },
      deployment: { id: 'web-child' },
      capabilities: { url: 'http://hello.example', environment: 'production' },
    });
    // The consumer's operation ran after the child was installed and read its capability.
    expect(instances.find((i) => i.nodeId === 'consumer')!.runtimeProperties['input_url']).toBe('http://hello.example');
    expect((await h.store.getDeployment(parent))!.outputs).toEqual({ child_url: 'http://hello.example' });
    // Asking for the child's work did not use the Component's retries (max_retries is 1 here).
    const childExecutions = await h.store.listExecutions('web-child');
    expect(childExecutions.map((e) => [e.workflow, e.status])).toEqual([['install', 'terminated']]);
    expect(h.log.filter((l) => l.startsWith('server '))).toEqual(['server create', 'server configure', 'server start']);

    const uninstall = await h.run(parent, 'uninstall');
    expect(uninstall.error).toBeUndefined();
    expect(await h.store.getDeployment('web-child')).toBeUndefined();
    expect((await h.store.listNodeInstances(parent)).find((i) => i.nodeId === 'web')!.runtimeProperties).toEqual({});
    expect(h.log.filter((l) => l.startsWith('server ')).slice(3)).toEqual(['server stop', 'server delete']);
  }, 120_000);

  it("a child's failed install fails the parent; resuming the parent resumes the child's execution, not a new one", async () => {
    const h = await createHarness({ maxRetries: 1 });
    writeChild(h);
    const flag = path.join(h.dir, 'gate-closed');
    writeFileSync(flag, '');
    const parent = await h.deploy(parentBlueprint(), 'shop', { flag });
    const failed = await h.run(parent, 'install');
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/'install' on child deployment 'web-child' failed: .*gate.*the gate is closed/s);
    const [childRun] = await h.store.listExecutions('web-child');
    expect(childRun!.status).toBe('failed');
    // The consumer waits on the Component: it never ran.
    expect(h.log.some((l) => l.startsWith('consumer'))).toBe(false);

    rmSync(flag);
    await h.store.updateExecution(parent, failed.id, failed.version, { status: 'started' });
    const resumed = await runExecution(h.deps, parent, failed.id);
    expect(resumed.error).toBeUndefined();
    expect(resumed.status).toBe('terminated');
    const childExecutions = await h.store.listExecutions('web-child');
    expect(childExecutions.map((e) => [e.id, e.status])).toEqual([[childRun!.id, 'terminated']]);
    expect((await h.store.getDeployment('web-child'))!.status).toBe('active');
    expect(h.log.filter((l) => l === 'server create')).toHaveLength(1);
  }, 120_000);

  it('refuses a deployment id that belongs to someone else, and a blueprint it cannot find, with the way out', async () => {
    const h = await createHarness({ maxRetries: 0 });
    writeChild(h);
    await h.deploy(`${HEADER}node_templates:\n  n: { type: cloudify.nodes.Root }\n`, 'web-child');
    const taken = await h.deploy(parentBlueprint(), 'shop');
    const refused = await h.run(taken, 'install');
    expect(refused.status).toBe('failed');
    expect(refused.error).toMatch(/deployment 'web-child' exists and was not created by this Component; set resource_config.deployment.external_resource/);
    // Nothing of the other deployment was touched.
    expect((await h.store.getDeployment('web-child'))!.parent).toBeUndefined();

    const lost = await h.deploy(
      parentBlueprint().replace('main_file_name: web/blueprint.yaml', 'main_file_name: nowhere.yaml').replace('id: web-child', 'id: lost-child'),
      'lost',
    );
    const missing = await h.run(lost, 'install');
    expect(missing.error).toMatch(
      /cannot find the Component's blueprint 'web-service' \(blueprint_archive https:\/\/example.com\/web-service.zip is not fetched\).*blueprintImports: \{web-service:/,
    );
    expect(await h.store.getDeployment('lost-child')).toBeUndefined();

    const outside = await h.deploy(
      parentBlueprint().replace('main_file_name: web/blueprint.yaml', 'main_file_name: ../../etc/passwd').replace('id: web-child', 'id: outside-child'),
      'escape',
    );
    expect((await h.run(outside, 'install')).error).toMatch(/is outside the repository/);
  }, 120_000);

  it("cancelling the parent cancels the child's execution; resuming the parent finishes both", async () => {
    const h = await createHarness({ maxRetries: 0 });
    writeFile(
      h,
      'slow/blueprint.yaml',
      `${HEADER}${RECORDING_TYPES}node_templates:
  a: { type: rec.Node, interfaces: { cloudify.interfaces.lifecycle: { create: { implementation: rec.slow, inputs: { ms: 1500 } } } } }
  b: { type: rec.Node, relationships: [ { type: cloudify.relationships.depends_on, target: a } ] }
`,
    );
    const parent = await h.deploy(
      `${HEADER}node_templates:\n  slow:\n    type: cloudify.nodes.Component\n    properties: { resource_config: { blueprint: { blueprint_archive: slow }, deployment: { id: slow-child } } }\n`,
      'waiting',
    );
    const execution = await startExecution(h.store, { deploymentId: parent, workflow: 'install', catalog: defaultPluginRegistry().catalog() });
    const running = runExecution(h.deps, parent, execution.id);
    for (let i = 0; i < 200 && !h.log.includes('a create'); i++) await new Promise((r) => setTimeout(r, 25));
    await cancelExecution(h.store, execution.id);
    const cancelled = await running;
    expect(cancelled.status).toBe('cancelled');
    const [child] = await h.store.listExecutions('slow-child');
    expect(child!.status).toBe('cancelled');
    // The running operation finished (a graceful cancel); the next one never started.
    expect(h.log.filter((l) => l.startsWith('b '))).toEqual([]);

    await h.store.updateExecution(parent, cancelled.id, cancelled.version, { status: 'started' });
    expect((await runExecution(h.deps, parent, cancelled.id)).status).toBe('terminated');
    expect((await h.store.listExecutions('slow-child')).map((e) => [e.id, e.status])).toEqual([[child!.id, 'terminated']]);
    expect(h.log.filter((l) => l === 'a create')).toHaveLength(1);
  }, 120_000);

  it("heal: the Component reports its child's unhealthy instances, and healing the parent heals them in the child", async () => {
    const h = await createHarness({ maxRetries: 1 });
    writeChild(h);
    const parent = await h.deploy(parentBlueprint(), 'shop');
    expect((await h.run(parent, 'install')).status).toBe('terminated');
    const server = (await h.store.listNodeInstances('web-child')).find((i) => i.nodeId === 'server')!;
    await h.store.setNodeInstanceFields('web-child', server.id, { runtimeProperties: { ...server.runtimeProperties, broken: true } });

    const healed = await runHeal(h.deps, parent, {}, {});
    expect(healed.heal.error).toBeUndefined();
    const web = (await h.store.listNodeInstances(parent)).find((i) => i.nodeId === 'web')!;
    expect(healed.healed).toEqual([web.id]);
    expect(healed.check!.status).toBe('terminated');
    // The child's own check and heal ran: its server was reinstalled (create clears 'broken').
    const childWorkflows = (await h.store.listExecutions('web-child')).map((e) => `${e.workflow}:${e.status}`);
    expect(childWorkflows).toEqual(['install:terminated', 'check_status:terminated', 'check_status:terminated', 'heal:terminated']);
    expect((await h.store.getNodeInstance('web-child', server.id))!.runtimeProperties['broken']).toBeUndefined();
    expect(h.log.filter((l) => l === 'server create')).toHaveLength(2);
  }, 120_000);

  it("update: a parent update that changes the Component's inputs updates the child deployment, and the parent gets the new capabilities", async () => {
    const h = await createHarness({ maxRetries: 1 });
    writeChild(h);
    const parent = await h.deploy(parentBlueprint(), 'shop');
    expect((await h.run(parent, 'install')).status).toBe('terminated');
    const v2 = h.planOf(parentBlueprint(), 'shop-v2', { greeting: 'bonjour' });
    const start = await startUpdate(
      h.store,
      parent,
      { plan: v2, inputs: { greeting: 'bonjour' }, blueprintFile: path.join(h.dir, 'shop-v2.yaml'), blueprintDigest: 'v2' },
      {},
    );
    if (start.preview) throw new Error('expected an execution');
    const updated = await runExecution(h.deps, parent, start.execution.id);
    expect(updated.error).toBeUndefined();
    expect((await h.store.getDeployment('web-child'))!.plan.inputs).toMatchObject({ greeting: 'bonjour' });
    expect((await h.store.listExecutions('web-child')).map((e) => `${e.workflow}:${e.status}`)).toEqual(['install:terminated', 'update:terminated']);
    const web = (await h.store.listNodeInstances(parent)).find((i) => i.nodeId === 'web')!;
    expect(web.runtimeProperties['capabilities']).toEqual({ url: 'http://bonjour.example', environment: 'production' });
    expect((await h.store.getDeployment(parent))!.outputs).toEqual({ child_url: 'http://bonjour.example' });
  }, 120_000);

  it("a secret the parent passes as a child input stays masked in the child's capabilities and outputs, the parent's runtime properties and outputs, and the child's logs", async () => {
    const h = await createHarness({ maxRetries: 0, secrets: { db_password: 'pa55-w0rd-XYZ' } });
    writeFile(
      h,
      'db/blueprint.yaml',
      `${HEADER}inputs:
  password: { type: string }
node_templates:
  db:
    type: cloudify.nodes.Root
    interfaces:
      cloudify.interfaces.lifecycle:
        create: { implementation: scripts/create.sh, executor: central_deployment_agent, inputs: { PASSWORD: { get_input: password } } }
capabilities:
  dsn: { value: { concat: [ 'postgres://app:', { get_input: password }, '@db' ] } }
outputs:
  dsn: { value: { concat: [ 'postgres://app:', { get_input: password }, '@db' ] } }
`,
    );
    writeFile(h, 'db/scripts/create.sh', '#!/bin/bash\nctx logger info "connecting with $PASSWORD"\n', 0o755);
    const parent = await h.deploy(
      `${HEADER}node_templates:
  db:
    type: cloudify.nodes.Component
    properties:
      resource_config:
        blueprint: { blueprint_archive: db }
        deployment: { id: db-child, inputs: { password: { get_secret: db_password } } }
outputs:
  dsn: { value: { get_attribute: [ db, capabilities, dsn ] } }
`,
      'app',
    );
    const install = await h.run(parent, 'install');
    expect(install.error).toBeUndefined();
    const leaks: string[] = [];
    const check = (where: string, value: unknown) => {
      if (JSON.stringify(value).includes('pa55-w0rd-XYZ')) leaks.push(where);
    };
    check('parent outputs', (await h.store.getDeployment(parent))!.outputs);
    check('child outputs', (await h.store.getDeployment('db-child'))!.outputs);
    check('parent runtime properties', (await h.store.listNodeInstances(parent))[0]!.runtimeProperties);
    for (const e of [...(await h.store.listExecutions(parent)), ...(await h.store.listExecutions('db-child'))])
      check(`events of ${e.id}`, await h.store.listEvents(e.id));
    expect((await h.store.getDeployment('db-child'))!.sensitiveInputs).toEqual(['password']);
    expect(leaks).toEqual([]);
    expect((await h.store.getDeployment(parent))!.outputs).toEqual({ dsn: 'postgres://app:***@db' });
    // The child's operation still got the real value.
    const logs = (await h.store.listEvents((await h.store.listExecutions('db-child'))[0]!.id)).filter((e) => e.type === 'log');
    expect(logs.map((e) => e.message)).toContain('connecting with ***');
  }, 60_000);

  it("the driver runs workflows and deletes only on a Component's own child, whatever a step asks", async () => {
    const h = await createHarness({ maxRetries: 0 });
    const other = await h.deploy(`${HEADER}node_templates:\n  n: { type: cloudify.nodes.Root }\n`, 'someone-elses');
    const from = { deploymentId: 'shop', executionId: 'e1', nodeInstanceId: 'web_abc123', taskId: 't1' };
    const signal = new AbortController().signal;
    for (const request of [
      { action: 'execute', deploymentId: other, executionId: 'e1.x', workflow: 'uninstall', parameters: {} },
      { action: 'heal', deploymentId: other, executionId: 'e1.y' },
      { action: 'update', deploymentId: other, executionId: 'e1.z', blueprint: {}, inputs: {} },
      { action: 'delete', deploymentId: other },
    ] as const) {
      const result = await h.deps.children!.fulfil(request, from, h.deps, signal);
      expect(result.error, request.action).toMatch(/was not created by web_abc123 of 'shop'/);
    }
    expect(await h.store.listExecutions(other)).toEqual([]);
    expect(await h.store.getDeployment(other)).toBeDefined();
  }, 60_000);

  it('an external deployment is attached, never installed, uninstalled or deleted', async () => {
    const h = await createHarness({ maxRetries: 0 });
    const infra = await h.deploy(`${HEADER}node_templates:\n  n: { type: cloudify.nodes.Root }\ncapabilities:\n  vpc: { value: vpc-7 }\n`, 'infra');
    expect((await h.run(infra, 'install')).status).toBe('terminated');
    const app = await h.deploy(
      `${HEADER}node_templates:\n  net:\n    type: cloudify.nodes.Component\n    properties:\n      resource_config:\n        blueprint: { external_resource: true, id: infra }\n        deployment: { external_resource: true, id: infra }\n`,
      'app',
    );
    expect((await h.run(app, 'install')).error).toBeUndefined();
    expect((await h.store.listNodeInstances(app))[0]!.runtimeProperties).toMatchObject({
      deployment: { id: 'infra', external: true },
      capabilities: { vpc: 'vpc-7' },
    });
    expect((await h.run(app, 'uninstall')).error).toBeUndefined();
    expect(await h.store.getDeployment('infra')).toMatchObject({ status: 'active' });
    expect(await h.store.listExecutions('infra')).toHaveLength(1);
  }, 60_000);
});

const examples = path.resolve(import.meta.dirname, '../../shared/corpus/blueprints/cloudify-community__blueprint-examples');

describe.runIf(existsSync(examples))("Cloudify's nested-blueprint example, its child blueprint unchanged", () => {
  it("ex4's Certificate component installs gen-ssh-cert-service-component and exports its public key", async () => {
    const h = await createHarness({ maxRetries: 0 });
    cpSync(path.join(examples, 'introduction-to-blueprints/gen-ssh-cert-service-component'), path.join(h.dir, 'gen-ssh-cert-service-component'), {
      recursive: true,
    });
    // ex4-nested-blueprint.yaml's Certificate node; its archive (the parent's own, on a manager) is not fetched.
    const parent = await h.deploy(
      `${HEADER}node_templates:
  Certificate:
    type: cloudify.nodes.ServiceComponent
    properties:
      resource_config:
        blueprint:
          external_resource: false
          id: gen-ssh-cert-service-component
          blueprint_archive: ../../../uploaded-blueprints/default_tenant/ex4/ex4.tar.gz
          main_file_name: gen-ssh-cert-service-component/blueprint.yaml
        deployment:
          inputs:
            key_name: { get_sys: [deployment, id] }
capabilities:
  public_key:
    value: { get_attribute : [Certificate, capabilities, public_key_content ] }
`,
      'ex4',
    );
    const install = await h.run(parent, 'install');
    expect(install.error).toBeUndefined();
    const [certificate] = await h.store.listNodeInstances(parent);
    // Cloudify's default child deployment id is the Component's instance id.
    const childId = certificate!.id;
    expect((await h.store.getDeployment(childId))!.plan.inputs).toEqual({ key_name: 'ex4' });
    const capabilities = certificate!.runtimeProperties['capabilities'] as Record<string, string>;
    expect(capabilities['public_key_content']).toMatch(/^ssh-rsa AAAA/);
    expect(capabilities['private_key_content']).toContain('PRIVATE KEY');
    expect((await h.run(parent, 'uninstall')).error).toBeUndefined();
    expect(await h.store.getDeployment(childId)).toBeUndefined();
  }, 120_000);
});
