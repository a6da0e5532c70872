import type { Diagnostics } from './errors.js';
import { checkFunctions, resolveStatic, type StaticResolver } from './functions.js';
import { namespaced, type Element } from './merge.js';
import type { NodeTemplate, ScalingGroup } from './model.js';
import { resolveScalableValues } from './node-templates.js';
import { keyPositionOf, positionOf } from './source-map.js';
import { isYamlMap, type YamlMap } from './yaml-loader.js';

export const SCALING_POLICY = 'cloudify.policies.scaling';

/**
 * Scaling groups: `groups` name members (nodes or groups), a `cloudify.policies.scaling`
 * policy targets groups and gives their instance counts. Mirrors Cloudify's checks
 * (dsl_parser/elements/policies.py): members exist, belong to one group only, no group
 * cycles; a member contained in a node that is inside the same group (directly, or through a
 * nested group) is dropped from the list (it scales with its host anyway).
 */
export function parseScalingGroups(
  groupElements: Map<string, Element>,
  policyElements: Map<string, Element>,
  nodes: Record<string, NodeTemplate>,
  resolver: StaticResolver,
  diagnostics: Diagnostics,
): { scalingGroups: Record<string, ScalingGroup>; groups: YamlMap; policies: YamlMap } {
  const groups: YamlMap = {};
  const policies: YamlMap = {};
  const members = new Map<string, string[]>();
  for (const el of groupElements.values()) {
    groups[el.name] = el.value;
    const body = el.value;
    if (!isYamlMap(body)) {
      diagnostics.error('group.format', `group '${el.name}' must be a mapping with members`, el.position);
      continue;
    }
    for (const key of Object.keys(body)) {
      if (key !== 'members' && key !== 'policies')
        diagnostics.error('group.unknown-key', `group '${el.name}' has unknown key '${key}'`, keyPositionOf(body, key), 'valid keys: members, policies');
    }
    const list = body['members'];
    if (!Array.isArray(list) || list.length === 0 || !list.every((m) => typeof m === 'string')) {
      diagnostics.error(
        'group.members',
        `group '${el.name}' needs a non-empty list of member names`,
        positionOf(body, 'members') ?? el.position,
        'write "members: [node_a, node_b]"',
      );
      continue;
    }
    const names = (list as string[]).map((m) => namespaced(el.namespace, m));
    const seen = new Set<string>();
    names.forEach((m, i) => {
      if (seen.has(m)) diagnostics.error('group.members', `group '${el.name}' lists '${m}' twice`, positionOf(list, i));
      seen.add(m);
      if (!nodes[m] && !groupElements.has(m)) {
        diagnostics.error(
          'group.unknown-member',
          `group '${el.name}' member '${m}' is neither a node template nor a group`,
          positionOf(list, i),
          'use the name of a node template or of another group',
        );
      }
    });
    members.set(
      el.name,
      names.filter((m) => nodes[m] || groupElements.has(m)),
    );
  }

  const scalingGroups: Record<string, ScalingGroup> = {};
  for (const el of policyElements.values()) {
    policies[el.name] = el.value;
    const body = el.value;
    if (!isYamlMap(body)) {
      diagnostics.error('policy.format', `policy '${el.name}' must be a mapping`, el.position);
      continue;
    }
    for (const key of Object.keys(body)) {
      if (!['type', 'targets', 'properties'].includes(key))
        diagnostics.error(
          'policy.unknown-key',
          `policy '${el.name}' has unknown key '${key}'`,
          keyPositionOf(body, key),
          'valid keys: type, targets, properties',
        );
    }
    if (body['type'] !== SCALING_POLICY) {
      diagnostics.error(
        'policy.type',
        `policy '${el.name}' has type ${JSON.stringify(body['type'])}; only ${SCALING_POLICY} is supported`,
        positionOf(body, 'type'),
        `use type: ${SCALING_POLICY}`,
      );
      continue;
    }
    const targets = body['targets'];
    if (!Array.isArray(targets) || targets.length === 0) {
      diagnostics.error(
        'policy.targets',
        `policy '${el.name}' needs a list of target groups`,
        positionOf(body, 'targets') ?? el.position,
        'write "targets: [my_group]"',
      );
      continue;
    }
    const props = isYamlMap(body['properties']) ? body['properties'] : {};
    const raw = { default: props['default_instances'], min: props['min_instances'], max: props['max_instances'], at: positionOf(props) ?? el.position };
    const scope = { where: `policy '${el.name}'`, kind: 'other' as const };
    const scalable = resolveScalableValues(
      raw,
      `policy '${el.name}'`,
      (v) => {
        checkFunctions(v, scope, resolver, diagnostics);
        return resolveStatic(v, scope, resolver);
      },
      diagnostics,
    );
    targets.forEach((t, i) => {
      const name = typeof t === 'string' ? namespaced(el.namespace, t) : '';
      if (!members.has(name)) {
        diagnostics.error(
          'policy.unknown-target',
          `policy '${el.name}' targets '${String(t)}', which is not a group`,
          positionOf(targets, i),
          'name a group declared under groups:',
        );
        return;
      }
      if (scalingGroups[name]) {
        diagnostics.error('policy.duplicate-target', `group '${name}' is targeted by more than one scaling policy`, positionOf(targets, i));
        return;
      }
      const g: ScalingGroup = { name, members: members.get(name)!, scalable };
      const pos = groupElements.get(name)?.position;
      if (pos) g.position = pos;
      scalingGroups[name] = g;
    });
  }

  // Membership rules apply to scaling groups (other groups are informational).
  const parentOf = new Map<string, string>();
  for (const g of Object.values(scalingGroups)) {
    for (const m of g.members) {
      const prev = parentOf.get(m);
      if (prev && prev !== g.name) {
        diagnostics.error(
          'group.multiple',
          `'${m}' is a member of both '${prev}' and '${g.name}'`,
          g.position,
          'a node or group may belong to one scaling group only',
        );
      } else parentOf.set(m, g.name);
    }
  }
  for (const g of Object.values(scalingGroups)) {
    const seen = new Set<string>([g.name]);
    for (let cur = parentOf.get(g.name); cur; cur = parentOf.get(cur)) {
      if (seen.has(cur)) {
        diagnostics.error('group.cycle', `scaling groups contain each other: ${[...seen, cur].join(' -> ')}`, g.position, 'groups must nest as a tree');
        break;
      }
      seen.add(cur);
    }
    for (const m of g.members) {
      if (!scalingGroups[m] && groupElements.has(m)) {
        diagnostics.error(
          'group.member-not-scaling',
          `scaling group '${g.name}' has group '${m}' as a member, but '${m}' has no scaling policy`,
          g.position,
          `add '${m}' to a ${SCALING_POLICY} policy's targets`,
        );
      }
    }
  }
  // A member whose host is inside the group — a member itself, or a member of a group nested in
  // it — is dropped: it scales with its host (Cloudify keeps it out of the group the same way).
  const nodesInside = (group: string, seen = new Set<string>()): Set<string> => {
    const out = new Set<string>();
    if (seen.has(group)) return out;
    seen.add(group);
    for (const m of members.get(group) ?? []) {
      if (scalingGroups[m]) for (const n of nodesInside(m, seen)) out.add(n);
      else out.add(m);
    }
    return out;
  };
  const inside = new Map(Object.keys(scalingGroups).map((name) => [name, nodesInside(name)]));
  for (const g of Object.values(scalingGroups)) {
    const within = inside.get(g.name)!;
    g.members = g.members.filter((m) => {
      for (let host = nodes[m]?.host; host; host = nodes[host]?.host) if (within.has(host)) return false;
      return true;
    });
  }
  return { scalingGroups, groups, policies };
}
