/**
 * The `cloudify` Python package Isthmus puts on a Python script's PYTHONPATH: the part of
 * cloudify-common a script uses (`from cloudify import ctx`, `cloudify.state.ctx_parameters`,
 * `cloudify.exceptions`, `cloudify.decorators.operation`), talking to the step's ctx proxy over its
 * Unix socket. Written here in our own words; kept as text so every bundle (CLI, action, Lambda)
 * carries it, and written into the step's scratch directory when a Python script runs.
 *
 * Runtime properties are fetched on first use and saved whole when the script ends (nested
 * changes included), for the instance and, in relationship operations, for both ends. What needs a
 * Cloudify manager (its REST client, agents) raises an error that names the call.
 */

const PROXY = String.raw`"""Transport to the Isthmus ctx proxy (a Unix socket HTTP server of the running step, or on a host
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
`;

const EXCEPTIONS = String.raw`"""Cloudify's operation exceptions: what a script raises to fail or retry its operation."""


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
`;

const CONTEXT = String.raw`"""The ctx object of a script's operation, as cloudify-common's CloudifyContext offers it."""
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
`;

const INIT = String.raw`"""Isthmus's stand-in for cloudify-common's cloudify package (scripts' side of the ctx proxy)."""
from cloudify.context import CloudifyContext

ctx = CloudifyContext()
`;

const STATE = String.raw`"""cloudify.state: the current context and the operation's inputs."""
import os

from cloudify import ctx, _proxy

# A plain dict, read once: scripts copy it, dump it as JSON and iterate it like any dict.
ctx_parameters = dict(_proxy.call('inputs') or {}) if (os.environ.get('ISTHMUS_CTX_SOCKET') or os.environ.get('ISTHMUS_CTX_PORT')) else {}
current_ctx = ctx
`;

const DECORATORS = String.raw`"""cloudify.decorators: operation and workflow decorators (the function runs as written)."""
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
`;

const MANAGER = String.raw`"""cloudify.manager: the manager's REST client does not exist in Isthmus."""
from cloudify.context import _unavailable


def get_rest_client(*args, **kwargs):
    _unavailable('cloudify.manager.get_rest_client (the Cloudify manager REST API)')


def get_node_instance(*args, **kwargs):
    _unavailable('cloudify.manager.get_node_instance')


def update_node_instance(*args, **kwargs):
    _unavailable('cloudify.manager.update_node_instance')
`;

const UTILS = String.raw`"""cloudify.utils: the helpers scripts commonly import."""
import os
import uuid


def id_generator(size=6, chars='abcdefghijklmnopqrstuvwxyz0123456789'):
    import random
    return ''.join(random.choice(chars) for _ in range(size))


def get_manager_ip():
    return os.environ.get('MANAGER_IP', '127.0.0.1')


def uuid4():
    return str(uuid.uuid4())
`;

/**
 * Runs a script as Cloudify's script plugin evaluates Python: as `__main__`, with `ctx` and
 * `inputs` already in its globals; exceptions become the operation's outcome, and runtime
 * properties are saved whole at the end.
 */
const RUNNER = String.raw`import runpy
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
`;

/** The package's files, by path under the PYTHONPATH directory. */
export const PYTHON_SHIM: Readonly<Record<string, string>> = {
  'cloudify/__init__.py': INIT,
  'cloudify/_proxy.py': PROXY,
  'cloudify/context.py': CONTEXT,
  'cloudify/state.py': STATE,
  'cloudify/exceptions.py': EXCEPTIONS,
  'cloudify/decorators.py': DECORATORS,
  'cloudify/manager.py': MANAGER,
  'cloudify/utils.py': UTILS,
  'isthmus_run_script.py': RUNNER,
};
