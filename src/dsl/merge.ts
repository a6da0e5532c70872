import { isDeepStrictEqual } from 'node:util';
import type { Diagnostics, SourcePosition } from './errors.js';
import type { ImportedFile } from './imports.js';
import { NAMESPACE_DELIMITER } from './imports.js';
import { copyLocation, keyPositionOf, positionOf } from './source-map.js';
import { isYamlMap, type YamlMap, type YamlValue } from './yaml-loader.js';

export const TOP_LEVEL_KEYS = [
  'tosca_definitions_version',
  'description',
  'metadata',
  'imports',
  'dsl_definitions',
  'inputs',
  'plugins',
  'node_types',
  'relationships',
  'node_templates',
  'policy_types',
  'policy_triggers',
  'groups',
  'policies',
  'workflows',
  'outputs',
  'data_types',
  'capabilities',
  'labels',
  'blueprint_labels',
  'deployment_settings',
  'resource_tags',
] as const;

/** Sections whose entries are named elements merged across imports. */
export const ELEMENT_SECTIONS = [
  'inputs',
  'plugins',
  'node_types',
  'relationships',
  'node_templates',
  'policy_types',
  'policy_triggers',
  'groups',
  'policies',
  'workflows',
  'outputs',
  'data_types',
  'capabilities',
  'labels',
  'blueprint_labels',
  'resource_tags',
] as const;
export type ElementSection = (typeof ELEMENT_SECTIONS)[number];

/** One named element (a node type, a node template, an input …) with where it came from. */
export interface Element {
  name: string;
  value: YamlValue;
  /** Namespace of the file it came from: references inside it are read in that namespace. */
  namespace: string | undefined;
  file: string;
  fromCloudifyTypes: boolean;
  position?: SourcePosition;
  keyPosition?: SourcePosition;
}

export interface MergedBlueprint {
  version: string | undefined;
  main: ImportedFile;
  description?: string;
  metadata: YamlMap;
  deploymentSettings?: YamlMap;
  sections: Record<ElementSection, Map<string, Element>>;
  namespacesMapping: Record<string, string>;
  files: ImportedFile[];
}

/** Cloudify lets later imports redefine anything named `cloudify.…` (its basic types and plugin types). */
export function isOverridableCloudifyName(name: string): boolean {
  return name.startsWith('cloudify.');
}

export function namespaced(namespace: string | undefined, name: string): string {
  if (!namespace || isOverridableCloudifyName(name)) return name;
  return `${namespace}${NAMESPACE_DELIMITER}${name}`;
}

/**
 * Combines the main file and its imports into one set of named elements, with Cloudify's
 * rules: imported names get their import's namespace (`ns--name`), `cloudify.*` names may be
 * redefined, a node template may be extended with more relationships, and any other clash is
 * an error naming both places.
 */
export function mergeImports(files: ImportedFile[], diagnostics: Diagnostics): MergedBlueprint {
  const main = files[0]!;
  const sections = Object.fromEntries(ELEMENT_SECTIONS.map((s) => [s, new Map<string, Element>()])) as Record<ElementSection, Map<string, Element>>;
  const merged: MergedBlueprint = {
    version: undefined,
    main,
    metadata: {},
    sections,
    namespacesMapping: {},
    files,
  };
  const versionValue = main.doc['tosca_definitions_version'];
  if (typeof versionValue === 'string') merged.version = versionValue;

  for (const file of files) {
    const doc = file.doc;
    for (const key of Object.keys(doc)) {
      if (!(TOP_LEVEL_KEYS as readonly string[]).includes(key)) {
        diagnostics.error('blueprint.unknown-key', `unknown top-level key '${key}'`, keyPositionOf(doc, key), `valid keys: ${TOP_LEVEL_KEYS.join(', ')}`);
      }
    }
    if (typeof doc['description'] === 'string' && merged.description === undefined) merged.description = doc['description'];
    if (isYamlMap(doc['metadata']) && file === main) merged.metadata = doc['metadata'];
    if (isYamlMap(doc['deployment_settings']) && file === main) merged.deploymentSettings = doc['deployment_settings'];
    for (const section of ELEMENT_SECTIONS) {
      // Cloudify takes a plugin's labels from its catalogue, never from its YAML.
      if (file.isPlugin && PLUGIN_KEYS_NOT_FROM_YAML.has(section)) continue;
      const value = doc[section];
      if (value === undefined || value === null) continue;
      if (!isYamlMap(value)) {
        diagnostics.error('blueprint.format', `'${section}' must be a mapping`, positionOf(doc, section), `write '${section}:' followed by named entries`);
        continue;
      }
      for (const [rawName, elementValue] of Object.entries(value)) {
        const ns = file.isCloudifyTypes ? undefined : file.namespace;
        const name = namespaced(ns, rawName);
        const element: Element = {
          name,
          value: elementValue,
          namespace: ns,
          file: file.file,
          fromCloudifyTypes: file.isCloudifyTypes,
        };
        const pos = positionOf(value, rawName);
        const keyPos = keyPositionOf(value, rawName);
        if (pos) element.position = pos;
        if (keyPos) element.keyPosition = keyPos;
        addElement(sections[section], section, element, diagnostics);
      }
    }
  }
  for (const file of files) {
    // Remember which namespace holds which `blueprint:` import.
    const imports = file.doc['imports'];
    if (!Array.isArray(imports)) continue;
    for (const entry of imports) {
      if (typeof entry !== 'string') continue;
      const at = entry.lastIndexOf(NAMESPACE_DELIMITER);
      if (at > 0 && entry.slice(at + 2).startsWith('blueprint:')) {
        merged.namespacesMapping[namespaced(file.namespace, entry.slice(0, at))] = entry.slice(at + 2 + 'blueprint:'.length);
      }
    }
  }
  return merged;
}

const PLUGIN_KEYS_NOT_FROM_YAML = new Set<string>(['labels', 'blueprint_labels', 'resource_tags']);
const LABEL_SECTIONS = new Set<string>(['labels', 'blueprint_labels']);

function addElement(target: Map<string, Element>, section: ElementSection, element: Element, diagnostics: Diagnostics): void {
  const existing = target.get(element.name);
  if (!existing || element.fromCloudifyTypes || isOverridableCloudifyName(element.name)) {
    target.set(element.name, element);
    return;
  }
  if (isDeepStrictEqual(existing.value, element.value)) return;
  if (section === 'workflows') return; // Cloudify keeps the first definition of a workflow
  if (LABEL_SECTIONS.has(section) && isYamlMap(existing.value) && isYamlMap(element.value)) {
    const values = [existing.value['values'], element.value['values']].flatMap((v) => (Array.isArray(v) ? v : []));
    target.set(element.name, {
      ...existing,
      value: { ...existing.value, values: [...new Set(values.map((v) => JSON.stringify(v)))].map((v) => JSON.parse(v) as YamlValue) },
    });
    return;
  }
  if (section === 'node_templates' && isYamlMap(existing.value) && isYamlMap(element.value)) {
    const extended = extendNodeTemplate(existing.value, element.value);
    if (extended) {
      target.set(element.name, { ...existing, value: extended });
      return;
    }
  }
  diagnostics.error(
    'import.conflict',
    `'${element.name}' in ${section} is defined twice, differently (also at ${existing.position ? `${existing.position.file}:${existing.position.line}` : existing.file})`,
    element.keyPosition ?? element.position,
    'rename one of them, or put it in a namespaced import (ns--file.yaml)',
  );
}

/** A node template may be declared again with only more relationships; they are appended. */
function extendNodeTemplate(a: YamlMap, b: YamlMap): YamlMap | undefined {
  const onlyRelationships = (m: YamlMap) => Object.keys(m).every((k) => k === 'relationships');
  if (!onlyRelationships(a) && !onlyRelationships(b)) return undefined;
  const relsA = Array.isArray(a['relationships']) ? a['relationships'] : [];
  const relsB = Array.isArray(b['relationships']) ? b['relationships'] : [];
  const base = onlyRelationships(a) ? b : a;
  return copyLocation(base, { ...base, relationships: copyLocation(relsA, [...relsA, ...relsB]) });
}
