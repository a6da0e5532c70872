/**
 * The `ctx` command on a host reached over SSH: Python 3 (what Cloudify's own remote ctx needs too),
 * no dependency. It reaches the step's ctx proxy through the SSH connection's remote forward on the
 * host's loopback (ISTHMUS_CTX_PORT), sending the step's token first (ISTHMUS_CTX_TOKEN), then the
 * same request as the local client: `{"args": [...]}`. Prints text as is, other values as Python
 * prints them, or JSON with -j; exits 1 with the reason on stderr when the command fails.
 */
export const REMOTE_CTX_CLIENT = `#!/usr/bin/env python3
import json, os, socket, sys

def fail(message):
    sys.stderr.write('ctx: ' + message + '\\n')
    sys.exit(1)

def main(argv):
    as_json = False
    timeout = 30.0
    while argv and argv[0].startswith('-') and argv[0] != '-':
        flag = argv.pop(0)
        if flag in ('-j', '--json-output'):
            as_json = True
        elif flag == '--timeout':
            timeout = float(argv.pop(0))
        elif flag in ('--socket-url', '--json-arg-prefix'):
            argv.pop(0)
        elif flag == '--':
            break
        else:
            argv.insert(0, flag)
            break
    port = os.environ.get('ISTHMUS_CTX_PORT')
    token = os.environ.get('ISTHMUS_CTX_TOKEN', '')
    if not port:
        fail('no ctx proxy: this command works only inside an operation that Isthmus runs')
    if not argv:
        fail('usage: ctx [-j] COMMAND ARGS...  (e.g. ctx node properties port)')
    body = json.dumps({'args': argv}).encode('utf-8')
    request = (token + '\\n').encode('utf-8') + (
        'POST / HTTP/1.1\\r\\nHost: ctx\\r\\nContent-Type: application/json\\r\\n'
        'Content-Length: %d\\r\\nConnection: close\\r\\n\\r\\n' % len(body)).encode('ascii') + body
    try:
        conn = socket.create_connection(('127.0.0.1', int(port)), timeout)
        conn.sendall(request)
        chunks = []
        while True:
            chunk = conn.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
        conn.close()
    except (OSError, ValueError) as e:
        fail('cannot reach the ctx proxy: %s' % e)
    raw = b''.join(chunks)
    head, _, payload = raw.partition(b'\\r\\n\\r\\n')
    if b'transfer-encoding: chunked' in head.lower():
        decoded, rest = b'', payload
        while rest:
            size_line, _, rest = rest.partition(b'\\r\\n')
            size = int(size_line.split(b';')[0] or b'0', 16)
            if size == 0:
                break
            decoded, rest = decoded + rest[:size], rest[size + 2:]
        payload = decoded
    try:
        answer = json.loads(payload.decode('utf-8'))
    except ValueError:
        fail('the ctx proxy answered something that is not JSON')
    if not answer.get('ok'):
        fail(answer.get('error', 'the ctx command failed'))
    value = answer.get('value')
    if as_json:
        out = json.dumps(value)
    elif value is None:
        out = ''
    elif isinstance(value, str):
        out = value
    else:
        out = str(value)
    if out != '':
        sys.stdout.write(out + '\\n')

main(sys.argv[1:])
`;
