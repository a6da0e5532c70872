import { describe, expect, it } from 'vitest';
import { BUILTIN_TYPES, ResourceCatalog, type ResourceType } from './catalog.js';
import type { KubeObject } from './objects.js';
import { crdSchemaFrom, openApiV2Document, openApiV3Document, openApiV3Index, schemaCauses, schemaName, unknownFields } from './openapi.js';
import { startSandbox } from './index.js';
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

describe('writes are checked against the same schemas', () => {
  it("a CRD's custom resources against its openAPIV3Schema: types, required fields, enums, bounds (as the API server words them)", async () => {
    const schema = crdSchemaFrom(() => ({
      ...crd,
      spec: {
        versions: [
          {
            name: 'v1',
            schema: {
              openAPIV3Schema: {
                type: 'object',
                properties: {
                  spec: {
                    type: 'object',
                    required: ['size'],
                    properties: {
                      size: { type: 'integer', minimum: 1 },
                      mode: { type: 'string', enum: ['fast', 'safe'] },
                      tags: { type: 'array', items: { type: 'string' } },
                    },
                  },
                },
              },
            },
          },
        ],
      },
    }));
    const causes = (spec: Record<string, unknown>) =>
      schemaCauses(catalog, widget, 'v1', { apiVersion: 'shop.example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec }, schema);
    expect(causes({ size: 2, mode: 'fast', tags: ['a'] })).toEqual([]);
    expect(causes({ size: 'big', mode: 'slow', tags: [1] }).map((c) => `${c.field}: ${c.message}`)).toEqual([
      'spec.size: Invalid value: "big": spec.size in body must be of type integer: "string"',
      'spec.mode: Unsupported value: "slow": supported values: "fast", "safe"',
      'spec.tags[0]: Invalid value: 1: spec.tags[0] in body must be of type string: "number"',
    ]);
    expect(causes({ mode: 'fast' }).map((c) => `${c.field}: ${c.message}`)).toEqual(['spec.size: Required value']);
    expect(causes({ size: 0 }).map((c) => c.message)).toEqual(['Invalid value: 0: spec.size in body should be greater than or equal to 1']);
  });

  it('the sandbox refuses a custom resource its CRD schema refuses (422), and a built-in object whose port is out of range', async () => {
    const sb = await startSandbox();
    try {
      const crdType = sb.api.catalog.byKind('apiextensions.k8s.io', 'CustomResourceDefinition')!;
      sb.api.create(crdType, undefined, {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'gadgets.shop.example.com' },
        spec: {
          group: 'shop.example.com',
          scope: 'Namespaced',
          names: { plural: 'gadgets', kind: 'Gadget', singular: 'gadget' },
          versions: [
            {
              name: 'v1',
              served: true,
              storage: true,
              schema: {
                openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', required: ['size'], properties: { size: { type: 'integer' } } } } },
              },
            },
          ],
        },
      });
      const gadgets = sb.api.catalog.byKind('shop.example.com', 'Gadget')!;
      expect(() =>
        sb.api.create(gadgets, 'default', { apiVersion: 'shop.example.com/v1', kind: 'Gadget', metadata: { name: 'g' }, spec: { size: 'big' } }),
      ).toThrow(/spec\.size in body must be of type integer/);
      sb.api.create(gadgets, 'default', { apiVersion: 'shop.example.com/v1', kind: 'Gadget', metadata: { name: 'g' }, spec: { size: 3 } });
      const services = sb.api.catalog.byKind('', 'Service')!;
      expect(() =>
        sb.api.create(services, 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 70000 }] } }),
      ).toThrow(/must be between 1 and 65535/);
    } finally {
      await sb.close();
    }
  });
});
