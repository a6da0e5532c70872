import type { ClientChannel } from 'ssh2';
import { isYamlMap, type YamlMap, type YamlValue } from '../../dsl/index.js';
import { OperationError } from '../../runtime/errors.js';
import type { OperationContext } from '../../runtime/types.js';
import { openHost } from '../fabric/index.js';
import type { PluginModule } from '../registry.js';
import { readBlueprintResource, templateContext } from '../script/index.js';
import type { SshSession } from '../ssh-connection/index.js';
import { renderJinja } from '../templates.js';

/*
 * The terminal plugin of cloudify-utilities-plugin (`terminal.cloudify_terminal.tasks.run`, node
 * types cloudify.nodes.terminal.Raw and cloudify.terminal.raw): a conversation with a device's
 * CLI — a router, a firewall, an appliance — over an interactive SSH shell, the way a person types
 * at it. Each call's `action` (or `template` / `template_text`, rendered with the shared Jinja
 * engine) is sent line by line; the device's answer is read up to its next prompt, questions it
 * asks on the way get their `responses`, and `warnings` / `errors` / `criticals` patterns at the
 * start of an answer's lines rerun the command, fail the operation, or fail it for good. `save_to`
 * keeps an answer as a runtime property. `smart_device: true` runs each line as its own SSH command
 * instead (devices with a real shell). The host key follows Isthmus's SSH policy (terminal_auth's
 * `host_key`, else trust on first use recorded in `ssh_host_keys`).
 */

const map = (v: YamlValue | undefined): YamlMap => (isYamlMap(v) ? v : {});
const text = (v: YamlValue | undefined): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);
const strings = (v: YamlValue | undefined): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string' && x !== '').map(String) : []);

/** Cloudify's default prompt markers. */
const DEFAULT_PROMPT = ['#', '$'];
/** How long the device must stay quiet after a prompt-like line before it counts as the prompt. */
const SETTLE_MS = 150;
/** An answer kept per command (a device that never stops talking is cut off). */
const MAX_ANSWER = 1024 * 1024;
/** The runtime property that records finished operations, as the plugin's does. */
const FINISHED = '_finished_operations';

interface Response {
  question: string;
  answer: string;
  newline: boolean;
}

interface Checks {
  prompts: string[];
  responses: Response[];
  warnings: string[];
  errors: string[];
  criticals: string[];
}

function responsesOf(value: YamlValue | undefined): Response[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isYamlMap).flatMap((r) => {
    const question = text(r['question']);
    return question ? [{ question, answer: text(r['answer']) ?? '', newline: r['newline'] === true }] : [];
  });
}

/** What a device prints, as text to search: no carriage returns, backspaces applied, no control bytes. */
/** ANSI escape sequences (colours, cursor moves) that some CLIs print around their prompts. */
const ANSI_ESCAPE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g');

export function cleanTerminalText(raw: string): string {
  let out = '';
  for (const ch of raw.replace(ANSI_ESCAPE, '')) {
    if (ch === '\b') out = out.slice(0, -1);
    else if (ch === '\r' || (ch < ' ' && ch !== '\n' && ch !== '\t')) continue;
    else out += ch;
  }
  return out;
}

class CheckFailure extends Error {
  constructor(
    readonly kind: 'warning' | 'error' | 'critical',
    message: string,
  ) {
    super(message);
  }
}

/** An answer's lines checked against the call's patterns (each at the start of a line). */
export function checkAnswer(answer: string, checks: Pick<Checks, 'warnings' | 'errors' | 'criticals'>): void {
  const lines = answer.split('\n');
  const hit = (patterns: string[]) => patterns.find((p) => lines.some((l) => l.startsWith(p)));
  const warning = hit(checks.warnings);
  if (warning !== undefined) throw new CheckFailure('warning', `the answer has the warning '${warning}'`);
  const error = hit(checks.errors);
  if (error !== undefined) throw new CheckFailure('error', `the answer has the error '${error}'`);
  const critical = hit(checks.criticals);
  if (critical !== undefined) throw new CheckFailure('critical', `the answer has the critical '${critical}'`);
}

/** An interactive shell on a device: what it prints, read up to its prompts, its questions answered. */
export class TerminalShell {
  private raw = '';
  private closed = false;
  private waiter: (() => void) | undefined;

  constructor(
    private readonly channel: ClientChannel,
    private readonly signal: AbortSignal,
  ) {
    channel.on('data', (c: Buffer) => {
      if (this.raw.length < MAX_ANSWER) this.raw += c.toString('utf8');
      this.wake();
    });
    channel.stderr.on('data', (c: Buffer) => {
      if (this.raw.length < MAX_ANSWER) this.raw += c.toString('utf8');
      this.wake();
    });
    channel.on('close', () => {
      this.closed = true;
      this.wake();
    });
    signal.addEventListener('abort', () => this.wake(), { once: true });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }

  /** Waits for more output, the end of the shell, or `ms` (whichever first); false when nothing came. */
  private more(ms?: number): Promise<boolean> {
    const before = this.raw.length;
    if (this.closed) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(() => this.wake(), ms);
      this.waiter = () => {
        if (timer) clearTimeout(timer);
        resolve(this.raw.length > before);
      };
    });
  }

  private send(data: string): void {
    if (!this.closed) this.channel.write(data);
  }

  /**
   * Reads until the device shows a prompt (a marker in the line it leaves unfinished, and then
   * stays quiet) or closes the shell, answering questions on the way. Returns what it printed.
   */
  async readToPrompt(checks: Pick<Checks, 'prompts' | 'responses'>, what: string): Promise<string> {
    let answered = 0;
    for (;;) {
      if (this.signal.aborted) throw new OperationError(`no prompt from the device ${what} before the step's time was up`, true);
      const seen = cleanTerminalText(this.raw);
      const pending = seen.slice(seen.lastIndexOf('\n') + 1);
      const question = checks.responses.find((r) => seen.slice(answered).includes(r.question));
      if (question) {
        // Answer once per appearance: what was printed so far is behind us.
        answered = seen.length;
        this.send(question.answer + (question.newline ? '\n' : ''));
        await this.more(SETTLE_MS);
        continue;
      }
      if (checks.prompts.some((p) => pending.includes(p))) {
        // A prompt-like line: it is the prompt if the device then waits for us.
        if (!(await this.more(SETTLE_MS))) {
          this.raw = '';
          return seen;
        }
        continue;
      }
      if (this.closed) {
        this.raw = '';
        return seen;
      }
      // A device that never stops talking (and shows no prompt) is not waited on until the step's end.
      if (this.raw.length >= MAX_ANSWER) throw new OperationError(`the device printed more than ${MAX_ANSWER} bytes ${what} without a prompt`, true);
      await this.more();
    }
  }

  /** Sends one command line and returns the device's answer without the echo of the command and the prompt. */
  async command(line: string, checks: Checks): Promise<string> {
    this.raw = '';
    this.send(`${line}\n`);
    const seen = await this.readToPrompt(checks, `after '${line}'`);
    const lines = seen.split('\n');
    // The last line is the new prompt; the first is the device echoing what was typed.
    if (!this.closed || !lines.at(-1)?.trim()) lines.pop();
    if (lines.length > 0 && lines[0]!.includes(line.trim())) lines.shift();
    return lines.join('\n').trim();
  }

  close(): void {
    this.channel.close();
  }
}

/** The device's connection settings: terminal_auth from the node's properties under the operation's own. */
async function authOf(ctx: OperationContext): Promise<YamlMap> {
  const properties = map(await ctx.evaluate(ctx.node.properties));
  return { ...map(properties['terminal_auth']), ...map(ctx.inputs['terminal_auth']) };
}

async function addresses(ctx: OperationContext, auth: YamlMap): Promise<string[]> {
  const ip = auth['ip'];
  const list = Array.isArray(ip) ? strings(ip) : text(ip) ? [text(ip)!] : [];
  if (list.length > 0) return list;
  // A node contained in a Compute talks to that host, as the plugin does.
  const hostId = ctx.instance.computeHostId;
  const host = hostId ? (hostId === ctx.instance.id ? ctx.instance : await ctx.readInstance(hostId)) : undefined;
  const hostNode = host ? ctx.readNode(host.nodeId) : undefined;
  const hostIp = text(host?.runtimeProperties['ip']) ?? (hostNode ? text(map(await ctx.evaluate(hostNode.properties))['ip']) : undefined);
  return hostIp ? [hostIp] : [];
}

/** The first address that answers; failures worth retrying make the operation retry, others fail it. */
async function connect(ctx: OperationContext, auth: YamlMap): Promise<{ session: SshSession; where: string }> {
  const ips = await addresses(ctx, auth);
  const user = text(auth['user']);
  if (ips.length === 0 || !user) throw new OperationError('terminal_auth needs ip (or a Compute the node is on) and user', false);
  const port = Number(text(auth['port']) ?? 22);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new OperationError(`terminal_auth.port ${String(auth['port'])} is not a TCP port`, false);
  const failures: OperationError[] = [];
  for (const host of ips) {
    try {
      return await openHost(
        ctx,
        {
          host,
          port,
          username: user,
          ...(text(auth['key_content']) ? { privateKey: text(auth['key_content'])! } : {}),
          ...(text(auth['password']) ? { password: text(auth['password'])! } : {}),
          timeoutMs: 20_000,
        },
        text(auth['host_key']),
      );
    } catch (err) {
      if (!(err instanceof OperationError)) throw err;
      ctx.logger.warning(`cannot use ${host}: ${err.message}`);
      failures.push(err);
    }
  }
  const recoverable = failures.some((f) => f.recoverable);
  throw new OperationError(`no device address answered (${failures.map((f) => f.message).join('; ')})`, recoverable);
}

/** A call's command text: its action, else its template (a blueprint file) or template_text rendered with params and ctx. */
async function callText(ctx: OperationContext, call: YamlMap): Promise<string> {
  const action = text(call['action']);
  if (action) return action;
  const params = map(call['params']);
  const template = text(call['template']);
  if (template) {
    const source = await readBlueprintResource(ctx, template).catch((err: Error) => {
      throw new OperationError(err.message, false);
    });
    return renderJinja(source, { ...(await templateContext(ctx)), ...params }, template);
  }
  const inline = text(call['template_text']);
  return inline ? renderJinja(inline, { ...(await templateContext(ctx)), ...params }, 'template_text') : '';
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });

/** One line run with the call's rerun policy: a warning reruns it after retry_sleep, up to retry_count times. */
async function runLine(ctx: OperationContext, run: () => Promise<string>, checks: Checks, call: YamlMap, line: string): Promise<string> {
  const count = Math.max(Number(text(call['retry_count']) ?? 10), 1);
  const pause = Math.max(Number(text(call['retry_sleep']) ?? 15), 0);
  for (let attempt = 1; ; attempt++) {
    const answer = await run();
    try {
      checkAnswer(answer, checks);
      return answer;
    } catch (err) {
      if (!(err instanceof CheckFailure)) throw err;
      const message = `'${line}': ${err.message}: ${answer.split('\n').slice(-3).join(' | ')}`;
      if (err.kind === 'critical') throw new OperationError(message, false);
      if (err.kind === 'error') throw new OperationError(message, true);
      if (attempt >= count) throw new OperationError(`${message} (still after ${count} tries)`, true);
      ctx.logger.info(`${message}; running it again in ${pause}s`);
      await sleep(pause * 1000, ctx.signal);
    }
  }
}

async function run(ctx: OperationContext): Promise<void> {
  const operation = ctx.operation.name;
  const finished = map(ctx.instance.runtimeProperties[FINISHED]);
  // A resumed or repeated operation does not talk to the device twice (unless force_rerun), as the plugin's.
  if (finished[operation] === true && ctx.inputs['force_rerun'] !== true) {
    ctx.logger.info(`${operation} already talked to the device: not again (force_rerun: true to insist)`);
    return;
  }
  const calls = Array.isArray(ctx.inputs['calls']) ? ctx.inputs['calls'].filter(isYamlMap) : [];
  if (calls.length > 0) await converse(ctx, calls);
  else ctx.logger.info('no calls');
  if (operation.endsWith('lifecycle.delete')) {
    for (const key of Object.keys(ctx.instance.runtimeProperties)) delete ctx.instance.runtimeProperties[key];
    return;
  }
  const after = { ...map(ctx.instance.runtimeProperties[FINISHED]), [operation]: true };
  if (operation.endsWith('lifecycle.stop')) after['cloudify.interfaces.lifecycle.start'] = false;
  ctx.instance.runtimeProperties[FINISHED] = after;
}

async function converse(ctx: OperationContext, calls: YamlMap[]): Promise<void> {
  const auth = await authOf(ctx);
  const base: Checks = {
    prompts: strings(auth['promt_check'] ?? auth['prompt_check']).length ? strings(auth['promt_check'] ?? auth['prompt_check']) : DEFAULT_PROMPT,
    responses: responsesOf(auth['responses']),
    warnings: strings(auth['warnings']),
    errors: strings(auth['errors']),
    criticals: strings(auth['criticals']),
  };
  if (auth['store_logs'] === true) ctx.logger.info('store_logs: the conversation is in this execution’s log');
  const exitCommand = auth['exit_command'] === undefined ? 'exit' : (text(auth['exit_command']) ?? '');
  const smart = auth['smart_device'] === true;
  const { session, where } = await connect(ctx, auth);
  let shell: TerminalShell | undefined;
  try {
    if (!smart) {
      shell = new TerminalShell(await session.shell(), ctx.signal);
      const welcome = await shell.readToPrompt(base, 'at login');
      const lines = welcome.split('\n');
      ctx.logger.info(`connected to ${where}; device prompt: ${lines.at(-1)?.trim() ?? ''}`);
    } else ctx.logger.info(`connected to ${where} (smart device: one SSH command a line)`);
    for (const call of calls) {
      const checks: Checks = {
        prompts: strings(call['promt_check'] ?? call['prompt_check']).length ? strings(call['promt_check'] ?? call['prompt_check']) : base.prompts,
        responses: call['responses'] !== undefined ? responsesOf(call['responses']) : base.responses,
        warnings: call['warnings'] !== undefined ? strings(call['warnings']) : base.warnings,
        errors: call['errors'] !== undefined ? strings(call['errors']) : base.errors,
        criticals: call['criticals'] !== undefined ? strings(call['criticals']) : base.criticals,
      };
      const commandText = await callText(ctx, call);
      let result = '';
      for (const line of commandText.split('\n')) {
        if (!line.trim()) continue;
        ctx.logger.debug(`sending: ${line}`);
        const answer = await runLine(
          ctx,
          async () => {
            if (shell) {
              if (shell.isClosed) throw new OperationError(`the device closed the session before '${line}'`, true);
              return shell.command(line, checks);
            }
            const out = await session.exec(line, { signal: ctx.signal });
            return cleanTerminalText(out.stdout + out.stderr).trim();
          },
          checks,
          call,
          line,
        );
        if (answer) ctx.logger.info(answer);
        result += `${answer}\n`;
      }
      const saveTo = text(call['save_to']);
      if (saveTo) ctx.instance.runtimeProperties[saveTo] = result.trim();
    }
    if (shell && exitCommand) {
      for (let i = 0; i < 3 && !shell.isClosed; i++)
        await shell.command(exitCommand, { ...base, warnings: [], errors: [], criticals: [] }).catch(() => undefined);
    }
  } catch (err) {
    if ((err as { name?: string }).name === 'AbortError') throw new OperationError(`the conversation with ${where} ran out of time`, true);
    throw err;
  } finally {
    shell?.close();
    session.close();
  }
}

export const terminalPlugin: PluginModule = {
  name: 'terminal',
  operations: { 'cloudify_terminal.tasks.run': run },
};
