/**
 * A stand-in for AWS Systems Manager Run Command (no local edition), driven through
 * aws-sdk-client-mock, with managed Windows hosts that keep service state: the PowerShell the
 * ssm plugin sends for a Windows service (New-Service, the Environment registry value,
 * Start/Stop-Service, sc.exe delete, the status check) changes or reads that state, so a test can
 * stop a service behind Isthmus's back and watch check_status and heal notice and fix it.
 */
import { GetCommandInvocationCommand, ListCommandInvocationsCommand, SendCommandCommand, SSMClient, type SendCommandCommandInput } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';

export interface WindowsService {
  status: 'Stopped' | 'Running';
  binaryPath: string;
  environment: string[];
}

interface Invocation {
  status: 'InProgress' | 'Success' | 'Failed';
  reads: number;
  code: number;
  stdout: string;
  stderr: string;
}

export class FakeSsm {
  /** Managed instances by id: their tags and their Windows services. */
  readonly hosts = new Map<string, { tags: Record<string, string>; services: Map<string, WindowsService> }>();
  readonly commands: Array<{ id: string; document: string; script: string; instances: string[] }> = [];
  private readonly invocations = new Map<string, Invocation>();
  private readonly mock = mockClient(SSMClient);

  constructor(private readonly ticks = 2) {}

  host(id: string, tags: Record<string, string>): this {
    this.hosts.set(id, { tags, services: new Map() });
    return this;
  }

  service(host: string, name: string): WindowsService | undefined {
    return this.hosts.get(host)?.services.get(name);
  }

  install(): this {
    this.mock.on(SendCommandCommand).callsFake(async (input: SendCommandCommandInput) => {
      const ids = input.InstanceIds?.length
        ? input.InstanceIds
        : [...this.hosts]
            .filter(([, h]) => (input.Targets ?? []).every((t) => t.Key?.startsWith('tag:') && (t.Values ?? []).includes(h.tags[t.Key.slice(4)] ?? '')))
            .map(([id]) => id);
      const id = `cmd-${this.commands.length + 1}`;
      const script = (input.Parameters?.['commands'] ?? []).join('\n');
      this.commands.push({ id, document: input.DocumentName ?? '', script, instances: ids });
      for (const instance of ids) this.invocations.set(`${id}/${instance}`, { status: 'InProgress', reads: 0, ...this.run(instance, script) });
      return { Command: { CommandId: id, DocumentName: input.DocumentName } };
    });
    this.mock.on(ListCommandInvocationsCommand).callsFake(async (input: { CommandId: string }) => ({
      CommandInvocations: (this.commands.find((c) => c.id === input.CommandId)?.instances ?? []).map((InstanceId) => ({
        CommandId: input.CommandId,
        InstanceId,
      })),
    }));
    this.mock.on(GetCommandInvocationCommand).callsFake(async (input: { CommandId: string; InstanceId: string }) => {
      const inv = this.invocations.get(`${input.CommandId}/${input.InstanceId}`);
      if (!inv) throw Object.assign(new Error('InvocationDoesNotExist'), { name: 'InvocationDoesNotExist', $metadata: { httpStatusCode: 400 } });
      // The command runs over a few reads, as in SSM; its result was decided when it was sent.
      if (++inv.reads < this.ticks) return { Status: 'InProgress' };
      return { Status: inv.code === 0 ? 'Success' : 'Failed', ResponseCode: inv.code, StandardOutputContent: inv.stdout, StandardErrorContent: inv.stderr };
    });
    return this;
  }

  restore(): void {
    this.mock.restore();
  }

  /** What the ssm plugin's Windows-service PowerShell does to a host. */
  private run(instance: string, script: string): { code: number; stdout: string; stderr: string } {
    const services = this.hosts.get(instance)?.services;
    if (!services) return { code: 1, stdout: '', stderr: `${instance} is not a managed instance` };
    const name = /-Name '([^']+)'/.exec(script)?.[1] ?? /\+ '([^']+)'\) -Name Environment/.exec(script)?.[1] ?? '';
    const svc = services.get(name);
    const missing = { code: 1, stdout: '', stderr: `Cannot find any service with service name '${name}'.` };
    if (script.includes('ConvertTo-Json')) {
      if (!svc) return missing;
      return { code: 0, stdout: JSON.stringify({ status: svc.status, binary_path: svc.binaryPath, environment: svc.environment }), stderr: '' };
    }
    if (script.includes('New-Service')) {
      if (!svc) services.set(name, { status: 'Stopped', binaryPath: /-BinaryPathName '([^']*)'/.exec(script)?.[1] ?? '', environment: [] });
      return { code: 0, stdout: '', stderr: '' };
    }
    if (script.includes('-Name Environment')) {
      if (!svc) return missing;
      svc.environment = [...(/\$values = @\((.*)\)/.exec(script)?.[1] ?? '').matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"));
      return { code: 0, stdout: '', stderr: '' };
    }
    if (script.includes('Start-Service')) {
      if (!svc) return missing;
      svc.status = 'Running';
      return { code: 0, stdout: 'Running', stderr: '' };
    }
    if (script.includes('Stop-Service')) {
      if (svc) svc.status = 'Stopped';
      return { code: 0, stdout: '', stderr: '' };
    }
    if (script.includes('sc.exe delete')) {
      services.delete(name);
      return { code: 0, stdout: '', stderr: '' };
    }
    if (script.includes("-ne 'Running'")) {
      if (!svc) return missing;
      return svc.status === 'Running' ? { code: 0, stdout: 'Running', stderr: '' } : { code: 1, stdout: '', stderr: `service is ${svc.status}` };
    }
    return { code: 0, stdout: '', stderr: '' };
  }
}
