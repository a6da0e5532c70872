/**
 * Scripts on Windows hosts, over OpenSSH for Windows: one PowerShell command whose program
 * (`-EncodedCommand`, so no shell — cmd.exe or PowerShell as the SSH default — reinterprets it)
 * reads the run from stdin as base64 of JSON (the script, its environment, arguments and working
 * directory), writes the script to a scratch directory of the user's TEMP, runs it with a `ctx`
 * function in scope, removes the directory and exits with the script's exit code. `ctx` speaks the
 * same protocol as the Python client (remote-ctx.ts): the step's token, then one HTTP request to
 * the ctx proxy, reached through the SSH connection's remote forward on the host's loopback.
 * Nothing but PowerShell 5.1 (Windows' own) or 7 is needed on the host.
 */
const BOOTSTRAP = String.raw`
$ErrorActionPreference = 'Stop'
# Base64 of UTF-8 JSON: the console's code page never touches the script's text.
$run = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String([Console]::In.ReadToEnd().Trim())) | ConvertFrom-Json
$scratch = Join-Path ([IO.Path]::GetTempPath()) ('isthmus-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
New-Item -ItemType Directory -Path $scratch | Out-Null

function global:ctx {
  $crlf = [string][char]13 + [char]10
  $argv = @($args | ForEach-Object { [string]$_ })
  $asJson = $false
  if ($argv.Count -gt 0 -and ($argv[0] -eq '-j' -or $argv[0] -eq '--json-output')) { $asJson = $true; $argv = @($argv | Select-Object -Skip 1) }
  if (-not $env:ISTHMUS_CTX_PORT) { throw 'ctx: no ctx proxy: this command works only inside an operation that Isthmus runs' }
  $body = [Text.Encoding]::UTF8.GetBytes((ConvertTo-Json -Compress -InputObject @{ args = [object[]]$argv }))
  $head = $env:ISTHMUS_CTX_TOKEN + [char]10 + 'POST / HTTP/1.1' + $crlf + 'Host: ctx' + $crlf + 'Content-Type: application/json' + $crlf + 'Content-Length: ' + $body.Length + $crlf + 'Connection: close' + $crlf + $crlf
  $client = New-Object Net.Sockets.TcpClient('127.0.0.1', [int]$env:ISTHMUS_CTX_PORT)
  try {
    $stream = $client.GetStream()
    $pre = [Text.Encoding]::UTF8.GetBytes($head)
    $stream.Write($pre, 0, $pre.Length)
    $stream.Write($body, 0, $body.Length)
    $received = New-Object IO.MemoryStream
    $stream.CopyTo($received)
  } finally { $client.Close() }
  $raw = [Text.Encoding]::UTF8.GetString($received.ToArray())
  $split = $raw.IndexOf($crlf + $crlf)
  if ($split -lt 0) { throw 'ctx: the ctx proxy answered something that is not HTTP' }
  $answer = $raw.Substring($split + 4) | ConvertFrom-Json
  if (-not $answer.ok) { throw ('ctx: ' + $answer.error) }
  $value = $answer.value
  if ($asJson) { ConvertTo-Json -Compress -Depth 32 -InputObject $value }
  elseif ($null -eq $value) { }
  elseif ($value -is [string]) { $value }
  else { ConvertTo-Json -Compress -Depth 32 -InputObject $value }
}

$code = 0
try {
  foreach ($p in $run.env.PSObject.Properties) { Set-Item -Path ('env:' + $p.Name) -Value ([string]$p.Value) }
  $script = Join-Path $scratch $run.name
  [IO.File]::WriteAllText($script, [string]$run.script, (New-Object Text.UTF8Encoding $true))
  if ($run.cwd) { Set-Location -LiteralPath $run.cwd } else { Set-Location -LiteralPath $scratch }
  $ErrorActionPreference = 'Continue'
  $global:LASTEXITCODE = 0
  $scriptArgs = @($run.args)
  & $script @scriptArgs
  if ($global:LASTEXITCODE) { $code = $global:LASTEXITCODE } elseif (-not $?) { $code = 1 }
} catch {
  [Console]::Error.WriteLine($_.ToString())
  if ($code -eq 0) { $code = 1 }
} finally {
  Set-Location -LiteralPath ([IO.Path]::GetTempPath())
  Remove-Item -LiteralPath $scratch -Recurse -Force -ErrorAction SilentlyContinue
}
exit $code
`;

/** The PowerShell program above, as `-EncodedCommand` takes it (base64 of UTF-16LE). */
export const POWERSHELL_BOOTSTRAP = BOOTSTRAP;

/** The command line that runs a script on a Windows host: `powershell` is the host's PowerShell executable. */
export function powershellCommand(powershell: string): string {
  const encoded = Buffer.from(BOOTSTRAP, 'utf16le').toString('base64');
  // Quoted for cmd.exe and PowerShell alike when the path has spaces.
  const exe = /\s/.test(powershell) ? `"${powershell}"` : powershell;
  return `${exe} -NoLogo -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand ${encoded}`;
}

/** What the program reads from stdin (see powershellInput). */
export interface PowerShellRun {
  name: string;
  script: string;
  env: Record<string, string>;
  args: string[];
  cwd?: string;
}

/** The program's stdin for a run. */
export function powershellInput(run: PowerShellRun): string {
  return Buffer.from(JSON.stringify(run), 'utf8').toString('base64');
}
