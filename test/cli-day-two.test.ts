import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { writeBlueprintFiles } from './support/blueprint-files.js';

/** The CLI's day-two commands against DynamoDB Local, steps in-process: history, rollback, schedules. */
describe('isthmus history, rollback and schedules', () => {
  it('lists revisions with who made them, rolls back to one, and creates, lists and deletes schedules', async () => {
    const dir = writeBlueprintFiles({
      'svc/blueprint.yaml': [
        'tosca_definitions_version: cloudify_dsl_1_5',
        'imports: [cloudify/types/types.yaml]',
        'inputs:',
        '  version: { type: string, default: v1 }',
        '  state_file: { type: string }',
        'node_types:',
        '  svc.App: { derived_from: cloudify.nodes.Root, properties: { version: { type: string } } }',
        'node_templates:',
        '  app:',
        '    type: svc.App',
        '    properties: { version: { get_input: version } }',
        '    interfaces:',
        '      cloudify.interfaces.lifecycle:',
        '        create: { implementation: scripts/deploy.sh, inputs: { version: { get_input: version }, state_file: { get_input: state_file } } }',
        '',
      ].join('\n'),
      'svc/scripts/deploy.sh': 'echo "$version" > "$state_file"\n',
    });
    writeFileSync(path.join(dir, '.git'), '');
    const state = path.join(dir, 'running');
    const env = { ISTHMUS_DYNAMODB_ENDPOINT: inject('dynamoDbEndpoint'), ISTHMUS_STATE_TABLE: `isthmus-cli-${randomUUID()}` };
    const cli = async (...args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, env);
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const bp = path.join(dir, 'svc', 'blueprint.yaml');
    expect((await cli('install', bp, '-d', 'cli-rb', '--root', dir, '-i', `state_file=${state}`)).code).toBe(0);
    const update = await cli('update', 'cli-rb', '-b', bp, '--root', dir, '-i', 'version=v2', '--skip-heal');
    expect(update.code, update.err).toBe(0);
    expect(update.out).toContain('No drift found');
    expect(readFileSync(state, 'utf8').trim()).toBe('v2');

    const history = await cli('history', 'cli-rb');
    expect(history.code).toBe(0);
    const lines = history.out.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^ +1 {2}\S+ {2}install +\w{12} {2}\S+ {2}cli \S+@\S+$/);
    expect(lines[1]).toMatch(/^\* +2 .* update /);

    const preview = await cli('rollback', 'cli-rb', '--preview');
    expect(preview.out).toContain('Rolling back cli-rb to revision 1 (install of');
    expect(preview.out).toContain('modify node         app');
    const back = await cli('rollback', 'cli-rb');
    expect(back.code, back.err).toBe(0);
    expect(readFileSync(state, 'utf8').trim()).toBe('v1');
    expect((await cli('history', 'cli-rb')).out).toMatch(/\* +3 .* rollback .*back to 1/);
    expect((await cli('rollback', 'cli-rb', '--to', '9')).err).toMatch(/has no revision 9; its revisions: 1, 2, 3/);

    expect((await cli('schedules', 'create', 'cli-rb', 'nightly', '-w', 'heal', '-s', '2026-01-01 02:00', '-r', '1d', '--weekdays', 'mo,tu')).code).toBe(0);
    const listed = await cli('schedules', 'list', 'cli-rb');
    expect(listed.out).toMatch(/nightly +heal +since 2026-01-01 02:00 every 1d on mo,tu {2}\(created; ran 0/);
    expect((await cli('schedules', 'create', 'cli-rb', 'bad', '-w', 'heal', '-s', 'soon')).err).toContain("schedule 'bad': since must be a time");
    expect((await cli('schedules', 'delete', 'cli-rb', 'nightly')).code).toBe(0);
    expect((await cli('schedules', 'list', 'cli-rb')).out).toContain('no schedules');
    expect((await cli('uninstall', 'cli-rb')).code).toBe(0);
  }, 120_000);
});
