/**
 * An Ansible callback plugin Isthmus puts beside each run (ANSIBLE_CALLBACK_PLUGINS): it appends
 * one JSON line per task result to the file ISTHMUS_ANSIBLE_EVENTS names — host, task, status,
 * changed, message, and (when ISTHMUS_ANSIBLE_FACTS is set) the facts a setup task gathered. The
 * operation reads failures and facts from it whatever stdout callback the blueprint chose, and
 * without ansible.posix's json callback (ansible-core alone has none). It is a notification
 * callback, so the run's screen output stays the blueprint's choice. Results of `no_log` tasks
 * reach callbacks already censored by Ansible.
 */
export const EVENTS_CALLBACK_NAME = 'isthmus_events';

export const EVENTS_CALLBACK_PY = `# Written by Isthmus for one ansible-playbook run; removed with its workspace.
import json
import os

from ansible.plugins.callback import CallbackBase


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = 'notification'
    CALLBACK_NAME = '${EVENTS_CALLBACK_NAME}'
    CALLBACK_NEEDS_ENABLED = True
    CALLBACK_NEEDS_WHITELIST = True

    def __init__(self, *args, **kwargs):
        super(CallbackModule, self).__init__(*args, **kwargs)
        self._path = os.environ.get('ISTHMUS_ANSIBLE_EVENTS')
        self._facts = bool(os.environ.get('ISTHMUS_ANSIBLE_FACTS'))

    def _write(self, record):
        if not self._path:
            return
        with open(self._path, 'a') as out:
            out.write(json.dumps(record, default=str) + '\\n')

    def _record(self, status, result, ignored=False):
        outcome = result._result if isinstance(result._result, dict) else {}
        record = {
            'status': status,
            'host': result._host.get_name(),
            'task': result._task.get_name(),
            'action': result._task.action,
            'changed': bool(outcome.get('changed', False)),
        }
        if ignored:
            record['ignored'] = True
        message = outcome.get('msg') or outcome.get('stderr') or outcome.get('reason')
        if message:
            record['msg'] = str(message)[:2000]
        if self._facts and isinstance(outcome.get('ansible_facts'), dict) and result._task.action in (
            'setup', 'ansible.builtin.setup', 'gather_facts', 'ansible.builtin.gather_facts'
        ):
            record['facts'] = outcome['ansible_facts']
        self._write(record)

    def v2_runner_on_ok(self, result):
        self._record('ok', result)

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._record('failed', result, ignored=ignore_errors)

    def v2_runner_on_unreachable(self, result):
        self._record('unreachable', result)

    def v2_runner_on_skipped(self, result):
        self._record('skipped', result)
`;
