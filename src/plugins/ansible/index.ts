import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify as toYaml } from 'yaml';
import { isYamlMap, type YamlMap, type YamlValue } from '../../dsl/index.js';
import { OperationError } from '../../runtime/errors.js';
import type { OperationContext } from '../../runtime/types.js';
import type { PluginModule } from '../registry.js';
import { chownTree, scriptUser } from '../script/index.js';
import { EVENTS_CALLBACK_NAME, EVENTS_CALLBACK_PY } from './events-callback.js';

/*
 * cloudify-ansible-plugin, natively: `ansible-playbook` (ansible-core) run where the step runs,
 * over a workspace holding a copy of the playbook's directory, the inventory (YAML given inline,
 * a file of the blueprint, or built from the hosts the node is related to) and the extra
 * variables. Task results come back through a callback Isthmus adds (events-callback.ts): failed
 * tasks fail the operation for good with their messages, unreachable hosts are retried up to
 * `number_of_attempts`, and `store_facts` keeps the facts `setup` gathers (those of the first host,
 * as Cloudify keeps them) in the `facts` runtime property.
 */

const map = (v: YamlValue | undefined): YamlMap => (isYamlMap(v) ? v : {});
const text = (v: YamlValue | undefined): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);
const empty = (v: YamlValue | undefined) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) || (isYamlMap(v) && Object.keys(v).length === 0);

/** Where ansible-playbook is missing, what to do about it. */
const INSTALL_HINT =
  'install ansible-core where the step runs (Debian: apt-get install ansible-core) or set ansible_playbook_executable_path; the step Lambda has no Ansible, so Ansible steps run in the driver (the runner)';

/** ansible-playbook's exit status when some host could not be reached. */
const UNREACHABLE_EXIT = 4;
/** Output kept from a run, per stream. */
const MAX_OUTPUT_BYTES = 4 * 1024 * 1024;
/** What Cloudify shows instead of a sensitive value in the stored playbook configuration. */
const HIDDEN = '********';

/** ansible-playbook's long options that `options_config` may set (anything else is refused). */
const PLAYBOOK_OPTIONS = new Set([
  'ask-become-pass',
  'ask-pass',
  'ask-vault-password',
  'become',
  'become-method',
  'become-password-file',
  'become-user',
  'check',
  'connection',
  'connection-password-file',
  'diff',
  'extra-vars',
  'flush-cache',
  'force-handlers',
  'forks',
  'limit',
  'list-hosts',
  'list-tags',
  'list-tasks',
  'module-path',
  'private-key',
  'scp-extra-args',
  'sftp-extra-args',
  'skip-tags',
  'ssh-common-args',
  'ssh-extra-args',
  'start-at-task',
  'step',
  'syntax-check',
  'tags',
  'timeout',
  'user',
  'vault-id',
  'vault-password-file',
]);

/** Splits a command-line text into words as a POSIX shell would (quotes and backslashes; no expansion). */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) word += line[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) throw new OperationError(`additional_args has an unclosed ${quote} quote: ${line}`, false);
  if (inWord) words.push(word);
  return words;
}

/** A path of the blueprint's directory (never outside it). */
function blueprintPath(ctx: OperationContext, relative: string, what: string): string {
  const full = path.resolve(ctx.blueprintDir, relative);
  const rel = path.relative(ctx.blueprintDir, full);
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new OperationError(`${what} '${relative}' is outside the blueprint directory`, false);
  return full;
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** Cloudify's inventory host names: lower case, `_` as `-`. */
const legalHostname = (name: string) => name.replace(/_/g, '-').toLowerCase();

/** An inventory in Cloudify's shape (`all: {hosts, children: {group: {hosts}}}`), from either shape. */
function normalizeSources(sources: YamlMap): { hosts: YamlMap; children: Record<string, YamlMap> } {
  const out = { hosts: {} as YamlMap, children: {} as Record<string, YamlMap> };
  const groups = isYamlMap(sources['all']) ? map(map(sources['all'])['children']) : sources;
  if (isYamlMap(sources['all'])) for (const [h, c] of Object.entries(map(map(sources['all'])['hosts']))) out.hosts[legalHostname(h)] = c ?? null;
  for (const [group, config] of Object.entries(groups)) {
    const hosts: YamlMap = {};
    for (const [h, c] of Object.entries(map(map(config)['hosts']))) hosts[legalHostname(h)] = c ?? null;
    out.children[group] = { ...map(config), hosts };
  }
  return out;
}

function sourcesOf(inventory: { hosts: YamlMap; children: Record<string, YamlMap> }): YamlMap {
  return { all: { hosts: inventory.hosts, children: inventory.children } };
}

/** How a host on a Compute is reached (Cloudify's defaults): its ip and agent_config, host-key checking off. */
async function hostConfigOf(ctx: OperationContext, instanceId: string): Promise<YamlMap> {
  const instance = instanceId === ctx.instance.id ? ctx.instance : await ctx.readInstance(instanceId);
  if (!instance) throw new OperationError(`no instance '${instanceId}' to reach with Ansible`, false);
  const node = instance.nodeId === ctx.node.id ? ctx.node : ctx.readNode(instance.nodeId);
  const properties = node ? map(await ctx.evaluate(node.properties)) : {};
  const agent = map(properties['agent_config']);
  const ip = text(instance.runtimeProperties['ip']) ?? text(properties['ip']);
  if (!ip) throw new OperationError(`'${instance.id}' has no ip (property or runtime property) for Ansible to reach`, false);
  return {
    ansible_host: ip,
    ...(text(agent['user']) ? { ansible_user: text(agent['user'])! } : {}),
    ...(text(agent['port']) ? { ansible_port: Number(text(agent['port'])) } : {}),
    ...(text(agent['password']) ? { ansible_ssh_pass: text(agent['password'])! } : {}),
    ...(text(agent['key']) ? { ansible_ssh_private_key_file: text(agent['key'])! } : {}),
    ansible_ssh_common_args: '-o StrictHostKeyChecking=no',
    ansible_become: typeof properties['ansible_become'] === 'boolean' ? properties['ansible_become'] : true,
  };
}

/**
 * The inventory when `sources` is not given: the `sources` runtime property (what
 * connected_to_host relationships gathered), else the host the operation concerns — the target of
 * a relationship operation, or the Compute the node is on — under a group named after its type.
 */
async function derivedSources(ctx: OperationContext): Promise<YamlValue> {
  const gathered = ctx.instance.runtimeProperties['sources'];
  if (!empty(gathered) && !ctx.target?.node.typeHierarchy.includes('cloudify.nodes.Compute')) return gathered!;
  const host = ctx.target && ctx.source ? ctx.target : ctx.instance.computeHostId ? { instance: { id: ctx.instance.computeHostId } } : undefined;
  if (!host)
    throw new OperationError(
      'no inventory: give sources (inline YAML or a file of the blueprint), relate the node to its hosts (cloudify.ansible.relationships.connected_to_host), or place it on a Compute',
      false,
    );
  const instance = host.instance.id === ctx.instance.id ? ctx.instance : await ctx.readInstance(host.instance.id);
  const node = instance ? ctx.readNode(instance.nodeId) : undefined;
  if (!node?.typeHierarchy.includes('cloudify.nodes.Compute'))
    throw new OperationError(`'${host.instance.id}' is not a Compute: give sources, or a group_name and hostname with host_config`, false);
  return sourcesOf({ hosts: {}, children: { [node.type]: { hosts: { [legalHostname(host.instance.id)]: await hostConfigOf(ctx, host.instance.id) } } } });
}

/** Private keys given as content in an inventory become files of the workspace (0600), as Cloudify does. */
async function keyFiles(value: YamlValue, dir: string, counter: { n: number }): Promise<YamlValue> {
  if (Array.isArray(value)) return Promise.all(value.map((v) => keyFiles(v, dir, counter)));
  if (!isYamlMap(value)) return value;
  const out: YamlMap = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'ansible_ssh_private_key_file' && typeof v === 'string' && v.includes('PRIVATE KEY')) {
      const file = path.join(dir, `key-${++counter.n}`);
      await writeFile(file, v.endsWith('\n') ? v : `${v}\n`, { mode: 0o600 });
      out[k] = file;
    } else out[k] = await keyFiles(v, dir, counter);
  }
  return out;
}

/** The `-i` argument: an inline inventory written out, a blueprint file copied, or ansible's `host,` list. */
async function inventoryArgument(ctx: OperationContext, sources: YamlValue, workspace: string): Promise<string> {
  if (isYamlMap(sources)) {
    const file = path.join(workspace, 'hosts.yaml');
    await writeFile(file, toYaml(await keyFiles(sources, workspace, { n: 0 })), { mode: 0o600 });
    return file;
  }
  if (typeof sources !== 'string' || sources.trim() === '')
    throw new OperationError('sources must be an inventory (YAML) or the path of one in the blueprint', false);
  if (/^[^\s\n]+,$/.test(sources.trim())) return sources.trim();
  if (!sources.includes('\n')) {
    const full = blueprintPath(ctx, sources, 'sources');
    if (await isFile(full)) {
      const file = path.join(workspace, `inventory-${path.basename(full)}`);
      await cp(full, file);
      return file;
    }
  }
  const file = path.join(workspace, 'hosts');
  await writeFile(file, sources, { mode: 0o600 });
  return file;
}

/** A value of the stored playbook configuration hidden where its key is sensitive. */
function hideSensitive(value: YamlValue, keys: ReadonlySet<string>, hide = false): YamlValue {
  if (isYamlMap(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hideSensitive(v, keys, hide || keys.has(k))]));
  if (Array.isArray(value)) return value.map((v) => hideSensitive(v, keys, hide));
  return hide && value !== null && value !== '' ? HIDDEN : value;
}

/** A value read back from stored configuration with the hidden parts taken from the node's properties. */
function unhide(value: YamlValue | undefined, original: YamlValue | undefined): YamlValue | undefined {
  if (value === HIDDEN) return original;
  if (isYamlMap(value) && isYamlMap(original)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unhide(v, original[k]) ?? null]));
  if (Array.isArray(value) && Array.isArray(original)) return value.map((v, i) => unhide(v, original[i]) ?? null);
  return value;
}

/**
 * The operation's playbook inputs. A run_on_host relationship reads them from the Playbook node's
 * runtime properties, where set_playbook_config stored them with sensitive values hidden: those
 * come from the node's own properties instead.
 */
async function playbookInputs(ctx: OperationContext): Promise<YamlMap> {
  const inputs = { ...ctx.inputs };
  if (ctx.source && ctx.instance.id === ctx.source.instance.id && JSON.stringify(inputs).includes(HIDDEN)) {
    const properties = map(await ctx.evaluate(ctx.source.node.properties));
    for (const [k, v] of Object.entries(inputs)) inputs[k] = unhide(v, properties[k]) ?? null;
  }
  return inputs;
}

interface TaskEvent {
  status: 'ok' | 'failed' | 'unreachable' | 'skipped';
  host: string;
  task: string;
  changed?: boolean;
  ignored?: boolean;
  msg?: string;
  facts?: YamlMap;
}

interface AnsibleRun {
  code: number | null;
  events: TaskEvent[];
  stderrTail: string[];
}

/** The environment of an Ansible process: the step's own (PATH, LANG), the workspace as HOME, the blueprint's variables, Isthmus's callback. */
function ansibleEnvironment(ctx: OperationContext, inputs: YamlMap, workspace: string, facts: boolean): Record<string, string> {
  const given: Record<string, string> = {};
  for (const [k, v] of Object.entries(map(inputs['ansible_env_vars'])))
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) given[k] = typeof v === 'string' ? v : JSON.stringify(v);
  const home = ctx.settings.scriptEnvironment.HOME;
  // Cloudify's default stdout callback (json) exists for its own parsing; Isthmus reads its callback's events instead.
  const stdoutCallback = given['ANSIBLE_STDOUT_CALLBACK'] && given['ANSIBLE_STDOUT_CALLBACK'] !== 'json' ? given['ANSIBLE_STDOUT_CALLBACK'] : 'default';
  const enabled = [given['ANSIBLE_CALLBACKS_ENABLED'] ?? given['ANSIBLE_CALLBACK_WHITELIST'], EVENTS_CALLBACK_NAME].filter(Boolean).join(',');
  return {
    PATH: ctx.settings.scriptEnvironment.PATH,
    LANG: ctx.settings.scriptEnvironment.LANG,
    // The workspace is HOME: ~/.ansible/tmp and ssh's known_hosts stay in it, not in the runner's home.
    HOME: workspace,
    ...(home
      ? {
          ANSIBLE_COLLECTIONS_PATH: `${home}/.ansible/collections:/usr/share/ansible/collections`,
          ANSIBLE_ROLES_PATH: `${home}/.ansible/roles:/usr/share/ansible/roles:/etc/ansible/roles`,
        }
      : {}),
    ANSIBLE_HOST_KEY_CHECKING: 'False',
    ANSIBLE_INVALID_TASK_ATTRIBUTE_FAILED: 'False',
    ANSIBLE_RETRY_FILES_ENABLED: 'False',
    ANSIBLE_NOCOLOR: '1',
    // Cloudify names inventory groups after node types (with dots): kept as they are, without a warning each run.
    ANSIBLE_TRANSFORM_INVALID_GROUP_CHARS: 'ignore',
    // Connections shared within the run (their sockets live in the workspace); none outlives it by more than 2 s.
    ANSIBLE_SSH_ARGS: '-C -o ControlMaster=auto -o ControlPersist=2s',
    // Modules sent through the connection instead of copied first: a third of the time per task.
    ANSIBLE_PIPELINING: 'True',
    ...given,
    ANSIBLE_STDOUT_CALLBACK: stdoutCallback,
    ANSIBLE_CALLBACK_PLUGINS: [path.join(workspace, 'callbacks'), given['ANSIBLE_CALLBACK_PLUGINS']].filter(Boolean).join(':'),
    ANSIBLE_CALLBACKS_ENABLED: enabled,
    ANSIBLE_LOAD_CALLBACK_PLUGINS: '1',
    ISTHMUS_ANSIBLE_EVENTS: path.join(workspace, 'events.jsonl'),
    ...(facts ? { ISTHMUS_ANSIBLE_FACTS: '1' } : {}),
    CTX_NODE_INSTANCE_ID: ctx.instance.id,
    ISTHMUS_DEPLOYMENT_ID: ctx.deployment.id,
    ISTHMUS_NODE_INSTANCE: ctx.instance.id,
  };
}

/** Runs an Ansible command in the workspace, its screen output logged, its task results read from the callback's events. */
async function runAnsible(
  ctx: OperationContext,
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
  logOutput: boolean,
): Promise<AnsibleRun> {
  const runAs = scriptUser(ctx.settings.scriptUser);
  if (runAs) await chownTree(env['HOME']!, runAs);
  const stderrTail: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      signal: ctx.signal,
      ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
    });
    let kept = 0;
    let partial = '';
    child.stdout.on('data', (chunk: Buffer) => {
      if (kept > MAX_OUTPUT_BYTES) return;
      kept += chunk.length;
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      if (logOutput) for (const line of lines) if (line.trim()) ctx.logger.info(line);
      if (kept > MAX_OUTPUT_BYTES) ctx.logger.warning(`ansible printed more than ${MAX_OUTPUT_BYTES} bytes; the rest is not logged`);
    });
    let errPartial = '';
    child.stderr.on('data', (chunk: Buffer) => {
      const lines = (errPartial + chunk.toString('utf8')).split('\n');
      errPartial = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        stderrTail.push(line);
        if (stderrTail.length > 5) stderrTail.shift();
        if (logOutput) ctx.logger.warning(line);
      }
    });
    child.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'ENOENT' ? new OperationError(`'${command}' is not installed where this step runs: ${INSTALL_HINT}`, false) : err),
    );
    child.once('close', (c) => {
      if (logOutput && partial.trim()) ctx.logger.info(partial);
      if (errPartial.trim()) stderrTail.push(errPartial);
      resolve(c);
    });
  }).catch((err: unknown) => {
    if ((err as { name?: string }).name === 'AbortError') throw new OperationError(`${command} timed out`, true);
    throw err;
  });
  const events: TaskEvent[] = [];
  const recorded = await readFile(env['ISTHMUS_ANSIBLE_EVENTS']!, 'utf8').catch(() => '');
  for (const line of recorded.split('\n')) {
    if (!line) continue;
    try {
      events.push(JSON.parse(line) as TaskEvent);
    } catch {
      // A line the callback did not finish (the run was killed): the exit status tells the rest.
    }
  }
  return { code, events, stderrTail };
}

/** Fails or retries the operation as the run's outcome says; Cloudify's semantics. */
function judge(ctx: OperationContext, run: AnsibleRun, what: string, attempts: number): void {
  const failed = run.events.filter((e) => e.status === 'failed' && !e.ignored);
  const unreachable = run.events.filter((e) => e.status === 'unreachable');
  if (failed.length > 0)
    throw new OperationError(
      `${what}: ${failed
        .slice(0, 5)
        .map((e) => `task '${e.task}' failed on ${e.host}${e.msg ? `: ${e.msg.split('\n')[0]}` : ''}`)
        .join('; ')}`,
      false,
    );
  if (unreachable.length > 0 || run.code === UNREACHABLE_EXIT) {
    const hosts = [...new Set(unreachable.map((e) => e.host))].join(', ') || 'some hosts';
    const why = unreachable[0]?.msg?.split('\n')[0] ?? run.stderrTail.at(-1) ?? '';
    if (ctx.operation.retryNumber + 1 < attempts)
      ctx.retry(`${what}: ${hosts} unreachable${why ? ` (${why})` : ''}; attempt ${ctx.operation.retryNumber + 1} of ${attempts}`);
    throw new OperationError(`${what}: ${hosts} unreachable after ${attempts} attempts${why ? `: ${why}` : ''}`, false);
  }
  if (run.code !== 0) throw new OperationError(`${what} exited with ${run.code}${run.stderrTail.length ? `: ${run.stderrTail.join(' | ')}` : ''}`, true);
}

/** A prepared workspace: the playbook's directory copied in, the inventory written, Isthmus's callback beside them. */
interface Workspace {
  dir: string;
  playbookDir: string;
  playbook: string;
  inventory: string;
}

async function prepareWorkspace(ctx: OperationContext, inputs: YamlMap, needPlaybook: boolean): Promise<Workspace> {
  const dir = await mkdtemp(path.join(tmpdir(), 'isthmus-ansible-'));
  try {
    await mkdir(path.join(dir, 'callbacks'));
    await writeFile(path.join(dir, 'callbacks', `${EVENTS_CALLBACK_NAME}.py`), EVENTS_CALLBACK_PY);
    const relative = text(inputs['playbook_path']) ?? text(inputs['site_yaml_path']);
    let playbookDir = dir;
    let playbook = '';
    if (relative) {
      const base = text(inputs['playbook_source_path']);
      if (base && /^[a-z]+:\/\//i.test(base))
        throw new OperationError(
          `playbook_source_path '${base}' is a URL: Isthmus runs playbooks from the repository (give a directory of the blueprint)`,
          false,
        );
      const full = blueprintPath(ctx, base ? path.join(base, relative) : relative, 'playbook_path');
      if (!(await isFile(full))) throw new OperationError(`playbook '${relative}' does not exist in the blueprint directory`, false);
      // The playbook's whole directory, as Cloudify copies it: its roles, templates and files.
      playbookDir = path.join(dir, 'playbook');
      await cp(path.dirname(full), playbookDir, { recursive: true, filter: (src) => !src.includes(`${path.sep}.git`) });
      playbook = path.join(playbookDir, path.basename(full));
    } else if (needPlaybook) throw new OperationError('no playbook: set playbook_path (a file of the blueprint)', false);
    let sources: YamlValue | undefined = inputs['sources'];
    if (empty(sources)) sources = await derivedSources(ctx);
    // Kept as Cloudify keeps it, for store_facts and later runs.
    ctx.instance.runtimeProperties['sources'] = sources!;
    const inventory = await inventoryArgument(ctx, sources!, dir);
    return { dir, playbookDir, playbook, inventory };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

/** `options_config` and `run_data` as ansible-playbook arguments (extra variables through a file, not the command line). */
async function optionArguments(inputs: YamlMap, workspace: string): Promise<string[]> {
  const options = { ...map(inputs['options_config']) };
  const extraVars = { ...map(options['extra_vars']), ...map(inputs['run_data']) };
  delete options['extra_vars'];
  const args: string[] = [];
  const varsFile = path.join(workspace, 'extra-vars.json');
  await writeFile(varsFile, JSON.stringify(extraVars), { mode: 0o600 });
  args.push('--extra-vars', `@${varsFile}`);
  for (const [key, value] of Object.entries(options)) {
    const flag = key.replace(/_/g, '-');
    if (!PLAYBOOK_OPTIONS.has(flag)) throw new OperationError(`options_config has '${key}', which is not an option of ansible-playbook`, false);
    if (value === false || value === null) continue;
    if (value === true) args.push(`--${flag}`);
    else if (Array.isArray(value)) args.push(`--${flag}=${value.map(String).join(',')}`);
    else args.push(`--${flag}=${isYamlMap(value) ? JSON.stringify(value) : String(value)}`);
  }
  const tags = inputs['tags'];
  if (Array.isArray(tags) && tags.length > 0) args.push(`--tags=${tags.map(String).join(',')}`);
  else if (typeof tags === 'string' && tags) args.push(`--tags=${tags}`);
  for (const name of ['start_at_task', 'scp_extra_args', 'sftp_extra_args', 'ssh_common_args', 'ssh_extra_args', 'timeout']) {
    const value = text(inputs[name]);
    if (value) args.push(`--${name.replace(/_/g, '-')}=${value}`);
  }
  const modulePath = text(inputs['module_path']);
  if (modulePath) args.push(`--module-path=${modulePath}`);
  return args;
}

/** What Isthmus does not install, said once per run instead of silently ignored. */
function warnUninstalled(ctx: OperationContext, inputs: YamlMap): void {
  for (const name of ['extra_packages', 'galaxy_collections', 'roles']) {
    const value = inputs[name];
    if (Array.isArray(value) && value.length > 0)
      ctx.logger.warning(`${name} (${value.map(String).join(', ')}) are not installed by Isthmus: they must already be where this step runs`);
  }
  if (text(inputs['ansible_external_venv'])) ctx.logger.warning('ansible_external_venv is not used: give ansible_playbook_executable_path instead');
}

const attemptsOf = (inputs: YamlMap) => {
  const n = Number(text(inputs['number_of_attempts']) ?? 3);
  return Number.isInteger(n) && n > 0 ? n : 3;
};

/** The facts `setup` gathers from the inventory's hosts (the first host's, as Cloudify stores them), into `facts`. */
async function gatherFacts(ctx: OperationContext, inputs: YamlMap, workspace: Workspace): Promise<void> {
  const playbookExecutable = text(inputs['ansible_playbook_executable_path']);
  const ansible = playbookExecutable ? path.join(path.dirname(playbookExecutable), 'ansible') : 'ansible';
  const env = ansibleEnvironment(ctx, inputs, workspace.dir, true);
  env['ISTHMUS_ANSIBLE_EVENTS'] = path.join(workspace.dir, 'facts.jsonl');
  const args = ['-i', workspace.inventory, 'all', '-m', 'setup'];
  if (env['ANSIBLE_FACT_PATH']) args.push('-a', `fact_path=${env['ANSIBLE_FACT_PATH']}`);
  const run = await runAnsible(ctx, ansible, args, workspace.playbookDir, env, false);
  judge(ctx, run, 'gathering facts', attemptsOf(inputs));
  const first = run.events.find((e) => e.status === 'ok' && e.facts);
  if (first?.facts) ctx.instance.runtimeProperties['facts'] = first.facts;
}

/** `tasks.run`: the playbook, against the inventory, with the run's variables and options. */
async function runPlaybook(ctx: OperationContext): Promise<void> {
  const inputs = await playbookInputs(ctx);
  warnUninstalled(ctx, inputs);
  const workspace = await prepareWorkspace(ctx, inputs, true);
  const keep = inputs['save_playbook'] === true;
  try {
    const level = Math.min(Math.max(Number(text(inputs['debug_level']) ?? 2), 0), 6);
    const args = [
      ...(level > 1 ? [`-${'v'.repeat(level - 1)}`] : []),
      '-i',
      workspace.inventory,
      ...(await optionArguments(inputs, workspace.dir)),
      ...shellWords(text(inputs['additional_args']) ?? ''),
      workspace.playbook,
    ];
    const command = text(inputs['ansible_playbook_executable_path']) ?? 'ansible-playbook';
    const env = ansibleEnvironment(ctx, inputs, workspace.dir, false);
    ctx.logger.info(`running ${path.relative(workspace.playbookDir, workspace.playbook)} with ansible-playbook`);
    const run = await runAnsible(ctx, command, args, workspace.playbookDir, env, inputs['log_stdout'] !== false);
    const changed = run.events.filter((e) => e.changed).length;
    judge(ctx, run, `playbook ${text(inputs['playbook_path']) ?? text(inputs['site_yaml_path'])}`, attemptsOf(inputs));
    ctx.logger.info(`the playbook ran ${run.events.length} task results, ${changed} changed`);
    // After a run_on_host establish, Cloudify stores the facts right away.
    if (ctx.operation.name.endsWith('.establish') && inputs['store_facts'] !== false) await gatherFacts(ctx, inputs, workspace);
    if (keep) ctx.logger.info(`save_playbook: the workspace is kept at ${workspace.dir} where this step ran`);
  } finally {
    if (!keep) await rm(workspace.dir, { recursive: true, force: true });
  }
}

/** `tasks.store_facts` (a Playbook's poststart): the facts of its hosts, unless store_facts is false. */
async function storeFacts(ctx: OperationContext): Promise<void> {
  const inputs = await playbookInputs(ctx);
  if (inputs['store_facts'] === false) return;
  if (empty(inputs['sources']) && empty(ctx.instance.runtimeProperties['sources']) && !ctx.instance.computeHostId) {
    ctx.logger.info('no sources to gather facts from: nothing stored');
    return;
  }
  const workspace = await prepareWorkspace(ctx, inputs, false);
  try {
    await gatherFacts(ctx, inputs, workspace);
  } finally {
    await rm(workspace.dir, { recursive: true, force: true });
  }
}

/** `tasks.set_playbook_config` (a Playbook's start): its configuration as runtime properties, sensitive values hidden. */
async function setPlaybookConfig(ctx: OperationContext): Promise<void> {
  const sensitive = new Set((Array.isArray(ctx.inputs['sensitive_keys']) ? ctx.inputs['sensitive_keys'] : ['ansible_password']).map(String));
  for (const [k, v] of Object.entries(ctx.inputs)) ctx.instance.runtimeProperties[k] = hideSensitive(v, sensitive, sensitive.has(k));
}

/** `tasks.precreate` / `tasks.install`: ansible-playbook must be where the steps run. */
async function checkInstallation(ctx: OperationContext): Promise<void> {
  const properties = map(await ctx.evaluate(ctx.node.properties));
  warnUninstalled(ctx, { ...properties, ...ctx.inputs });
  const command = text(properties['ansible_playbook_executable_path']) ?? 'ansible-playbook';
  const version = await new Promise<string>((resolve, reject) => {
    const child = spawn(command, ['--version'], {
      env: { PATH: ctx.settings.scriptEnvironment.PATH, LANG: ctx.settings.scriptEnvironment.LANG },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'ENOENT' ? new OperationError(`'${command}' is not installed where this step runs: ${INSTALL_HINT}`, false) : err),
    );
    child.once('close', (code) =>
      code === 0 ? resolve(out.split('\n')[0] ?? '') : reject(new OperationError(`'${command} --version' exited with ${code}`, false)),
    );
  });
  ctx.logger.info(`Ansible where this step runs: ${version}`);
}

/** The host a connected_to_host relationship adds: group, name and connection settings. */
async function relationshipHost(ctx: OperationContext): Promise<{ group: string; hostname: string; config: YamlMap }> {
  if (!ctx.target) throw new OperationError('ansible_requires_host runs on a relationship', false);
  const given = map(ctx.inputs['host_config']);
  const isCompute = ctx.target.node.typeHierarchy.includes('cloudify.nodes.Compute');
  const group = text(ctx.inputs['group_name']);
  const hostname = text(ctx.inputs['hostname']);
  if (!group && !hostname && !isCompute)
    throw new OperationError(`'${ctx.target.node.id}' is not a Compute: give group_name and hostname (and host_config) to add it to the inventory`, false);
  const config = Object.keys(given).length > 0 ? given : await hostConfigOf(ctx, ctx.target.instance.id);
  return { group: group ?? ctx.target.node.type, hostname: legalHostname(hostname ?? ctx.target.instance.id), config };
}

/** `tasks.ansible_requires_host` (connected_to_host preconfigure): the target joins the source's inventory (`sources`). */
async function requiresHost(ctx: OperationContext): Promise<void> {
  const { group, hostname, config } = await relationshipHost(ctx);
  const inventory = normalizeSources(map(ctx.instance.runtimeProperties['sources']));
  const hosts = map(inventory.children[group]?.['hosts']);
  inventory.children[group] = { ...inventory.children[group], hosts: { ...hosts, [hostname]: config } };
  ctx.instance.runtimeProperties['sources'] = sourcesOf(inventory);
}

/** `tasks.ansible_remove_host` (unlink): the target leaves the source's inventory. */
async function removeHost(ctx: OperationContext): Promise<void> {
  if (!ctx.target) throw new OperationError('ansible_remove_host runs on a relationship', false);
  const group = text(ctx.inputs['group_name']) ?? ctx.target.node.type;
  const hostname = legalHostname(text(ctx.inputs['hostname']) ?? ctx.target.instance.id);
  const inventory = normalizeSources(map(ctx.instance.runtimeProperties['sources']));
  const hosts = { ...map(inventory.children[group]?.['hosts']) };
  delete hosts[hostname];
  if (inventory.children[group]) inventory.children[group] = { ...inventory.children[group], hosts };
  ctx.instance.runtimeProperties['sources'] = sourcesOf(inventory);
}

/** `tasks.cleanup`: the instance forgets its runtime properties (Cloudify's delete and unlink). */
async function cleanup(ctx: OperationContext): Promise<void> {
  for (const key of Object.keys(ctx.instance.runtimeProperties)) delete ctx.instance.runtimeProperties[key];
}

export const ansiblePlugin: PluginModule = {
  name: 'ansible',
  operations: {
    'cloudify_ansible.tasks.precreate': checkInstallation,
    'cloudify_ansible.tasks.install': checkInstallation,
    'cloudify_ansible.tasks.uninstall': async () => undefined,
    'cloudify_ansible.tasks.configure': async () => undefined,
    'cloudify_ansible.tasks.run': runPlaybook,
    'cloudify_ansible.tasks.store_facts': storeFacts,
    'cloudify_ansible.tasks.set_playbook_config': setPlaybookConfig,
    'cloudify_ansible.tasks.ansible_requires_host': requiresHost,
    'cloudify_ansible.tasks.ansible_remove_host': removeHost,
    'cloudify_ansible.tasks.cleanup': cleanup,
  },
};
