import { describe, expect, it } from 'vitest';
import type { YamlValue } from '../../dsl/index.js';
import { asStored, fieldDifferences } from './drift.js';
import type { K8sObject } from './health.js';

describe('Kubernetes drift', () => {
  it("compares a Secret's stringData as the server stores it (base64 in data), so an untouched Secret is in sync", () => {
    const desired = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      stringData: { password: 'pw' },
      data: { user: 'YWRtaW4=' },
    } as unknown as K8sObject;
    const live = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', uid: 'x' }, data: { user: 'YWRtaW4=', password: 'cHc=' }, type: 'Opaque' };
    expect(fieldDifferences(asStored(desired) as unknown as YamlValue, live)).toEqual([]);
    expect(fieldDifferences(asStored(desired) as unknown as YamlValue, { ...live, data: { user: 'YWRtaW4=', password: 'b3RoZXI=' } })).toEqual([
      'data.password',
    ]);
  });

  it('reports the fields the definition sets that differ or are missing, not those the server adds', () => {
    expect(
      fieldDifferences({ spec: { replicas: 2, ports: [{ port: 80 }] } }, { spec: { replicas: 2, ports: [{ port: '80', protocol: 'TCP' }] }, status: {} }),
    ).toEqual([]);
    expect(fieldDifferences({ spec: { replicas: 2 }, data: { a: '1' } }, { spec: { replicas: 3 } })).toEqual(['spec.replicas', 'data']);
  });
});
