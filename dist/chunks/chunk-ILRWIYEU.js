import { createRequire as __isthmusCreateRequire } from 'node:module'; import { dirname as __isthmusDirname } from 'node:path'; import { fileURLToPath as __isthmusFileURLToPath } from 'node:url'; const require = __isthmusCreateRequire(import.meta.url); const __filename = __isthmusFileURLToPath(import.meta.url); const __dirname = __isthmusDirname(__filename);
import{e as x,o as v}from"./chunk-DB6SRCTP.js";var a=class extends Error{name="CtxCommandError"},m=e=>e?.replace(/-/g,"_");function h(e,r,t){let o=e[r];if(o===void 0)throw new a(`missing ${t}`);return o}function b(e){if(!e.startsWith("@"))return e;let r;try{r=JSON.parse(e.slice(1))}catch(t){throw new a(`argument '${e.length>60?`${e.slice(0,60)}\u2026`:e}' starts with @ but is not JSON (${t.message})`)}if(N(r))throw new a("'__proto__' cannot be a key of a value (it would be lost, or worse, wherever the value is copied)");return r}function N(e){return Array.isArray(e)?e.some(N):e===null||typeof e!="object"?!1:Object.keys(e).some(r=>r==="__proto__"||N(e[r]))}var $=new Set(["__proto__","constructor","prototype"]);function I(e){let r=[];for(let t of e.split(".")){let o=/^([^[\]]*)((?:\[\d+\])*)$/.exec(t);if(!o)throw new a(`'${e}' is not a key path (keys separated by dots, list indices as [n])`);if(o[1]&&$.has(o[1]))throw new a(`'${o[1]}' cannot be part of a key path`);o[1]&&r.push(o[1]);for(let i of o[2].matchAll(/\[(\d+)\]/g))r.push(Number(i[1]))}return r}function P(e,r){let t=e;for(let o of I(r))if(typeof o=="number"?t=Array.isArray(t)?t[o]:void 0:t=x(t)&&Object.hasOwn(t,o)?t[o]:void 0,t===void 0)throw new a(`'${r}' is not set`);return t}function M(e,r,t){let o=I(r);if(o.length===0||typeof o[0]!="string")throw new a(`'${r}' does not name a runtime property`);let i=e;for(let p=0;p<o.length-1;p++){let n=o[p],s=o[p+1],l=i,c=l[n];(c==null||typeof c!="object")&&(c=typeof s=="number"?[]:{},l[n]=c),i=c}return i[o.at(-1)]=t,o[0]}async function j(e,r,t,o,i){let[p,...n]=r;switch(m(p)){case"node":return O(e,e.node,n);case"instance":return R(e,e.instance,n,"self",i);case"source":case"target":{let s=m(p),l=e[s];if(!l)throw new a(`ctx ${s} is only available in relationship operations`);let c=m(n[0]);if(c==="node")return O(e,l.node,n.slice(1));if(c==="instance")return R(e,l.instance,n.slice(1),l.instance===e.instance?"self":s,i);throw new a(`ctx ${s} has 'node' and 'instance', not '${n[0]??""}'`)}case"deployment":return k(n,"deployment",{id:e.deployment.id});case"blueprint":return k(n,"blueprint",{id:e.blueprint.id});case"execution_id":return e.execution.id;case"workflow_id":return e.execution.workflowId;case"operation":{if(m(n[0])==="retry"){t.retry={message:n[1]??"the script asked for a retry",...T(n[2])};return}return k(n,"operation",{name:e.operation.name,retry_number:e.operation.retryNumber,max_retries:e.operation.maxRetries})}case"logger":{let s=m(n[0]),l=n.slice(1).join(" ");if(s==="info")e.logger.info(l);else if(s==="warning"||s==="warn")e.logger.warning(l);else if(s==="error"||s==="critical")e.logger.error(l);else if(s==="debug")e.logger.debug(l);else throw new a(`ctx logger levels are info, warning, error and debug, not '${n[0]??""}'`);return}case"download_resource":return o.download(h(n,0,"the resource path"),n[1]);case"download_resource_and_render":{let s=n[2]===void 0?{}:b(n[2]);if(!x(s))throw new a("template variables must be a JSON object (@{...})");return o.download(h(n,0,"the resource path"),n[1],s)}case"get_resource":return o.read(h(n,0,"the resource path"));case"returns":t.returned=b(h(n,0,"the value to return"));return;case"abort_operation":t.abort=n.join(" ")||"the script aborted the operation";return;case"retry_operation":t.retry={message:n[0]??"the script asked for a retry",...T(n[1])};return;case"set_runtime_properties":{let s=m(n[0]),l=s==="self"?e.instance:e[s==="source"?"source":"target"]?.instance;if(!l)throw new a(`no '${n[0]??""}' instance in this operation`);let c=b(h(n,1,"the runtime properties"));if(!x(c))throw new a("runtime properties must be a JSON object");for(let y of Object.keys(l.runtimeProperties))delete l.runtimeProperties[y];Object.assign(l.runtimeProperties,c),i.add(l===e.instance?"self":s);return}case"inputs":return e.inputs;case"capabilities":throw new a("ctx capabilities (other deployments) is not available to scripts in Isthmus yet");default:throw new a(`unknown ctx command '${r.join(" ")}'`)}}function T(e){if(e===void 0)return{};let r=Number(e);if(!Number.isFinite(r)||r<0)throw new a(`retry interval '${e}' is not a number of seconds`);return{afterSeconds:r}}function k(e,r,t){let o=m(e[0]);if(o===void 0)return t;if(!Object.hasOwn(t,o))throw new a(`ctx ${r} has ${Object.keys(t).join(", ")}; not '${e[0]}'`);return t[o]}async function O(e,r,t){switch(m(t[0])){case"id":case"name":return r.id;case"type":return r.type;case"type_hierarchy":return r.typeHierarchy;case"properties":{let i=await e.evaluate(r.properties);return t[1]===void 0?i:P(i,t[1])}default:throw new a(`ctx node has id, name, type, type-hierarchy and properties; not '${t[0]??""}'`)}}async function R(e,r,t,o,i){switch(m(t[0])){case"id":return r.id;case"runtime_properties":{if(t[1]===void 0)return r.runtimeProperties;if(t[2]===void 0)return P(r.runtimeProperties,t[1]);M(r.runtimeProperties,t[1],b(t[2])),i.add(o);return}case"host_ip":return U(e,r);default:throw new a(`ctx instance has id, runtime-properties and host-ip; not '${t[0]??""}'`)}}async function U(e,r){let t=r.computeHostId;if(!t)throw new a(`instance '${r.id}' is not a Compute and is not contained in one: it has no host-ip`);let o=t===r.id?r:await e.readInstance(t),i=o?.runtimeProperties.ip;if(typeof i=="string"&&i)return i;let p=o?e.readNode(o.nodeId):void 0;if(p){let n=(await e.evaluate(p.properties)).ip;if(typeof n=="string"&&n)return n}throw new v(`host '${t}' has no ip (runtime property or node property)`,!0)}import{createServer as H}from"node:http";import{chmod as q,chown as S,mkdir as X,writeFile as F}from"node:fs/promises";import E from"node:path";var Y=String.raw`'use strict';
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
`;var A=16*1024*1024;async function ce(e,r,t,o){let i=E.join(r,"bin");await X(i,{recursive:!0});let p=E.join(i,"ctx");await F(p,`#!${process.execPath}
${Y}`),await q(p,493);let n=E.join(r,"ctx.sock"),s={},l=new Set,c=[],y=(d,f,_)=>{d.writeHead(f,{"content-type":"application/json"}),d.end(JSON.stringify(_))},V=async(d,f)=>{let _="",C=0;for await(let u of d){if(C+=u.length,C>A)return y(f,413,{ok:!1,error:`a ctx request may carry at most ${A} bytes`});_+=u.toString("utf8")}let g;try{g=JSON.parse(_).args}catch{return y(f,400,{ok:!1,error:"the ctx request is not JSON"})}if(!Array.isArray(g)||g.length===0||!g.every(u=>typeof u=="string"))return y(f,400,{ok:!1,error:'a ctx request is {"args": ["command", ...]} with string arguments'});try{let u=await j(e,g,s,t,l);return y(f,200,{ok:!0,value:u??null})}catch(u){if(!(u instanceof a||u instanceof v))throw u;return c.push(u.message),y(f,400,{ok:!1,error:u.message})}},w=H((d,f)=>{V(d,f).catch(_=>{c.push(_.message??String(_)),f.headersSent||y(f,500,{ok:!1,error:`the ctx proxy failed: ${_.message??String(_)}`})})});return await new Promise((d,f)=>{w.once("error",f),w.listen(n,()=>d())}),o&&(await S(i,o.uid,o.gid),await S(p,o.uid,o.gid),await S(n,o.uid,o.gid)),{env:{CTX_SOCKET_URL:`http+unix://${encodeURIComponent(n)}`,ISTHMUS_CTX_SOCKET:n,ISTHMUS_CTX_BIN:i},requests:s,changed:l,errors:c,close:()=>new Promise(d=>{w.close(()=>d()),w.closeAllConnections()})}}var J=String.raw`"""Transport to the Isthmus ctx proxy (a Unix socket HTTP server of the running step, or on a host
reached over SSH, a loopback port forwarded to it that wants the step's token first)."""
import http.client
import json
import os
import socket


class _UnixConnection(http.client.HTTPConnection):
    def __init__(self, path, timeout):
        super().__init__('localhost', timeout=timeout)
        self._path = path

    def connect(self):
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(self.timeout)
        sock.connect(self._path)
        self.sock = sock


class _ForwardedConnection(http.client.HTTPConnection):
    def __init__(self, port, token, timeout):
        super().__init__('127.0.0.1', int(port), timeout=timeout)
        self._token = token

    def connect(self):
        super().connect()
        self.sock.sendall((self._token + '\n').encode('utf-8'))


class ProxyError(Exception):
    pass


def _arg(value):
    if isinstance(value, str) and not value.startswith('@'):
        return value
    return '@' + json.dumps(value)


def call(*args):
    path = os.environ.get('ISTHMUS_CTX_SOCKET')
    port = os.environ.get('ISTHMUS_CTX_PORT')
    if not path and not port:
        raise ProxyError('no ctx proxy: cloudify.ctx works only inside an operation that Isthmus runs')
    conn = _UnixConnection(path, 120) if path else _ForwardedConnection(port, os.environ.get('ISTHMUS_CTX_TOKEN', ''), 120)
    try:
        body = json.dumps({'args': [_arg(a) for a in args]})
        conn.request('POST', '/', body=body, headers={'content-type': 'application/json'})
        answer = json.loads(conn.getresponse().read().decode('utf-8'))
    finally:
        conn.close()
    if not answer.get('ok'):
        raise ProxyError(answer.get('error', 'the ctx proxy refused the request'))
    return answer.get('value')
`,L=String.raw`"""Cloudify's operation exceptions: what a script raises to fail or retry its operation."""


class NonRecoverableError(Exception):
    """Fails the operation without retries."""

    def __init__(self, *args, **kwargs):
        self.causes = kwargs.pop('causes', [])
        super().__init__(*args)


class RecoverableError(Exception):
    """Fails the operation; it is retried (after retry_after seconds when given)."""

    def __init__(self, message='', retry_after=None, causes=None, **kwargs):
        self.retry_after = retry_after
        self.causes = causes or []
        super().__init__(message)


class OperationRetry(RecoverableError):
    """Asks for the operation to run again."""


class HttpException(NonRecoverableError):
    def __init__(self, url='', code=None, message=''):
        self.url = url
        self.code = code
        super().__init__('{0} ({1}): {2}'.format(url, code, message))


class CommandExecutionException(Exception):
    def __init__(self, command='', error='', output='', code=None):
        self.command = command
        self.error = error
        self.output = output
        self.code = code
        super().__init__('{0} failed with {1}: {2}'.format(command, code, error))


class ProcessExecutionError(RuntimeError):
    def __init__(self, message, error_type=None, traceback=None, causes=None, **kwargs):
        self.error_type = error_type
        self.traceback = traceback
        self.causes = causes or []
        super().__init__(message)


class TimeoutException(Exception):
    pass
`,K=String.raw`"""The ctx object of a script's operation, as cloudify-common's CloudifyContext offers it."""
import logging
import os
import tempfile

from cloudify import _proxy

DEPLOYMENT = 'deployment'
NODE_INSTANCE = 'node-instance'
RELATIONSHIP_INSTANCE = 'relationship-instance'


class NotAvailable(RuntimeError):
    """What Isthmus does not provide to scripts (a manager, agents)."""


def _unavailable(what):
    raise NotAvailable('{0} is not available in Isthmus: it runs operations without a Cloudify manager or agents'.format(what))


class _ProxyLogger(logging.Logger):
    def __init__(self):
        super().__init__('ctx')

    def _log(self, level, msg, args, exc_info=None, extra=None, stack_info=False, stacklevel=1):
        text = str(msg) % args if args else str(msg)
        if exc_info:
            import sys
            import traceback
            info = exc_info if isinstance(exc_info, tuple) else sys.exc_info()
            if info[0] is not None:
                text += '\n' + ''.join(traceback.format_exception(*info))
        name = {logging.DEBUG: 'debug', logging.INFO: 'info', logging.WARNING: 'warning'}.get(level, 'error')
        _proxy.call('logger', name, text)


class RuntimeProperties(dict):
    """An instance's runtime properties: read once, saved whole when the script ends."""

    def __init__(self, side, values):
        super().__init__(values)
        self._side = side
        self.dirty = False

    def update(self, *args, **kwargs):
        super().update(*args, **kwargs)
        self.dirty = True

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.dirty = True

    def __delitem__(self, key):
        super().__delitem__(key)
        self.dirty = True

    def pop(self, *args):
        self.dirty = True
        return super().pop(*args)

    def setdefault(self, key, default=None):
        self.dirty = True
        return super().setdefault(key, default)

    def clear(self):
        super().clear()
        self.dirty = True

    def get_all(self):
        return dict(self)


class _Node(object):
    def __init__(self, prefix):
        self._prefix = prefix
        self._properties = None

    def _get(self, what):
        return _proxy.call(*(self._prefix + ['node', what]))

    @property
    def id(self):
        return self._get('id')

    @property
    def name(self):
        return self._get('name')

    @property
    def type(self):
        return self._get('type')

    @property
    def type_hierarchy(self):
        return self._get('type-hierarchy')

    @property
    def properties(self):
        if self._properties is None:
            self._properties = self._get('properties')
        return self._properties


class _Instance(object):
    def __init__(self, prefix, side, saved):
        self._prefix = prefix
        self._side = side
        self._saved = saved
        self._runtime = None

    @property
    def id(self):
        return _proxy.call(*(self._prefix + ['instance', 'id']))

    @property
    def runtime_properties(self):
        if self._runtime is None:
            self._runtime = RuntimeProperties(self._side, _proxy.call(*(self._prefix + ['instance', 'runtime-properties'])) or {})
            self._saved.append(self)
        return self._runtime

    @property
    def host_ip(self):
        return _proxy.call(*(self._prefix + ['instance', 'host-ip']))

    def update(self, on_conflict=None):
        self.save()

    def refresh(self, force=False):
        self._runtime = None

    def save(self):
        if self._runtime is not None:
            _proxy.call('set-runtime-properties', self._side, dict(self._runtime))

    @property
    def relationships(self):
        _unavailable('ctx.instance.relationships')


class _End(object):
    def __init__(self, side, saved):
        self.node = _Node([side])
        self.instance = _Instance([side], side, saved)


class _Entity(object):
    def __init__(self, what):
        self._what = what

    @property
    def id(self):
        return _proxy.call(self._what, 'id')


class _Operation(object):
    def _get(self, what):
        return _proxy.call('operation', what)

    @property
    def name(self):
        return self._get('name')

    @property
    def retry_number(self):
        return self._get('retry-number')

    @property
    def max_retries(self):
        return self._get('max-retries')

    def retry(self, message=None, retry_after=None):
        args = ['operation', 'retry', message or 'the script asked for a retry']
        if retry_after is not None:
            args.append(str(retry_after))
        _proxy.call(*args)
        from cloudify.exceptions import OperationRetry
        return OperationRetry(message or '', retry_after=retry_after)


class CloudifyContext(object):
    def __init__(self):
        self._saved = []
        self.node = _Node([])
        self.instance = _Instance([], 'self', self._saved)
        self.deployment = _Entity('deployment')
        self.blueprint = _Entity('blueprint')
        self.operation = _Operation()
        self.logger = _ProxyLogger()
        self._ends = {}

    def _end(self, side):
        if side not in self._ends:
            _proxy.call(side, 'node', 'id')  # fails outside relationship operations, with the reason
            self._ends[side] = _End(side, self._saved)
        return self._ends[side]

    @property
    def source(self):
        return self._end('source')

    @property
    def target(self):
        return self._end('target')

    @property
    def type(self):
        try:
            _proxy.call('source', 'node', 'id')
            return RELATIONSHIP_INSTANCE
        except _proxy.ProxyError:
            return NODE_INSTANCE

    @property
    def execution_id(self):
        return _proxy.call('execution-id')

    @property
    def workflow_id(self):
        return _proxy.call('workflow-id')

    @property
    def task_name(self):
        return _proxy.call('operation', 'name')

    def download_resource(self, resource_path, target_path=None):
        args = ['download-resource', resource_path]
        if target_path:
            args.append(target_path)
        return _proxy.call(*args)

    def download_resource_and_render(self, resource_path, target_path=None, template_variables=None):
        args = ['download-resource-and-render', resource_path, target_path or '']
        if template_variables:
            args.append(template_variables)
        return _proxy.call(*args)

    def get_resource(self, resource_path):
        return _proxy.call('get-resource', resource_path)

    def get_resource_and_render(self, resource_path, template_variables=None):
        path = self.download_resource_and_render(resource_path, os.path.join(tempfile.mkdtemp(), 'rendered'), template_variables)
        with open(path) as f:
            return f.read()

    def returns(self, value):
        _proxy.call('returns', value)

    def abort_operation(self, message=None):
        _proxy.call('abort-operation', message or 'the script aborted the operation')

    def retry_operation(self, message=None, retry_after=None):
        return self.operation.retry(message, retry_after)

    @property
    def capabilities(self):
        _unavailable('ctx.capabilities')

    @property
    def agent(self):
        _unavailable('ctx.agent')

    @property
    def provider_context(self):
        _unavailable('ctx.provider_context')

    @property
    def bootstrap_context(self):
        _unavailable('ctx.bootstrap_context')

    def _save_all(self):
        for instance in self._saved:
            if instance._runtime is not None:
                instance.save()
`,B=String.raw`"""Isthmus's stand-in for cloudify-common's cloudify package (scripts' side of the ctx proxy)."""
from cloudify.context import CloudifyContext

ctx = CloudifyContext()
`,D=String.raw`"""cloudify.state: the current context and the operation's inputs."""
import os

from cloudify import ctx, _proxy

# A plain dict, read once: scripts copy it, dump it as JSON and iterate it like any dict.
ctx_parameters = dict(_proxy.call('inputs') or {}) if (os.environ.get('ISTHMUS_CTX_SOCKET') or os.environ.get('ISTHMUS_CTX_PORT')) else {}
current_ctx = ctx
`,G=String.raw`"""cloudify.decorators: operation and workflow decorators (the function runs as written)."""
import functools


def operation(func=None, **kwargs):
    if func is None:
        return lambda f: operation(f, **kwargs)

    @functools.wraps(func)
    def wrapper(*args, **kw):
        from cloudify import ctx
        kw.setdefault('ctx', ctx)
        try:
            return func(*args, **kw)
        except TypeError:
            kw.pop('ctx', None)
            return func(*args, **kw)
    return wrapper


workflow = operation
`,W=String.raw`"""cloudify.manager: the manager's REST client does not exist in Isthmus."""
from cloudify.context import _unavailable


def get_rest_client(*args, **kwargs):
    _unavailable('cloudify.manager.get_rest_client (the Cloudify manager REST API)')


def get_node_instance(*args, **kwargs):
    _unavailable('cloudify.manager.get_node_instance')


def update_node_instance(*args, **kwargs):
    _unavailable('cloudify.manager.update_node_instance')
`,z=String.raw`"""cloudify.utils: the helpers scripts commonly import."""
import os
import uuid


def id_generator(size=6, chars='abcdefghijklmnopqrstuvwxyz0123456789'):
    import random
    return ''.join(random.choice(chars) for _ in range(size))


def get_manager_ip():
    return os.environ.get('MANAGER_IP', '127.0.0.1')


def uuid4():
    return str(uuid.uuid4())
`,Q=String.raw`import runpy
import sys
import traceback

from cloudify import ctx, _proxy
from cloudify.exceptions import NonRecoverableError, OperationRetry, RecoverableError
from cloudify.state import ctx_parameters

script = sys.argv[1]
sys.argv = sys.argv[1:]
code = 0
try:
    runpy.run_path(script, init_globals={'ctx': ctx, 'inputs': ctx_parameters}, run_name='__main__')
except SystemExit as e:
    code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    if not isinstance(e.code, int) and e.code is not None:
        sys.stderr.write(str(e.code) + '\n')
except NonRecoverableError as e:
    ctx.abort_operation(str(e) or type(e).__name__)
    code = 1
except (OperationRetry, RecoverableError) as e:
    args = ['retry-operation', str(e) or type(e).__name__]
    if getattr(e, 'retry_after', None) is not None:
        args.append(str(e.retry_after))
    _proxy.call(*args)
    code = 1
except _proxy.ProxyError as e:
    sys.stderr.write('ctx: ' + str(e) + '\n')
    code = 1
except BaseException:
    sys.stderr.write(traceback.format_exc())
    code = 1
finally:
    try:
        ctx._save_all()
    except Exception as e:
        sys.stderr.write('ctx: could not save runtime properties: ' + str(e) + '\n')
        code = code or 1
sys.exit(code)
`,fe={"cloudify/__init__.py":B,"cloudify/_proxy.py":J,"cloudify/context.py":K,"cloudify/state.py":D,"cloudify/exceptions.py":L,"cloudify/decorators.py":G,"cloudify/manager.py":W,"cloudify/utils.py":z,"isthmus_run_script.py":Q};export{a,ce as b,fe as c};
