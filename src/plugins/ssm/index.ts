import { GetCommandInvocationCommand, ListCommandInvocationsCommand, SendCommandCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { YamlMap, YamlValue } from '../../dsl/index.js';
import { OperationError } from '../../runtime/errors.js';
import type { OperationContext } from '../../runtime/types.js';
import { isYamlMap as isMap } from '../../dsl/index.js';
import { awsSettings, call, clientFor, must, waitSeconds } from '../aws-connection/index.js';
import type { PluginModule } from '../registry.js';

const list = (v: YamlValue | undefined): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : []);
/**
 * A PowerShell single-quoted literal. PowerShell ends such a string on any single quotation mark:
 * `'` and also U+2018–U+201B (‘ ’ ‚ ‛); each is escaped by doubling it, so every one is doubled.
 * https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_quoting_rules
 */
export const powerShellLiteral = (v: unknown) => `'${String(v ?? '').replace(/['\u2018-\u201B]/g, '$&$&')}'`;
const ps = powerShellLiteral;

interface Pending {
  command_id: string;
  instances: string[];
}

/**
 * Runs commands on managed instances (EC2, or on-premises servers registered with SSM) by
 * instance id or tag, through AWS-RunPowerShellScript / AWS-RunShellScript. The first attempt
 * sends the command and remembers its id; later attempts (retry-after, never a sleep) read the
 * invocations until each instance is done. Output goes to runtime property ssm_output.<operation>.
 */
async function runCommands(ctx: OperationContext, commands: string[], windows: boolean): Promise<YamlValue> {
  const props = (await ctx.evaluate(ctx.node.properties)) as YamlMap;
  const ssm = clientFor(SSMClient, await awsSettings(ctx));
  const rp = ctx.instance.runtimeProperties;
  const key = ctx.operation.name.split('.').pop()!;
  const pendingAll = isMap(rp['ssm_pending']) ? rp['ssm_pending'] : {};
  let pending = pendingAll[key] as unknown as Pending | undefined;
  if (!pending) {
    const instanceIds = list(props['instance_ids']);
    const tags = isMap(props['target_tags']) ? Object.entries(props['target_tags']).map(([k, v]) => ({ Key: `tag:${k}`, Values: list(v) })) : [];
    if (instanceIds.length === 0 && tags.length === 0) throw new OperationError(`node '${ctx.node.id}': give instance_ids or target_tags`, false);
    const sent = await must(`sending ${key} through SSM`, () =>
      ssm.send(
        new SendCommandCommand({
          DocumentName: windows ? 'AWS-RunPowerShellScript' : 'AWS-RunShellScript',
          Parameters: { commands },
          Comment: `isthmus ${ctx.deployment.id}/${ctx.instance.id} ${key}`.slice(0, 100),
          ...(instanceIds.length ? { InstanceIds: instanceIds } : { Targets: tags }),
          TimeoutSeconds: Number(props['timeout'] ?? 600),
        }),
      ),
    );
    pending = { command_id: sent.Command?.CommandId ?? '', instances: instanceIds };
    rp['ssm_pending'] = { ...pendingAll, [key]: pending as unknown as YamlMap };
    ctx.logger.info(`SSM command ${pending.command_id} sent (${key})`);
  }
  let instances = pending.instances;
  if (instances.length === 0) {
    const invocations =
      (await must('listing command invocations', () => ssm.send(new ListCommandInvocationsCommand({ CommandId: pending!.command_id })))).CommandInvocations ??
      [];
    instances = invocations.map((i) => i.InstanceId!).filter(Boolean);
    if (instances.length === 0) ctx.retry(`SSM command ${pending.command_id} has not reached any instance yet`, waitSeconds(ctx, 2, 15));
  }
  const output: YamlMap = {};
  const failures: string[] = [];
  for (const id of instances) {
    const inv = await call(
      `reading the command on ${id}`,
      () => ssm.send(new GetCommandInvocationCommand({ CommandId: pending!.command_id, InstanceId: id })),
      ['InvocationDoesNotExist'],
    );
    const status = inv?.Status ?? 'Pending';
    if (['Pending', 'InProgress', 'Delayed'].includes(status)) ctx.retry(`SSM command on ${id} is ${status}`, waitSeconds(ctx, 2, 15));
    output[id] = { status, exit_code: inv?.ResponseCode ?? null, stdout: inv?.StandardOutputContent ?? '', stderr: inv?.StandardErrorContent ?? '' };
    if (status !== 'Success') failures.push(`${id}: ${status} (exit ${inv?.ResponseCode ?? '?'}) ${(inv?.StandardErrorContent ?? '').slice(0, 300)}`);
  }
  const { [key]: _done, ...rest } = pendingAll;
  rp['ssm_pending'] = rest;
  rp['ssm_output'] = { ...(isMap(rp['ssm_output']) ? rp['ssm_output'] : {}), [key]: output };
  if (failures.length > 0) throw new OperationError(`${key} failed on ${failures.join('; ')}`, false);
  return output;
}

/** run_commands: the `commands` input (a list), PowerShell when platform is windows. */
async function runOperation(ctx: OperationContext): Promise<YamlValue> {
  const props = (await ctx.evaluate(ctx.node.properties)) as YamlMap;
  const commands = list(ctx.inputs['commands']);
  if (commands.length === 0) throw new OperationError(`node '${ctx.node.id}': ${ctx.operation.name} has no commands`, false);
  return runCommands(ctx, commands, props['platform'] === 'windows');
}

/** The PowerShell for each life-cycle step of a Windows service. */
export function windowsServiceScript(step: string, p: YamlMap): string[] {
  const name = ps(p['service_name']);
  const config = isMap(p['configuration']) ? p['configuration'] : {};
  switch (step) {
    case 'create':
      return [
        `if (-not (Get-Service -Name ${name} -ErrorAction SilentlyContinue)) { New-Service -Name ${name} -BinaryPathName ${ps(p['binary_path'])} -DisplayName ${ps(p['display_name'] ?? p['service_name'])} -StartupType Automatic | Out-Null }`,
      ];
    case 'configure':
      // Settings go to the service's Environment (REG_MULTI_SZ), which the service reads at start.
      return [
        `$values = @(${Object.entries(config)
          .map(([k, v]) => ps(`${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`))
          .join(', ')})`,
        `Set-ItemProperty -Path ('HKLM:\\SYSTEM\\CurrentControlSet\\Services\\' + ${name}) -Name Environment -Type MultiString -Value $values`,
      ];
    case 'start':
      return [`Start-Service -Name ${name}`, `(Get-Service -Name ${name}).WaitForStatus('Running', '00:02:00')`];
    case 'stop':
      return [`if (Get-Service -Name ${name} -ErrorAction SilentlyContinue) { Stop-Service -Name ${name} -Force }`];
    case 'delete':
      return [`if (Get-Service -Name ${name} -ErrorAction SilentlyContinue) { sc.exe delete ${name} | Out-Null }`];
    case 'check_status':
      return [`$s = Get-Service -Name ${name} -ErrorAction Stop; if ($s.Status -ne 'Running') { Write-Error "service is $($s.Status)"; exit 1 }`];
    case 'check_drift':
      // What the service is now, as JSON, for the plugin to compare with the node's properties.
      return [
        `$s = Get-CimInstance Win32_Service -Filter ("Name='" + ${name}.Replace("'", "''") + "'") -ErrorAction Stop`,
        `if (-not $s) { Write-Error 'no such service'; exit 1 }`,
        `$env = (Get-ItemProperty -Path ('HKLM:\\SYSTEM\\CurrentControlSet\\Services\\' + ${name}) -Name Environment -ErrorAction SilentlyContinue).Environment`,
        `@{ status = [string]$s.State; binary_path = [string]$s.PathName; environment = @($env) } | ConvertTo-Json -Compress`,
      ];
    default:
      throw new OperationError(`no Windows service step '${step}'`, false);
  }
}

async function windowsService(ctx: OperationContext): Promise<YamlValue> {
  const props = (await ctx.evaluate(ctx.node.properties)) as YamlMap;
  const step = ctx.operation.name.split('.').pop()!;
  const output = await runCommands(ctx, windowsServiceScript(step, props), true);
  return step === 'check_drift' ? windowsServiceDrift(props, output as YamlMap) : output;
}

/** The service on each instance against the node: running, its binary path, its environment (the configuration). */
export function windowsServiceDrift(props: YamlMap, output: YamlMap): YamlValue {
  const config = isMap(props['configuration']) ? props['configuration'] : {};
  const want = Object.entries(config).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  const differences: YamlMap = {};
  for (const [instance, result] of Object.entries(output)) {
    let live: { status?: string; binary_path?: string; environment?: string[] };
    try {
      live = JSON.parse(String(isMap(result) ? result['stdout'] : '')) as typeof live;
    } catch {
      throw new OperationError(`${instance}: the service's state is not JSON`, false);
    }
    const diffs: string[] = [];
    if (live.status !== 'Running') diffs.push(`status (${live.status ?? 'unknown'})`);
    if (props['binary_path'] && live.binary_path !== props['binary_path']) diffs.push(`binary_path (${live.binary_path ?? ''})`);
    const env = Array.isArray(live.environment) ? live.environment.map(String) : [];
    for (const entry of want) if (!env.includes(entry)) diffs.push(`configuration.${entry.slice(0, entry.indexOf('='))}`);
    if (diffs.length > 0) differences[instance] = diffs;
  }
  return { drifted: Object.keys(differences).length > 0, differences };
}

/** The ssm plugin: `ssm.run_commands` and `ssm.windows_service`. */
export const ssmPlugin: PluginModule = { name: 'ssm', operations: { run_commands: runOperation, windows_service: windowsService } };
