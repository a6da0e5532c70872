import { createRequire as __isthmusCreateRequire } from 'node:module'; import { dirname as __isthmusDirname } from 'node:path'; import { fileURLToPath as __isthmusFileURLToPath } from 'node:url'; const require = __isthmusCreateRequire(import.meta.url); const __filename = __isthmusFileURLToPath(import.meta.url); const __dirname = __isthmusDirname(__filename);
import{b as F}from"./chunk-3J2MKGV4.js";import{c as ae,e as O,o as d}from"./chunk-LVJVS5SG.js";import{e as ie}from"./chunk-MLTLJ63E.js";var l=class extends Error{name="CtxCommandError"},S=e=>e?.replace(/-/g,"_");function T(e,t,r){let n=e[t];if(n===void 0)throw new l(`missing ${r}`);return n}function P(e){if(!e.startsWith("@"))return e;let t;try{t=JSON.parse(e.slice(1))}catch(r){throw new l(`argument '${e.length>60?`${e.slice(0,60)}\u2026`:e}' starts with @ but is not JSON (${r.message})`)}if(Y(t))throw new l("'__proto__' cannot be a key of a value (it would be lost, or worse, wherever the value is copied)");return t}function Y(e){return Array.isArray(e)?e.some(Y):e===null||typeof e!="object"?!1:Object.keys(e).some(t=>t==="__proto__"||Y(e[t]))}var ce=new Set(["__proto__","constructor","prototype"]);function q(e){let t=[];for(let r of e.split(".")){let n=/^([^[\]]*)((?:\[\d+\])*)$/.exec(r);if(!n)throw new l(`'${e}' is not a key path (keys separated by dots, list indices as [n])`);if(n[1]&&ce.has(n[1]))throw new l(`'${n[1]}' cannot be part of a key path`);n[1]&&t.push(n[1]);for(let s of n[2].matchAll(/\[(\d+)\]/g))t.push(Number(s[1]))}return t}function X(e,t){let r=e;for(let n of q(t))if(typeof n=="number"?r=Array.isArray(r)?r[n]:void 0:r=O(r)&&Object.hasOwn(r,n)?r[n]:void 0,r===void 0)throw new l(`'${t}' is not set`);return r}function le(e,t,r){let n=q(t);if(n.length===0||typeof n[0]!="string")throw new l(`'${t}' does not name a runtime property`);let s=e;for(let c=0;c<n.length-1;c++){let o=n[c],i=n[c+1],a=s,p=a[o];(p==null||typeof p!="object")&&(p=typeof i=="number"?[]:{},a[o]=p),s=p}return s[n.at(-1)]=r,n[0]}async function B(e,t,r,n,s){let[c,...o]=t;switch(S(c)){case"node":return L(e,e.node,o);case"instance":return J(e,e.instance,o,"self",s);case"source":case"target":{let i=S(c),a=e[i];if(!a)throw new l(`ctx ${i} is only available in relationship operations`);let p=S(o[0]);if(p==="node")return L(e,a.node,o.slice(1));if(p==="instance")return J(e,a.instance,o.slice(1),a.instance===e.instance?"self":i,s);throw new l(`ctx ${i} has 'node' and 'instance', not '${o[0]??""}'`)}case"deployment":return j(o,"deployment",{id:e.deployment.id});case"blueprint":return j(o,"blueprint",{id:e.blueprint.id});case"execution_id":return e.execution.id;case"workflow_id":return e.execution.workflowId;case"operation":{if(S(o[0])==="retry"){r.retry={message:o[1]??"the script asked for a retry",...D(o[2])};return}return j(o,"operation",{name:e.operation.name,retry_number:e.operation.retryNumber,max_retries:e.operation.maxRetries})}case"logger":{let i=S(o[0]),a=o.slice(1).join(" ");if(i==="info")e.logger.info(a);else if(i==="warning"||i==="warn")e.logger.warning(a);else if(i==="error"||i==="critical")e.logger.error(a);else if(i==="debug")e.logger.debug(a);else throw new l(`ctx logger levels are info, warning, error and debug, not '${o[0]??""}'`);return}case"download_resource":return n.download(T(o,0,"the resource path"),o[1]);case"download_resource_and_render":{let i=o[2]===void 0?{}:P(o[2]);if(!O(i))throw new l("template variables must be a JSON object (@{...})");return n.download(T(o,0,"the resource path"),o[1],i)}case"get_resource":return n.read(T(o,0,"the resource path"));case"returns":r.returned=P(T(o,0,"the value to return"));return;case"abort_operation":r.abort=o.join(" ")||"the script aborted the operation";return;case"retry_operation":r.retry={message:o[0]??"the script asked for a retry",...D(o[1])};return;case"set_runtime_properties":{let i=S(o[0]),a=i==="self"?e.instance:e[i==="source"?"source":"target"]?.instance;if(!a)throw new l(`no '${o[0]??""}' instance in this operation`);let p=P(T(o,1,"the runtime properties"));if(!O(p))throw new l("runtime properties must be a JSON object");for(let u of Object.keys(a.runtimeProperties))delete a.runtimeProperties[u];Object.assign(a.runtimeProperties,p),s.add(a===e.instance?"self":i);return}case"inputs":return e.inputs;case"capabilities":throw new l("ctx capabilities (other deployments) is not available to scripts in Isthmus yet");default:throw new l(`unknown ctx command '${t.join(" ")}'`)}}function D(e){if(e===void 0)return{};let t=Number(e);if(!Number.isFinite(t)||t<0)throw new l(`retry interval '${e}' is not a number of seconds`);return{afterSeconds:t}}function j(e,t,r){let n=S(e[0]);if(n===void 0)return r;if(!Object.hasOwn(r,n))throw new l(`ctx ${t} has ${Object.keys(r).join(", ")}; not '${e[0]}'`);return r[n]}async function L(e,t,r){switch(S(r[0])){case"id":case"name":return t.id;case"type":return t.type;case"type_hierarchy":return t.typeHierarchy;case"properties":{let s=await e.evaluate(t.properties);return r[1]===void 0?s:X(s,r[1])}default:throw new l(`ctx node has id, name, type, type-hierarchy and properties; not '${r[0]??""}'`)}}async function J(e,t,r,n,s){switch(S(r[0])){case"id":return t.id;case"runtime_properties":{if(r[1]===void 0)return t.runtimeProperties;if(r[2]===void 0)return X(t.runtimeProperties,r[1]);le(t.runtimeProperties,r[1],P(r[2])),s.add(n);return}case"host_ip":return pe(e,t);default:throw new l(`ctx instance has id, runtime-properties and host-ip; not '${r[0]??""}'`)}}async function pe(e,t){let r=t.computeHostId;if(!r)throw new l(`instance '${t.id}' is not a Compute and is not contained in one: it has no host-ip`);let n=r===t.id?t:await e.readInstance(r),s=n?.runtimeProperties.ip;if(typeof s=="string"&&s)return s;let c=n?e.readNode(n.nodeId):void 0;if(c){let o=(await e.evaluate(c.properties)).ip;if(typeof o=="string"&&o)return o}throw new d(`host '${r}' has no ip (runtime property or node property)`,!0)}import{createServer as fe}from"node:http";import{chmod as ue,chown as $,mkdir as de,writeFile as me}from"node:fs/promises";import A from"node:path";var W=String.raw`'use strict';
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
`;var K=16*1024*1024;async function z(e,t,r,n){let s=A.join(t,"bin");await de(s,{recursive:!0});let c=A.join(s,"ctx");await me(c,`#!${process.execPath}
${W}`),await ue(c,493);let o=A.join(t,"ctx.sock"),i={},a=new Set,p=[],u=(_,m,h)=>{let N=JSON.stringify(h);_.writeHead(m,{"content-type":"application/json","content-length":Buffer.byteLength(N)}),_.end(N)},x=async(_,m)=>{let h="",N=0;for await(let g of _){if(N+=g.length,N>K)return u(m,413,{ok:!1,error:`a ctx request may carry at most ${K} bytes`});h+=g.toString("utf8")}let w;try{w=JSON.parse(h).args}catch{return u(m,400,{ok:!1,error:"the ctx request is not JSON"})}if(!Array.isArray(w)||w.length===0||!w.every(g=>typeof g=="string"))return u(m,400,{ok:!1,error:'a ctx request is {"args": ["command", ...]} with string arguments'});try{let g=await B(e,w,i,r,a);return u(m,200,{ok:!0,value:g??null})}catch(g){if(!(g instanceof l||g instanceof d))throw g;return p.push(g.message),u(m,400,{ok:!1,error:g.message})}},E=fe((_,m)=>{x(_,m).catch(h=>{p.push(h.message??String(h)),m.headersSent||u(m,500,{ok:!1,error:`the ctx proxy failed: ${h.message??String(h)}`})})});return await new Promise((_,m)=>{E.once("error",m),E.listen(o,()=>_())}),n&&(await $(s,n.uid,n.gid),await $(c,n.uid,n.gid),await $(o,n.uid,n.gid)),{env:{CTX_SOCKET_URL:`http+unix://${encodeURIComponent(o)}`,ISTHMUS_CTX_SOCKET:o,ISTHMUS_CTX_BIN:s},requests:i,changed:a,errors:p,close:()=>new Promise(_=>{E.close(()=>_()),E.closeAllConnections()})}}var _e=String.raw`"""Transport to the Isthmus ctx proxy (a Unix socket HTTP server of the running step, or on a host
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
`,ge=String.raw`"""Cloudify's operation exceptions: what a script raises to fail or retry its operation."""


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
`,ye=String.raw`"""The ctx object of a script's operation, as cloudify-common's CloudifyContext offers it."""
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
`,he=String.raw`"""Isthmus's stand-in for cloudify-common's cloudify package (scripts' side of the ctx proxy)."""
from cloudify.context import CloudifyContext

ctx = CloudifyContext()
`,we=String.raw`"""cloudify.state: the current context and the operation's inputs."""
import os

from cloudify import ctx, _proxy

# A plain dict, read once: scripts copy it, dump it as JSON and iterate it like any dict.
ctx_parameters = dict(_proxy.call('inputs') or {}) if (os.environ.get('ISTHMUS_CTX_SOCKET') or os.environ.get('ISTHMUS_CTX_PORT')) else {}
current_ctx = ctx
`,xe=String.raw`"""cloudify.decorators: operation and workflow decorators (the function runs as written)."""
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
`,be=String.raw`"""cloudify.manager: the manager's REST client does not exist in Isthmus."""
from cloudify.context import _unavailable


def get_rest_client(*args, **kwargs):
    _unavailable('cloudify.manager.get_rest_client (the Cloudify manager REST API)')


def get_node_instance(*args, **kwargs):
    _unavailable('cloudify.manager.get_node_instance')


def update_node_instance(*args, **kwargs):
    _unavailable('cloudify.manager.update_node_instance')
`,ve=String.raw`"""cloudify.utils: the helpers scripts commonly import."""
import os
import uuid


def id_generator(size=6, chars='abcdefghijklmnopqrstuvwxyz0123456789'):
    import random
    return ''.join(random.choice(chars) for _ in range(size))


def get_manager_ip():
    return os.environ.get('MANAGER_IP', '127.0.0.1')


def uuid4():
    return str(uuid.uuid4())
`,Se=String.raw`import runpy
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
`,G={"cloudify/__init__.py":he,"cloudify/_proxy.py":_e,"cloudify/context.py":ye,"cloudify/state.py":we,"cloudify/exceptions.py":ge,"cloudify/decorators.py":xe,"cloudify/manager.py":be,"cloudify/utils.py":ve,"isthmus_run_script.py":Se};var ee=ie(ae(),1);import{execFile as Ne,execFileSync as Ee,spawn as Oe}from"node:child_process";import{chown as M,mkdir as U,mkdtemp as Te,readdir as ke,readFile as V,rm as Re,writeFile as I}from"node:fs/promises";import{tmpdir as Ce}from"node:os";import f from"node:path";import{createInterface as Pe}from"node:readline";import{pathToFileURL as Ie}from"node:url";var je=75;function te(e,t){let r=f.resolve(e.blueprintDir,t),n=f.relative(e.blueprintDir,r);if(n.startsWith("..")||f.isAbsolute(n))throw new d(`script '${t}' is outside the blueprint directory`,!1);return r}function H(e){return typeof e=="string"?e:JSON.stringify(e)}var Ye=/^isthmus:runtime-property ([A-Za-z_][A-Za-z0-9_.-]*)=(.*)$/;function $e(e){if(!e)return;let t=Z.get(e);if(!t){let r=n=>Number(Ee("id",[n,e],{encoding:"utf8"}).trim());try{t={uid:r("-u"),gid:r("-g")}}catch{throw new d(`ISTHMUS_SCRIPT_USER names '${e}', which is not a user of this machine`,!1)}Z.set(e,t)}return t}var Z=new Map;function Q(e,t){let r=Pe({input:e,crlfDelay:1/0});return(async()=>{try{for await(let n of r)if(n)try{t(n)}catch{}}catch{}})()}function Ae(e,t){let r;try{r=JSON.parse(e)}catch(n){throw new d(`${t} left ISTHMUS_RUNTIME_PROPERTIES that is not JSON (${n.message})`,!1)}if(r===null||typeof r!="object"||Array.isArray(r))throw new d(`${t} left ISTHMUS_RUNTIME_PROPERTIES that is not a JSON object`,!1);return r}var Me=new Set(["process","script_path"]);function Ue(e,t){if(t==null)return{env:{},args:[]};if(!O(t))throw new d("the 'process' input must be a mapping (env, cwd, args, command_prefix)",!1);let r={},n=t.env;if(n!=null){if(!O(n))throw new d("the 'process' input's env must be a mapping of variable names to values",!1);for(let[i,a]of Object.entries(n))r[i]=H(a)}let s=t.args;if(s!=null&&!Array.isArray(s))throw new d("process.args must be a list",!1);let c=t.cwd,o=t.command_prefix;return{env:r,args:(s??[]).map(i=>H(i)),...typeof c=="string"&&c?{cwd:f.resolve(e.blueprintDir,c)}:{},...typeof o=="string"&&o.trim()?{commandPrefix:o.trim()}:{}}}async function He(e,t,r){if(t.commandPrefix){let[c,...o]=t.commandPrefix.split(/\s+/);return{file:c,args:[...o,e,...t.args]}}if(e.endsWith(".py"))return{file:"python3",args:[f.join(r,"isthmus_run_script.py"),e,...t.args]};if(e.endsWith(".ps1"))return{file:"pwsh",args:["-NoLogo","-NoProfile","-NonInteractive","-File",e,...t.args]};let n=(await V(e,"utf8")).slice(0,256),s=/^#!\s*(\S+)(?:[ \t]+([^\n]*?))?[ \t]*\r?\n/.exec(n);return s?{file:s[1],args:[...s[2]?[s[2]]:[],e,...t.args]}:{file:e.endsWith(".bash")?"bash":"sh",args:[e,...t.args]}}async function Ve(e,t){let r=f.resolve(e.blueprintDir,t),n=f.relative(e.blueprintDir,r);if(n.startsWith("..")||f.isAbsolute(n))throw new l(`resource '${t}' is outside the blueprint directory`);try{return await V(r,"utf8")}catch(s){throw s.code==="ENOENT"?new l(`resource '${t}' does not exist in the blueprint directory`):s}}function Fe(e,t,r){let n=0,s=c=>Ve(e,c);return{read:s,async download(c,o,i){let a=await s(c),p=i?De(a,{...await Je(e),...i},c):a,u=f.join(t,"resources",`${++n}-${f.basename(c)}`);if(await U(f.dirname(u),{recursive:!0}),await I(u,p),r&&await M(u,r.uid,r.gid),!o)return u;let x=f.resolve(t,o);return r?await Le(u,x,r):(await U(f.dirname(x),{recursive:!0}),await I(x,p)),x}}}function De(e,t,r){try{return F(e,t,r)}catch(n){throw new l(n.message)}}function Le(e,t,r){return new Promise((n,s)=>{Ne("cp",[e,t],{uid:r.uid,gid:r.gid},(c,o,i)=>{c?s(new l(`cannot write ${t} as the script user: ${String(i).trim()||c.message}`)):n()})})}async function Je(e){return{ctx:{node:{id:e.node.id,name:e.node.id,type:e.node.type,properties:await e.evaluate(e.node.properties)},instance:{id:e.instance.id,runtime_properties:e.instance.runtimeProperties},deployment:{id:e.deployment.id},blueprint:{id:e.blueprint.id},execution_id:e.execution.id,workflow_id:e.execution.workflowId}}}function qe(e){return async t=>{if(t.operation.executor==="host_agent"&&t.instance.computeHostId)return(await import("./fabric-V5Y632O5.js")).runScriptOnHost(t,e);let r=te(t,e),n=Ue(t,t.inputs.process),s=await Te(f.join(Ce(),"isthmus-script-")),c=f.join(s,"runtime-properties.json"),o;try{let i=JSON.stringify(t.instance.runtimeProperties);await I(c,i);let a=$e(t.settings.scriptUser),p=f.join(s,"python");if(r.endsWith(".py"))for(let[y,v]of Object.entries(G))await U(f.dirname(f.join(p,y)),{recursive:!0}),await I(f.join(p,y),v);o=await z(t,s,Fe(t,s,a),a),a&&await Xe(s,a);let u={PATH:`${o.env.ISTHMUS_CTX_BIN}:${t.settings.scriptEnvironment.PATH}`,HOME:a?s:t.settings.scriptEnvironment.HOME??s,LANG:t.settings.scriptEnvironment.LANG,...r.endsWith(".py")?{PYTHONPATH:p,PYTHONDONTWRITEBYTECODE:"1",PYTHONUNBUFFERED:"1"}:{},...o.env,ISTHMUS_DEPLOYMENT_ID:t.deployment.id,ISTHMUS_NODE_ID:t.node.id,ISTHMUS_NODE_INSTANCE:t.instance.id,ISTHMUS_OPERATION:t.operation.name,ISTHMUS_RETRY_NUMBER:String(t.operation.retryNumber),ISTHMUS_RUNTIME_PROPERTIES:c};for(let[y,v]of Object.entries(t.inputs))!Me.has(y)&&/^[A-Za-z_][A-Za-z0-9_]*$/.test(y)&&(u[y]=H(v));Object.assign(u,n.env);let x=await He(r,n,p),E={},_=[],{code:m,stderrTail:h}=await new Promise((y,v)=>{let k=Oe(x.file,x.args,{cwd:n.cwd??t.blueprintDir,env:u,stdio:["ignore","pipe","pipe"],signal:t.signal,...a?{uid:a.uid,gid:a.gid}:{}}),R=[],re=b=>{let C=Ye.exec(b);if(!C)return t.logger.info(b);try{E[C[1]]=(0,ee.parse)(C[2],{logLevel:"error"})??null}catch(se){_.push(`runtime property '${C[1]}' is not valid YAML (${se.message.split(`
`)[0]})`)}},ne=b=>{t.logger.warning(b),R.push(b),R.length>5&&R.shift()},oe=[Q(k.stdout,re),Q(k.stderr,ne)];k.once("error",b=>v(b.code==="ENOENT"?new d(`cannot run ${e}: '${x.file}' is not installed where this step runs`,!1):b)),k.once("close",b=>{Promise.all(oe).then(()=>y({code:b,stderrTail:R}),v)})});if(_.length>0)throw new d(`${e} printed ${_.join("; ")}`,!1);let N=await V(c,"utf8");if(N!==i){let y=Ae(N,e);for(let v of Object.keys(t.instance.runtimeProperties))v in y||delete t.instance.runtimeProperties[v];Object.assign(t.instance.runtimeProperties,y)}Object.assign(t.instance.runtimeProperties,E);let{requests:w,errors:g}=o;if(w.abort!==void 0)throw new d(w.abort,!1);if(w.retry&&t.retry(w.retry.message,w.retry.afterSeconds),m===je&&t.retry(h.at(-1)??`${e} asked for a retry`),m!==0){let y=h.length?h.join(" | "):g[0];throw new d(`${e} exited with ${m}${y?`: ${y}`:""}`,!0)}return w.returned}catch(i){throw i.name==="AbortError"?new d(`${e} timed out`,!0):i}finally{await o?.close(),await Re(s,{recursive:!0,force:!0})}}}async function Xe(e,t){await M(e,t.uid,t.gid);for(let r of await ke(e,{withFileTypes:!0,recursive:!0}))await M(f.join(r.parentPath,r.name),t.uid,t.gid)}function Be(e){return async t=>{let r=te(t,e),n=await import(Ie(r).href);if(typeof n.default!="function")throw new d(`${e} must export a default async function (ctx)`,!1);return n.default(t)}}var ht={extensions:[".sh",".bash",".py",".ps1",".js",".mjs"],run:e=>/\.m?js$/.test(e)?Be(e):qe(e)};export{l as a,z as b,G as c,te as d,$e as e,Ve as f,De as g,Je as h,Xe as i,ht as j};
