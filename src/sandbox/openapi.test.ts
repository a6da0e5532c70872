import { describe, expect, it } from 'vitest';
import { BUILTIN_TYPES, ResourceCatalog, type ResourceType } from './catalog.js';
import type { KubeObject } from './objects.js';
import { crdSchemaFrom, openApiV2Document, openApiV3Document, openApiV3Index, schemaName, unknownFields } from './openapi.js';
import { columnsOf, humanDuration, tableOf, wantsTable } from './table.js';

const widget: ResourceType = {
  group: 'shop.example.com',
  versions: ['v1'],
  kind: 'Widget',
  plural: 'widgets',
  singular: 'widget',
  namespaced: true,
  status: true,
  crd: 'widgets.shop.example.com',
};
const crd: KubeObject = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.shop.example.com' },
  spec: {
    versions: [
      {
        name: 'v1',
        schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } } } },
        additionalPrinterColumns: [{ name: 'Size', type: 'integer', jsonPath: '.spec.size' }],
      },
    ],
  },
};
const catalog = new ResourceCatalog([...BUILTIN_TYPES, widget]);
const crdSchema = crdSchemaFrom((name) => (name === crd.metadata.name ? crd : undefined));

describe('OpenAPI documents of the sandbox', () => {
  it('index every group-version with a content hash; each document names its kinds as the API server does, with their GVK', () => {
    const index = openApiV3Index(catalog, crdSchema, (t) => String(t.length)) as { paths: Record<string, { serverRelativeURL: string }> };
    expect(index.paths['api/v1']?.serverRelativeURL).toMatch(/^\/openapi\/v3\/api\/v1\?hash=\d+$/);
    expect(index.paths['apis/shop.example.com/v1']).toBeDefined();
    const apps = openApiV3Document(catalog, 'apps', 'v1', crdSchema) as {
      components: { schemas: Record<string, Record<string, unknown>> };
      paths: Record<string, Record<string, unknown>>;
    };
    expect(apps.components.schemas['io.k8s.api.apps.v1.Deployment']?.['x-kubernetes-group-version-kind']).toEqual([
      { group: 'apps', version: 'v1', kind: 'Deployment' },
    ]);
    // kubectl leaves validation to the server when the PATCH takes fieldValidation, and computes strategic merge patches when it takes them.
    const patch = apps.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}']?.['patch'] as {
      parameters: Array<{ name: string }>;
      requestBody: { content: object };
    };
    expect(patch.parameters.map((p) => p.name)).toContain('fieldValidation');
    expect(Object.keys(patch.requestBody.content)).toContain('application/strategic-merge-patch+json');
    expect(schemaName(widget, 'v1')).toBe('com.example.shop.v1.Widget');
    expect(openApiV3Document(catalog, 'nope', 'v1', crdSchema)).toBeUndefined();
    const v2 = openApiV2Document(catalog, crdSchema) as { definitions: Record<string, unknown> };
    expect(JSON.stringify(v2.definitions['io.k8s.api.core.v1.Pod'])).toContain('#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
  });

  it('finds the unknown fields of a body (not patch directives, not what an open part keeps); a CRD by its own schema', () => {
    const deploy = catalog.byKind('apps', 'Deployment')!;
    const body = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'x', labels: { a: 'b' }, colour: 'red' },
      spec: {
        selector: { matchLabels: { a: 'b' } },
        template: { spec: { $setElementOrder: [], containers: [{ name: 'c', imagee: 'nginx', resources: { anything: 1 } }] } },
        strategy: { whatever: true },
      },
      status: { free: 1 },
    };
    expect(unknownFields(catalog, deploy, 'v1', body, crdSchema)).toEqual(['metadata.colour', 'spec.template.spec.containers[0].imagee']);
    expect(unknownFields(catalog, widget, 'v1', { spec: { size: 2, colour: 'red' } }, crdSchema)).toEqual(['spec.colour']);
  });
});

describe('server-side printing (Tables)', () => {
  it('ages as Kubernetes prints them; Accept decides; a CRD prints its additionalPrinterColumns', () => {
    expect([5e3, 200e3, 20 * 60e3, 5 * 3600e3 + 60e3 * 3, 30 * 3600e3, 3 * 86400e3 + 3600e3, 40 * 86400e3, 3 * 365 * 86400e3].map(humanDuration)).toEqual([
      '5s',
      '3m20s',
      '20m',
      '5h3m',
      '30h',
      '3d1h',
      '40d',
      '3y',
    ]);
    expect(wantsTable('application/json;as=Table;v=v1;g=meta.k8s.io,application/json')).toBe(true);
    expect(wantsTable('application/json')).toBe(false);
    const now = Date.parse('2026-01-01T00:10:00Z');
    const w: KubeObject = {
      apiVersion: 'shop.example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w1', creationTimestamp: '2026-01-01T00:00:00Z' },
      spec: { size: 3 },
    };
    const crdColumns = crd.spec!['versions'] as Array<{ additionalPrinterColumns: Array<Record<string, unknown>> }>;
    const table = tableOf(columnsOf(widget, crdColumns[0]!.additionalPrinterColumns), [w], { now }) as {
      columnDefinitions: Array<{ name: string }>;
      rows: Array<{ cells: unknown[]; object: { kind: string } }>;
    };
    expect(table.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Size', 'Age']);
    expect(table.rows[0]!.cells).toEqual(['w1', 3, '10m']);
    expect(table.rows[0]!.object.kind).toBe('PartialObjectMetadata');
  });
});
