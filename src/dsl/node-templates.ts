import type { Diagnostics, SourcePosition } from './errors.js';
import { applyNamespace, asFunctionCall, checkFunctions, containsFunction, resolveStatic, type FunctionScope, type StaticResolver } from './functions.js';
import { mergeTemplateInterfaces, parseInterfaces } from './interfaces.js';
import { namespaced, type Element } from './merge.js';
import type { DataType, Interfaces, NodeRelationship, NodeTemplate, NodeType, RelationshipType, ScalableProperties } from './model.js';
import { checkProperties } from './schema.js';
import { keyPositionOf, positionOf } from './source-map.js';
import { namespaceImplementations, suggestion } from './types.js';
import { isYamlMap, type YamlMap, type YamlValue } from './yaml-loader.js';

const TEMPLATE_KEYS = ['type', 'properties', 'interfaces', 'relationships', 'capabilities', 'instances'];
const RELATIONSHIP_KEYS = ['type', 'target', 'properties', 'source_interfaces', 'target_interfaces'];
export const CONTAINED_IN = 'cloudify.relationships.contained_in';

interface Draft {
  template: NodeTemplate;
  element: Element;
  rawProperties: YamlMap;
  scalableRaw: { default?: YamlValue; min?: YamlValue; max?: YamlValue; at?: SourcePosition };
}

export interface TemplateContext {
  nodeTypes: Record<string, NodeType>;
  relationshipTypes: Record<string, RelationshipType>;
  dataTypes: Record<string, DataType>;
  inputValues: YamlMap;
  inputNames: Set<string>;
}

/** Parses node templates, checks them against their types and resolves their static functions. */
export function parseNodeTemplates(elements: Map<string, Element>, ctx: TemplateContext, diagnostics: Diagnostics): Record<string, NodeTemplate> {
  const drafts = new Map<string, Draft>();
  for (const el of elements.values()) {
    const draft = parseTemplate(el, ctx, diagnostics, elements);
    if (draft) drafts.set(el.name, draft);
  }

  // get_property may follow chains across nodes. Paths are followed through the raw values and
  // only functions met on the way are resolved, so a property may refer to a sibling part of
  // itself (Cloudify allows that); resolving the same path while it is being resolved is a cycle.
  const resolved = new Map<string, YamlValue>();
  const pending = new Set<string>();
  const resolveAt = (node: string, path: Array<string | number>, raw: YamlValue, at: SourcePosition | undefined): YamlValue => {
    const key = `${node}\u0000${JSON.stringify(path)}`;
    if (resolved.has(key)) return resolved.get(key) ?? null;
    if (pending.has(key)) {
      diagnostics.error(
        'function.circular',
        `get_property cycle through node '${node}' property '${path.join('.')}'`,
        at,
        'make one of the properties a literal value',
      );
      return null;
    }
    pending.add(key);
    const scope: FunctionScope = withAt(
      { self: node, where: `node '${node}' property '${path.join('.')}'`, kind: 'property' },
      at ?? drafts.get(node)?.template.position,
    );
    const value = resolveStatic(raw, scope, resolver);
    pending.delete(key);
    resolved.set(key, value);
    return value;
  };
  const resolver: StaticResolver = {
    inputValue: (name) => (ctx.inputNames.has(name) ? { found: true, value: ctx.inputValues[name] ?? null } : { found: false }),
    nodeExists: (node) => elements.has(node),
    nodeProperty: (node, path, at) => {
      const draft = drafts.get(node);
      if (!draft || path.length === 0) return { found: false };
      if (!Object.hasOwn(draft.template.properties, String(path[0]))) {
        diagnostics.error(
          'function.unknown-property',
          `get_property refers to '${String(path[0])}', which node '${node}' does not have`,
          at ?? draft.template.position,
          `properties of '${node}': ${Object.keys(draft.template.properties).join(', ')}`,
        );
        return { found: true, value: null };
      }
      let current: YamlValue = draft.template.properties;
      for (let i = 0; i < path.length; i++) {
        const step = path[i]!;
        const next: YamlValue | undefined =
          Array.isArray(current) && typeof step === 'number'
            ? current[step]
            : isYamlMap(current) && Object.hasOwn(current, String(step))
              ? current[String(step)]
              : undefined;
        if (next === undefined) return { found: true, value: null };
        current = asFunctionCall(next) ? resolveAt(node, path.slice(0, i + 1), next, at) : next;
      }
      return { found: true, value: containsFunction(current) ? resolveAt(node, path, current, at) : current };
    },
  };

  const out: Record<string, NodeTemplate> = {};
  for (const [name, draft] of drafts) {
    const t = draft.template;
    const propScope: FunctionScope = withAt({ self: name, where: `node '${name}'`, kind: 'property' }, t.position);
    checkFunctions(t.properties, propScope, resolver, diagnostics);
    const props: YamlMap = {};
    for (const key of Object.keys(t.properties)) {
      const raw = t.properties[key] ?? null;
      props[key] = containsFunction(raw) ? resolveAt(name, [key], raw, positionOf(t.properties, key)) : raw;
    }
    t.interfaces = resolveInterfaces(t.interfaces, withAt({ self: name, where: `node '${name}'`, kind: 'operation' }, t.position), resolver, diagnostics);
    for (const rel of t.relationships) {
      const relScope: FunctionScope = withAt(
        { self: name, source: name, target: rel.target, where: `node '${name}' relationship to '${rel.target}'`, kind: 'relationship' },
        rel.position ?? t.position,
      );
      checkFunctions(rel.properties, relScope, resolver, diagnostics);
      rel.properties = resolveStatic(rel.properties, relScope, resolver) as YamlMap;
      rel.sourceInterfaces = resolveInterfaces(rel.sourceInterfaces, relScope, resolver, diagnostics);
      rel.targetInterfaces = resolveInterfaces(rel.targetInterfaces, { ...relScope, self: rel.target }, resolver, diagnostics);
    }
    t.properties = props;
    t.scalable = resolveScalable(draft, resolver, diagnostics);
    out[name] = t;
  }
  return out;
}

function withAt(scope: FunctionScope, at: SourcePosition | undefined): FunctionScope {
  return at ? { ...scope, at } : scope;
}

function resolveInterfaces(ifaces: Interfaces, scope: FunctionScope, resolver: StaticResolver, diagnostics: Diagnostics): Interfaces {
  const out: Interfaces = {};
  for (const [iface, ops] of Object.entries(ifaces)) {
    out[iface] = {};
    for (const [name, op] of Object.entries(ops)) {
      // Most operations a type declares have no inputs (every Root lifecycle operation): nothing to resolve.
      if (Object.keys(op.inputs).length === 0) {
        out[iface]![name] = op;
        continue;
      }
      const opScope = withAt({ ...scope, where: `${scope.where} operation '${iface}.${name}'` }, op.position ?? scope.at);
      checkFunctions(op.inputs, opScope, resolver, diagnostics);
      out[iface]![name] = { ...op, inputs: resolveStatic(op.inputs, opScope, resolver) as YamlMap };
    }
  }
  return out;
}

function parseTemplate(el: Element, ctx: TemplateContext, diagnostics: Diagnostics, all: Map<string, Element>): Draft | undefined {
  const where = `node '${el.name}'`;
  const body = applyNamespace(el.value, el.namespace);
  if (!isYamlMap(body)) {
    diagnostics.error('node.format', `${where} must be a mapping with at least 'type'`, el.position, 'write "my_node: { type: cloudify.nodes.Root }"');
    return undefined;
  }
  for (const key of Object.keys(body)) {
    if (!TEMPLATE_KEYS.includes(key)) {
      diagnostics.error('node.unknown-key', `${where} has unknown key '${key}'`, keyPositionOf(body, key), `valid keys: ${TEMPLATE_KEYS.join(', ')}`);
    }
  }
  const typeRaw = body['type'];
  if (typeof typeRaw !== 'string') {
    diagnostics.error('node.type', `${where} has no type`, el.keyPosition ?? el.position, "add 'type: cloudify.nodes.Root' (or a more specific type)");
    return undefined;
  }
  const typeName = namespaced(el.namespace, typeRaw);
  const nodeType = Object.hasOwn(ctx.nodeTypes, typeName) ? ctx.nodeTypes[typeName] : undefined;
  if (!nodeType) {
    diagnostics.error(
      'node.unknown-type',
      `${where} has type '${typeRaw}', which is not defined`,
      positionOf(body, 'type'),
      suggestion(typeName, Object.keys(ctx.nodeTypes)) ?? 'import the plugin or types file that defines it',
    );
    return undefined;
  }
  const rawProps = body['properties'] ?? {};
  let properties: YamlMap = {};
  if (!isYamlMap(rawProps)) diagnostics.error('node.properties', `${where}: properties must be a mapping`, positionOf(body, 'properties'));
  else {
    if (rawProps['use_external_resource'] !== undefined && typeof rawProps['use_external_resource'] !== 'boolean') {
      diagnostics.error(
        'node.external-resource',
        `${where}: use_external_resource must be true or false (no functions)`,
        positionOf(rawProps, 'use_external_resource'),
        'Cloudify requires a literal boolean here',
      );
    }
    properties = checkProperties(rawProps, nodeType.properties, ctx.dataTypes, where, diagnostics, el.position ? { at: el.position } : {});
  }
  const templateIfaces = namespaceImplementations(parseInterfaces(body['interfaces'] ?? null, where, 'template', diagnostics), el.namespace);
  const interfaces = mergeTemplateInterfaces(nodeType.interfaces, templateIfaces, where, diagnostics);
  const relationships = parseRelationships(body['relationships'], el, ctx, diagnostics, all);
  const hostRels = relationships.filter((r) => r.hierarchy.includes(CONTAINED_IN));
  if (hostRels.length > 1) {
    diagnostics.error(
      'node.multiple-hosts',
      `${where} is contained_in more than one node (${hostRels.map((r) => r.target).join(', ')})`,
      hostRels[1]!.position,
      'a node can have one host; use connected_to for the others',
    );
  }
  const template: NodeTemplate = {
    id: el.name,
    type: typeName,
    hierarchy: nodeType.hierarchy,
    properties,
    interfaces,
    relationships,
    scalable: { defaultInstances: 1, minInstances: 0, maxInstances: -1 },
  };
  if (hostRels[0]) template.host = hostRels[0].target;
  if (el.position) template.position = el.position;
  return { template, element: el, rawProperties: isYamlMap(rawProps) ? rawProps : {}, scalableRaw: readScalable(body, where, diagnostics) };
}

function readScalable(body: YamlMap, where: string, diagnostics: Diagnostics): Draft['scalableRaw'] {
  const out: Draft['scalableRaw'] = {};
  const caps = body['capabilities'];
  if (caps !== undefined && caps !== null) {
    if (!isYamlMap(caps)) diagnostics.error('node.capabilities', `${where}: capabilities must be a mapping`, positionOf(body, 'capabilities'));
    else {
      for (const key of Object.keys(caps)) {
        if (key !== 'scalable')
          diagnostics.error('node.capabilities', `${where}: unknown capability '${key}'`, keyPositionOf(caps, key), "the only node capability is 'scalable'");
      }
      const scalable = caps['scalable'];
      const props = isYamlMap(scalable) ? scalable['properties'] : undefined;
      if (isYamlMap(props)) {
        for (const key of Object.keys(props)) {
          if (!['default_instances', 'min_instances', 'max_instances', 'current_instances', 'planned_instances'].includes(key)) {
            diagnostics.error(
              'scalable.unknown-key',
              `${where}: unknown scalable property '${key}'`,
              keyPositionOf(props, key),
              'valid: default_instances, min_instances, max_instances',
            );
          }
        }
        out.default = props['default_instances'];
        out.min = props['min_instances'];
        out.max = props['max_instances'];
        const at = positionOf(props);
        if (at) out.at = at;
      }
    }
  }
  const instances = body['instances'];
  if (isYamlMap(instances) && instances['deploy'] !== undefined) {
    // DSL 1_0-1_2 spelling; kept for old blueprints.
    out.default = instances['deploy'];
    const at = positionOf(instances);
    if (at) out.at = at;
  }
  return out;
}

export function resolveScalableValues(
  raw: { default?: YamlValue; min?: YamlValue; max?: YamlValue; at?: SourcePosition },
  where: string,
  resolve: (v: YamlValue) => YamlValue,
  diagnostics: Diagnostics,
): ScalableProperties {
  const num = (v: YamlValue | undefined, fallback: number, label: string): number => {
    if (v === undefined) return fallback;
    const r = resolve(v);
    if (typeof r !== 'number' || !Number.isInteger(r) || r < -1) {
      diagnostics.error(
        'scalable.value',
        `${where}: ${label} must be an integer, got ${JSON.stringify(r)}`,
        raw.at,
        'use a whole number (or a get_input of one)',
      );
      return fallback;
    }
    return r;
  };
  const s: ScalableProperties = {
    defaultInstances: num(raw.default, 1, 'default_instances'),
    minInstances: num(raw.min, 0, 'min_instances'),
    maxInstances: num(raw.max, -1, 'max_instances'),
  };
  if (s.defaultInstances < 0) diagnostics.error('scalable.value', `${where}: default_instances must be 0 or more`, raw.at);
  if (s.defaultInstances < s.minInstances || (s.maxInstances !== -1 && s.defaultInstances > s.maxInstances)) {
    diagnostics.error(
      'scalable.range',
      `${where}: default_instances ${s.defaultInstances} is outside [${s.minInstances}, ${s.maxInstances === -1 ? 'unbounded' : s.maxInstances}]`,
      raw.at,
      'keep min_instances <= default_instances <= max_instances',
    );
  }
  return s;
}

function resolveScalable(draft: Draft, resolver: StaticResolver, diagnostics: Diagnostics): ScalableProperties {
  const scope: FunctionScope = { self: draft.template.id, where: `node '${draft.template.id}' capabilities`, kind: 'property' };
  return resolveScalableValues(
    draft.scalableRaw,
    `node '${draft.template.id}'`,
    (v) => {
      checkFunctions(v, scope, resolver, diagnostics);
      return resolveStatic(v, scope, resolver);
    },
    diagnostics,
  );
}

function parseRelationships(
  raw: YamlValue | undefined,
  el: Element,
  ctx: TemplateContext,
  diagnostics: Diagnostics,
  all: Map<string, Element>,
): NodeRelationship[] {
  const where = `node '${el.name}'`;
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    diagnostics.error(
      'relationship.format',
      `${where}: relationships must be a list`,
      positionOf(raw),
      'write "- type: cloudify.relationships.depends_on\\n  target: other_node"',
    );
    return [];
  }
  const out: NodeRelationship[] = [];
  raw.forEach((item, index) => {
    const at = positionOf(raw, index);
    if (!isYamlMap(item)) {
      diagnostics.error('relationship.format', `${where}: relationship ${index + 1} must be a mapping with type and target`, at);
      return;
    }
    for (const key of Object.keys(item)) {
      if (!RELATIONSHIP_KEYS.includes(key))
        diagnostics.error(
          'relationship.unknown-key',
          `${where}: relationship has unknown key '${key}'`,
          keyPositionOf(item, key),
          `valid keys: ${RELATIONSHIP_KEYS.join(', ')}`,
        );
    }
    const typeRaw = item['type'];
    const targetRaw = item['target'];
    if (typeof typeRaw !== 'string' || typeof targetRaw !== 'string') {
      diagnostics.error(
        'relationship.format',
        `${where}: relationship ${index + 1} needs 'type' and 'target'`,
        at,
        'write "- type: cloudify.relationships.connected_to\\n  target: other_node"',
      );
      return;
    }
    const typeName = namespaced(el.namespace, typeRaw);
    const target = namespaced(el.namespace, targetRaw);
    const relType = Object.hasOwn(ctx.relationshipTypes, typeName) ? ctx.relationshipTypes[typeName] : undefined;
    if (!relType) {
      diagnostics.error(
        'relationship.unknown-type',
        `${where}: relationship type '${typeRaw}' is not defined`,
        positionOf(item, 'type'),
        suggestion(typeName, Object.keys(ctx.relationshipTypes)) ?? 'import the types that define it',
      );
      return;
    }
    if (!all.has(target)) {
      diagnostics.error(
        'relationship.unknown-target',
        `${where}: relationship target '${targetRaw}' is not a node template`,
        positionOf(item, 'target'),
        suggestion(target, [...all.keys()]) ?? 'use the name of a node template',
      );
      return;
    }
    if (target === el.name) {
      diagnostics.error('relationship.self', `${where} has a relationship to itself`, positionOf(item, 'target'), 'a node cannot depend on itself');
      return;
    }
    const rawProps = item['properties'] ?? {};
    const properties = isYamlMap(rawProps)
      ? checkProperties(rawProps, relType.properties, ctx.dataTypes, `${where} relationship to '${targetRaw}'`, diagnostics, at ? { at } : {})
      : {};
    const connection = properties['connection_type'] ?? 'all_to_all';
    if (connection !== 'all_to_all' && connection !== 'all_to_one') {
      diagnostics.error(
        'relationship.connection-type',
        `${where}: connection_type must be all_to_all or all_to_one, got ${JSON.stringify(connection)}`,
        positionOf(rawProps, 'connection_type'),
      );
    }
    const srcIfaces = namespaceImplementations(parseInterfaces(item['source_interfaces'] ?? null, where, 'template', diagnostics), el.namespace);
    const tgtIfaces = namespaceImplementations(parseInterfaces(item['target_interfaces'] ?? null, where, 'template', diagnostics), el.namespace);
    const rel: NodeRelationship = {
      type: typeName,
      hierarchy: relType.hierarchy,
      target,
      properties,
      sourceInterfaces: mergeTemplateInterfaces(relType.sourceInterfaces, srcIfaces, `${where} relationship to '${targetRaw}' source`, diagnostics),
      targetInterfaces: mergeTemplateInterfaces(relType.targetInterfaces, tgtIfaces, `${where} relationship to '${targetRaw}' target`, diagnostics),
      connectionType: connection === 'all_to_one' ? 'all_to_one' : 'all_to_all',
    };
    if (at) rel.position = at;
    out.push(rel);
  });
  return out;
}
