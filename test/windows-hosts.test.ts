import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POWERSHELL_BOOTSTRAP, powershellCommand, powershellInput } from '../src/plugins/fabric/powershell.js';
import { HEADER } from './support/blueprint-files.js';
import { createHarness } from './support/engine.js';
import { SSHD, startSshd, type LocalSshd } from './support/sshd.js';

/**
 * PowerShell scripts of nodes on a Windows host (os_family: windows), over OpenSSH. The PowerShell
 * side runs for real where PowerShell is installed — GitHub's Ubuntu runners have `pwsh`, and the
 * e2e-hosts workflow runs this file there against a throw-away sshd; Debian (these machines) has no
 * PowerShell package, so here only the command's encoding is checked and the rest is skipped.
 */
const PWSH = (() => {
  try {
    execFileSync('pwsh', ['-NoLogo', '-NoProfile', '-Command', '$PSVersionTable.PSVersion.Major'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!PWSH || !SSHD)
  process.stdout.write('windows-hosts.test.ts: PowerShell runs skipped, needs pwsh (PowerShell 7) and openssh-server; the e2e-hosts workflow runs them\n');

describe('the PowerShell command for a Windows host', () => {
  it('carries its program as -EncodedCommand (UTF-16LE base64) so no remote shell reinterprets it, and its run as base64 JSON on stdin', () => {
    const command = powershellCommand('powershell.exe');
    const [exe, ...flags] = command.split(' ');
    expect(exe).toBe('powershell.exe');
    expect(flags.slice(0, 6)).toEqual(['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand']);
    expect(Buffer.from(flags[6]!, 'base64').toString('utf16le')).toBe(POWERSHELL_BOOTSTRAP);
    expect(command).not.toMatch(/["'&|<>^%]/);
    expect(powershellCommand('C:\\Program Files\\PowerShell\\7\\pwsh.exe').startsWith('"C:\\Program Files\\PowerShell\\7\\pwsh.exe" -NoLogo')).toBe(true);
    const input = powershellInput({ name: 'a.ps1', script: "Write-Output 'héllo'", env: { A: '1' }, args: ['x y'] });
    expect(JSON.parse(Buffer.from(input, 'base64').toString('utf8'))).toEqual({
      name: 'a.ps1',
      script: "Write-Output 'héllo'",
      env: { A: '1' },
      args: ['x y'],
    });
  });
});

let sshd: LocalSshd;
beforeAll(async () => {
  if (PWSH && SSHD) sshd = await startSshd();
}, 30_000);
afterAll(async () => {
  await sshd?.dispose();
});

describe.runIf(PWSH && SSHD)('PowerShell scripts on a Windows host over OpenSSH (pwsh behind a real sshd)', () => {
  it('runs the .ps1 with its inputs, args and a ctx function that reaches the step; a retry request and exit codes behave as for local scripts', async () => {
    const h = await createHarness({ maxRetries: 2, secrets: { vm_key: sshd.clientKey } });
    mkdirSync(path.join(h.dir, 'scripts'), { recursive: true });
    writeFileSync(
      path.join(h.dir, 'scripts', 'install.ps1'),
      [
        'param([string]$first, [string]$second)',
        "if ((ctx operation retry-number) -eq '0') { ctx retry-operation 'warming up' 0; exit 0 }",
        '$port = ctx node properties port',
        'ctx instance runtime-properties listening $port',
        'ctx instance runtime-properties greeting "$($env:GREETING) $first/$second"',
        'ctx instance runtime-properties host (ctx instance host-ip)',
        "ctx logger info 'installed with PowerShell'",
        '',
      ].join('\n'),
    );
    writeFileSync(path.join(h.dir, 'scripts', 'fail.ps1'), "Write-Error 'the service did not start'\nexit 3\n");
    const blueprint = (script: string) => `${HEADER}node_templates:
  vm:
    type: cloudify.nodes.Compute
    properties:
      ip: 127.0.0.1
      os_family: windows
      agent_config: { install_method: none, user: ${sshd.user}, port: ${sshd.port}, key: { get_secret: vm_key }, powershell: pwsh }
  app:
    type: cloudify.nodes.WebServer
    properties: { port: 8080 }
    relationships: [ { type: cloudify.relationships.contained_in, target: vm } ]
    interfaces:
      cloudify.interfaces.lifecycle:
        create:
          implementation: ${script}
          inputs: { GREETING: hello, process: { args: [ one, 'two words' ] } }
`;
    const dep = await h.deploy(blueprint('scripts/install.ps1'), 'windows');
    const install = await h.run(dep, 'install');
    expect(install.error).toBeUndefined();
    const app = (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === 'app')!;
    expect(app.runtimeProperties).toMatchObject({ listening: '8080', greeting: 'hello one/two words', host: '127.0.0.1' });
    const events = await h.store.listEvents(install.id);
    expect(events.some((e) => e.type === 'task_rescheduled' && e.message.includes('warming up'))).toBe(true);
    expect(events.some((e) => e.type === 'log' && e.message === 'installed with PowerShell')).toBe(true);

    const failed = await h.run(await h.deploy(blueprint('scripts/fail.ps1'), 'windows-fail'), 'install');
    expect(failed.error).toMatch(/scripts\/fail.ps1 on .* exited with 3: .*the service did not start/);
  }, 120_000);
});
