import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import type { TLSSocket } from 'node:tls';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './support/engine.js';

/** A small REST service in the style of the corpus examples' endpoints (users, posts, a login answering XML, a job that gets ready). */
function service() {
  const calls: string[] = [];
  const posts = new Map<string, unknown>();
  let jobReads = 0;
  let flaky = 1;
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      calls.push(`${req.method} ${req.url} ${req.headers['authorization'] ?? ''}`.trim());
      const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.url === '/users/10')
        return json(200, {
          id: 10,
          name: 'Clementina',
          username: 'moriah',
          address: { city: 'Lebsackbury', geo: { lat: '-38.2', lng: '57.2' } },
          website: 'ambrose.net',
        });
      const post = /^\/posts\/(\d+)$/.exec(req.url ?? '');
      if (post && req.method === 'PUT') {
        const body = { ...(JSON.parse(text) as object), id: Number(post[1]) };
        posts.set(post[1]!, body);
        return json(200, body);
      }
      if (post && req.method === 'DELETE') return posts.delete(post[1]!) ? json(200, {}) : json(404, {});
      if (req.url === '/authenticate') {
        if (req.headers['authorization'] !== `Basic ${Buffer.from('alice:s3cret').toString('base64')}`) return res.writeHead(401).end();
        return res.writeHead(200, { 'content-type': 'application/xml' }).end('<response><message>welcome alice</message><token>t-42</token></response>');
      }
      if (req.url === '/flaky') return flaky-- > 0 ? json(400, { error: 'try later' }) : json(200, { ok: true });
      if (req.url === '/job') return json(200, { state: ++jobReads < 3 ? 'pending' : 'ready' });
      if (req.url === '/forbidden') return json(403, { error: 'no' });
      json(404, {});
    });
  });
  return { server, calls, posts };
}

const TYPES = `plugins:
  rest: { executor: central_deployment_agent, package_name: cloudify-utilities-plugin }
node_types:
  cloudify.rest.Requests:
    derived_from: cloudify.nodes.Root
    properties:
      hosts: { default: [] }
      host: { default: [] }
      port: { type: integer, default: -1 }
      ssl: { type: boolean, default: false }
      verify: { default: true }
      cert: { default: ~ }
      params: { default: {} }
    interfaces:
      cloudify.interfaces.lifecycle:
        start:
          implementation: rest.cloudify_rest.tasks.execute
          inputs: { params: { default: {} }, template_file: { default: '' }, save_path: { default: false }, prerender: { default: false }, remove_calls: { default: false }, retry_sleep: { default: 0 }, auth: { default: {} } }
        stop:
          implementation: rest.cloudify_rest.tasks.bunch_execute
          inputs: { templates: { default: [] }, auth: { default: {} } }
`;

describe("Cloudify's REST plugin, run natively", () => {
  let h: Harness;
  let api: ReturnType<typeof service>;
  let port: number;
  beforeAll(async () => {
    api = service();
    await new Promise<void>((r) => api.server.listen(0, '127.0.0.1', () => r()));
    port = (api.server.address() as AddressInfo).port;
  });
  // A fresh harness per test: its blueprint directory is removed after each test.
  beforeEach(async () => {
    h = await createHarness({ maxRetries: 5 });
    const t = (name: string, text: string) => {
      mkdirSync(path.join(h.dir, 'templates'), { recursive: true });
      writeFileSync(path.join(h.dir, 'templates', name), text);
    };
    t(
      'user.yaml',
      `rest_calls:
  - path: /users/10
    method: GET
    headers: { Content-type: application/json }
    response_format: json
    recoverable_codes: [400]
    response_translation: [saved_user]
    response_expectation: [['id', '10']]
  - path: /posts/{{ saved_user.id }}
    method: PUT
    payload:
      title: '{{ saved_user.name }}-new'
      site: '{{ SITE }}'
    response_translation:
      id: [post, id]
      title: [post, title]
    response_expectation: [['id', '{{ saved_user.id }}']]
`,
    );
    t(
      'some.yaml',
      `rest_calls:
  - path: /users/10
    method: GET
    response_translation:
      name: [user-full-name]
      address:
        city: [user-city]
        geo:
          lat: [user-city-geo, latitude]
`,
    );
    t(
      'login.yaml',
      `rest_calls:
  - path: /authenticate
    method: GET
    response_format: xml
    translation_format: v3
    response_translation: { message: [response, message], token: [response, token] }
`,
    );
    t(
      'prerendered.yaml',
      `rest_calls:
  - path: /posts/{{ POST_ID }}
    method: PUT
    payload:
      {% if USERNAME %}title: '{{ USERNAME }}'{% endif %}
      body: {{ USER|tojson }}
    response_expectation: [['id', '{{ POST_ID }}']]
`,
    );
    t(
      'wait.yaml',
      'rest_calls:\n  - { path: /flaky, method: GET, recoverable_codes: [400] }\n  - { path: /job, method: GET, response_expectation: [[state, ready]] }\n',
    );
    t('forbidden.yaml', 'rest_calls:\n  - { path: /forbidden, method: GET, recoverable_codes: [400] }\n');
    t('delete.yaml', "rest_calls:\n  - path: '/posts/{{ POST_ID }}'\n    method: DELETE\n");
  });
  afterAll(async () => {
    await new Promise<void>((r) => api.server.close(() => r()));
  });

  const node = (name: string, start: string, hosts = `['127.0.0.1']`) => `  ${name}:
    type: cloudify.rest.Requests
    properties: { hosts: ${hosts}, port: ${port}, params: { SITE: example.org } }
    interfaces:
      cloudify.interfaces.lifecycle:
        start: { inputs: ${start} }
`;

  it('runs templates call by call: later calls see earlier results; v1/v3 translations, XML, basic auth, save_path', async () => {
    const dep = await h.deploy(
      `tosca_definitions_version: cloudify_dsl_1_5
imports: [cloudify/types/types.yaml]
${TYPES}node_templates:
${node('user', '{ template_file: templates/user.yaml }', `['127.0.0.1:1', '127.0.0.1']`)}${node('some', '{ template_file: templates/some.yaml, save_path: details, remove_calls: true }')}${node('login', '{ template_file: templates/login.yaml, auth: { user: alice, password: s3cret } }')}`,
      'rest',
    );
    const run = await h.run(dep, 'install');
    expect(run.error).toBeUndefined();
    const rp = new Map((await h.store.listNodeInstances(dep)).map((i) => [i.nodeId, i.runtimeProperties]));
    // The first host does not answer; the second does. The PUT used the GET's result.
    expect(api.posts.get('10')).toEqual({ title: 'Clementina-new', site: 'example.org', id: 10 });
    expect(rp.get('user')).toMatchObject({
      saved_user: { id: 10 },
      post: { id: 10, title: 'Clementina-new' },
      result_properties: { post: { id: 10 } },
      calls: [
        { method: 'GET', path: '/users/10', status: 200 },
        { method: 'PUT', path: '/posts/10', status: 200 },
      ],
    });
    expect(rp.get('some')).toEqual({
      details: {
        'user-full-name': 'Clementina',
        'user-city': 'Lebsackbury',
        'user-city-geo': { latitude: '-38.2' },
        result_properties: { 'user-full-name': 'Clementina', 'user-city': 'Lebsackbury', 'user-city-geo': { latitude: '-38.2' } },
      },
    });
    expect(rp.get('login')).toMatchObject({ message: 'welcome alice', token: 't-42' });
    // Credentials and payloads are not kept in runtime properties.
    expect(JSON.stringify([...rp.values()])).not.toContain('s3cret');
  });

  it('prerenders Jinja blocks, retries recoverable codes and unmet expectations, fails at once otherwise, and runs bunches', async () => {
    const dep = await h.deploy(
      `tosca_definitions_version: cloudify_dsl_1_5
imports: [cloudify/types/types.yaml]
${TYPES}node_templates:
${node('post', "{ template_file: templates/prerendered.yaml, prerender: true, params: { POST_ID: '5', USERNAME: bob, USER: { a: 1 } } }")}${node('waits', '{ template_file: templates/wait.yaml }')}`,
      'rest2',
    );
    const run = await h.run(dep, 'install');
    expect(run.error).toBeUndefined();
    expect(api.posts.get('5')).toEqual({ title: 'bob', body: { a: 1 }, id: 5 });
    // /flaky answered 400 once (recoverable), /job was pending twice: the operation was retried
    // (each retry runs the template again from its first call, as Cloudify does), not failed.
    expect(api.calls.filter((c) => c === 'GET /flaky').length).toBeGreaterThanOrEqual(2);
    expect(api.calls.filter((c) => c === 'GET /job').length).toBeGreaterThanOrEqual(3);

    const stop = await h.run(dep, 'stop', { node_ids: ['post'], operation_parms: {} });
    expect(stop.error).toBeUndefined();

    const bad = await h.deploy(
      `tosca_definitions_version: cloudify_dsl_1_5
imports: [cloudify/types/types.yaml]
${TYPES}node_templates:
${node('denied', '{ template_file: templates/forbidden.yaml }')}`,
      'rest3',
    );
    const failed = await h.run(bad, 'install');
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/GET http:\/\/\{127\.0\.0\.1\}:\d+\/forbidden answered 403/);
    expect(api.calls.filter((c) => c === 'GET /forbidden')).toHaveLength(1);
  });

  it('bunch_execute runs several templates with params from runtime properties (params_attributes)', async () => {
    const dep = await h.deploy(
      `tosca_definitions_version: cloudify_dsl_1_5
imports: [cloudify/types/types.yaml]
${TYPES}node_templates:
  bunch:
    type: cloudify.rest.Requests
    properties: { hosts: ['127.0.0.1'], port: ${port} }
    interfaces:
      cloudify.interfaces.lifecycle:
        start:
          implementation: rest.cloudify_rest.tasks.bunch_execute
          inputs:
            templates:
              - { template_file: templates/user.yaml, save_to: user-details, params: { SITE: a.b } }
              - template_file: templates/prerendered.yaml
                prerender: true
                save_to: post_result
                params_attributes: { USERNAME: [user-details, saved_user, username], USER: [user-details, saved_user, address, geo] }
                params: { POST_ID: '9' }
              - { template_file: templates/delete.yaml, params: { POST_ID: '10' } }
`,
      'rest4',
    );
    const run = await h.run(dep, 'install');
    expect(run.error).toBeUndefined();
    expect(api.posts.get('9')).toEqual({ title: 'moriah', body: { lat: '-38.2', lng: '57.2' }, id: 9 });
    expect(api.posts.has('10')).toBe(false);
    const rp = (await h.store.listNodeInstances(dep))[0]!.runtimeProperties;
    expect(rp['user-details']).toMatchObject({ saved_user: { username: 'moriah' } });
  });
});

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

describe.runIf(hasOpenssl)("Cloudify's REST plugin over HTTPS", () => {
  let h: Harness;
  let server: ReturnType<typeof createHttpsServer>;
  let port: number;
  const pems: Record<string, string> = {};
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isthmus-rest-tls-'));
    const make = (name: string, subject: string, extra: string[]) => {
      const r = spawnSync('openssl', [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        subject,
        '-keyout',
        path.join(dir, `${name}.key`),
        '-out',
        path.join(dir, `${name}.crt`),
        ...extra,
      ]);
      if (r.status !== 0) throw new Error(r.stderr.toString());
      pems[`${name}Cert`] = readFileSync(path.join(dir, `${name}.crt`), 'utf8');
      pems[`${name}Key`] = readFileSync(path.join(dir, `${name}.key`), 'utf8');
    };
    make('server', '/CN=127.0.0.1', ['-addext', 'subjectAltName=IP:127.0.0.1']);
    make('client', '/CN=alice', []);
    rmSync(dir, { recursive: true, force: true });
    // The server trusts only alice's certificate, as rest-plugin-cert's endpoint does.
    server = createHttpsServer(
      { cert: pems['serverCert'], key: pems['serverKey'], ca: pems['clientCert'], requestCert: true, rejectUnauthorized: true },
      (req, res) => {
        const peer = (req.socket as TLSSocket).getPeerCertificate();
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ message: `hello ${peer.subject?.CN ?? 'nobody'}` }));
      },
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.address() as AddressInfo).port;
  });
  beforeEach(async () => {
    h = await createHarness({ maxRetries: 0 });
    mkdirSync(path.join(h.dir, 'templates'), { recursive: true });
    writeFileSync(
      path.join(h.dir, 'templates', 'hello.yaml'),
      'rest_calls:\n  - { path: /authenticate, method: GET, response_translation: { message: [message] } }\n',
    );
  });
  afterAll(async () => {
    await new Promise<void>((r) => server?.close(() => r()));
  });

  const blueprint = `tosca_definitions_version: cloudify_dsl_1_5
imports: [cloudify/types/types.yaml]
${TYPES}inputs:
  verify: {}
  cert: { default: ~ }
node_templates:
  alice_check:
    type: cloudify.rest.Requests
    properties: { hosts: ['127.0.0.1'], port: PORT, ssl: true, verify: { get_input: verify }, cert: { get_input: cert } }
    interfaces:
      cloudify.interfaces.lifecycle:
        start: { inputs: { template_file: templates/hello.yaml } }
`;

  it('verifies the server with the CA given as content and presents the client certificate', async () => {
    const dep = await h.deploy(blueprint.replace('PORT', String(port)), 'tls', {
      verify: pems['serverCert']!,
      cert: `${pems['clientCert']!}${pems['clientKey']!}`,
    });
    const run = await h.run(dep, 'install');
    expect(run.error).toBeUndefined();
    expect((await h.store.listNodeInstances(dep))[0]!.runtimeProperties['message']).toBe('hello alice');
  });

  it('refuses a server it cannot verify, and a server refuses a client without the certificate', async () => {
    const untrusted = await h.deploy(blueprint.replace('PORT', String(port)), 'tls-untrusted', {
      verify: true,
      cert: `${pems['clientCert']!}${pems['clientKey']!}`,
    });
    const first = await h.run(untrusted, 'install');
    expect(first.status).toBe('failed');
    expect(first.error).toMatch(/no host answered .*self.signed/i);
    const anonymous = await h.deploy(blueprint.replace('PORT', String(port)), 'tls-anonymous', { verify: pems['serverCert']! });
    const second = await h.run(anonymous, 'install');
    expect(second.status).toBe('failed');
    expect(second.error).toMatch(/no host answered/);
  });
});
