/**
 * The `ctx` executable a script calls (`port=$(ctx node properties port)`), written into the step's
 * scratch directory with the running Node as its interpreter: Node is wherever a step runs (the
 * Lambda has no Python), and the client is plain CommonJS with no dependency, so it starts fast.
 *
 * Usage: ctx [-j|--json-output] [--timeout SECONDS] [--socket-url URL] COMMAND ARGS...
 * Prints what the command reads — text as is, other values as Python prints them (as Cloudify's
 * client does), or JSON with -j — and exits 1 with the reason on stderr when the command fails.
 */
export const CTX_CLIENT_SOURCE = String.raw`'use strict';
const http = require('node:http');
const argv = process.argv.slice(2);
let json = false;
let socket = process.env.ISTHMUS_CTX_SOCKET;
let timeout = 30;
while (argv.length > 0 && argv[0].startsWith('-') && argv[0] !== '-') {
  const flag = argv.shift();
  if (flag === '-j' || flag === '--json-output') json = true;
  else if (flag === '--timeout') timeout = Number(argv.shift());
  else if (flag === '--socket-url') {
    const url = argv.shift() || '';
    socket = url.startsWith('http+unix://') ? decodeURIComponent(url.slice('http+unix://'.length)) : url;
  } else if (flag === '--json-arg-prefix') argv.shift();
  else if (flag === '--') break;
  else {
    argv.unshift(flag);
    break;
  }
}
const fail = (message) => {
  process.stderr.write('ctx: ' + message + '\n');
  process.exit(1);
};
if (!socket) fail('no ctx proxy: this command works only inside an operation that Isthmus runs');
if (argv.length === 0) fail('usage: ctx [-j] COMMAND ARGS...  (e.g. ctx node properties port)');
const py = (v, nested) => {
  if (v === null || v === undefined) return nested ? 'None' : '';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'string') return nested ? "'" + v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n') + "'" : v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return '[' + v.map((x) => py(x, true)).join(', ') + ']';
  return '{' + Object.entries(v).map(([k, x]) => py(k, true) + ': ' + py(x, true)).join(', ') + '}';
};
const body = JSON.stringify({ args: argv });
const req = http.request({ socketPath: socket, path: '/', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (c) => (text += c));
  res.on('end', () => {
    let answer;
    try {
      answer = JSON.parse(text);
    } catch {
      fail('the ctx proxy answered something that is not JSON');
    }
    if (!answer.ok) fail(answer.error);
    const value = answer.value;
    const out = json ? JSON.stringify(value) : py(value, false);
    if (out !== '') process.stdout.write(out + '\n');
  });
});
req.setTimeout(timeout * 1000, () => req.destroy(new Error('no answer from the ctx proxy within ' + timeout + ' s')));
req.on('error', (err) => fail(err.message));
req.end(body);
`;
