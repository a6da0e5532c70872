import { ApiError } from './errors.js';

/*
 * Kubernetes' protobuf envelope (`application/vnd.kubernetes.protobuf`), decoded for the kinds typed
 * clients write with it: Helm keeps its releases in Secrets (or ConfigMaps) through client-go, which
 * sends those as protobuf. The envelope is the magic `k8s\0` and a runtime.Unknown message (typeMeta,
 * raw); the raw message is decoded with the field numbers of k8s.io/api's generated.proto for
 * ObjectMeta, Secret, ConfigMap and DeleteOptions. Other kinds are refused with 415, so a client falls back or says so.
 */

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

interface Field {
  no: number;
  wire: number;
  value: bigint | Buffer;
}

function readVarint(buf: Buffer, at: number): [bigint, number] {
  let result = 0n;
  let shift = 0n;
  for (let i = at; i < buf.length; i++) {
    const b = buf[i]!;
    result |= BigInt(b & 0x7f) << shift;
    if ((b & 0x80) === 0) return [result, i + 1];
    shift += 7n;
    if (shift > 63n) break;
  }
  throw new ApiError(400, 'the protobuf body has a malformed varint');
}

function fields(buf: Buffer): Field[] {
  const out: Field[] = [];
  let at = 0;
  while (at < buf.length) {
    const [key, next] = readVarint(buf, at);
    at = next;
    const no = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (wire === 0) {
      const [v, n] = readVarint(buf, at);
      out.push({ no, wire, value: v });
      at = n;
    } else if (wire === 2) {
      const [len, n] = readVarint(buf, at);
      const end = n + Number(len);
      if (end > buf.length) throw new ApiError(400, 'the protobuf body is truncated');
      out.push({ no, wire, value: buf.subarray(n, end) });
      at = end;
    } else if (wire === 1) {
      out.push({ no, wire, value: buf.subarray(at, at + 8) });
      at += 8;
    } else if (wire === 5) {
      out.push({ no, wire, value: buf.subarray(at, at + 4) });
      at += 4;
    } else throw new ApiError(400, `the protobuf body has an unsupported wire type ${wire}`);
  }
  return out;
}

const text = (f: Field) => (f.value as Buffer).toString('utf8');
const bytes = (f: Field) => f.value as Buffer;
const int = (f: Field) => Number(f.value as bigint);

/** A map<string, V> entry (key = 1, value = 2). */
function entry(f: Field): [string, Buffer | undefined] {
  let key = '';
  let value: Buffer | undefined;
  for (const x of fields(bytes(f))) {
    if (x.no === 1) key = text(x);
    else if (x.no === 2) value = bytes(x);
  }
  return [key, value];
}

/** meta.v1.Time: seconds = 1, nanos = 2. */
function time(f: Field): string {
  let seconds = 0;
  for (const x of fields(bytes(f))) if (x.no === 1) seconds = int(x);
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function ownerReference(f: Field): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const x of fields(bytes(f))) {
    if (x.no === 1) out['kind'] = text(x);
    else if (x.no === 3) out['name'] = text(x);
    else if (x.no === 4) out['uid'] = text(x);
    else if (x.no === 5) out['apiVersion'] = text(x);
    else if (x.no === 6) out['controller'] = int(x) !== 0;
    else if (x.no === 7) out['blockOwnerDeletion'] = int(x) !== 0;
  }
  return out;
}

function objectMeta(buf: Buffer): Record<string, unknown> {
  const meta: Record<string, unknown> = {};
  const map = (key: string, f: Field) => {
    const [k, v] = entry(f);
    meta[key] = { ...(meta[key] as Record<string, string> | undefined), [k]: v?.toString('utf8') ?? '' };
  };
  for (const f of fields(buf)) {
    switch (f.no) {
      case 1:
        meta['name'] = text(f);
        break;
      case 2:
        meta['generateName'] = text(f);
        break;
      case 3:
        meta['namespace'] = text(f);
        break;
      case 5:
        meta['uid'] = text(f);
        break;
      case 6:
        meta['resourceVersion'] = text(f);
        break;
      case 7:
        meta['generation'] = int(f);
        break;
      case 8:
        meta['creationTimestamp'] = time(f);
        break;
      case 11:
        map('labels', f);
        break;
      case 12:
        map('annotations', f);
        break;
      case 13:
        meta['ownerReferences'] = [...((meta['ownerReferences'] as unknown[]) ?? []), ownerReference(f)];
        break;
      case 14:
        meta['finalizers'] = [...((meta['finalizers'] as string[]) ?? []), text(f)];
        break;
    }
  }
  // Empty strings are protobuf's absent values.
  for (const [k, v] of Object.entries(meta)) if (v === '') delete meta[k];
  return meta;
}

function secret(buf: Buffer): Record<string, unknown> {
  const out: Record<string, unknown> = { metadata: {} };
  for (const f of fields(buf)) {
    if (f.no === 1) out['metadata'] = objectMeta(bytes(f));
    else if (f.no === 2) {
      const [k, v] = entry(f);
      out['data'] = { ...(out['data'] as Record<string, string> | undefined), [k]: (v ?? Buffer.alloc(0)).toString('base64') };
    } else if (f.no === 3) out['type'] = text(f);
    else if (f.no === 4) {
      const [k, v] = entry(f);
      out['stringData'] = { ...(out['stringData'] as Record<string, string> | undefined), [k]: v?.toString('utf8') ?? '' };
    } else if (f.no === 5) out['immutable'] = int(f) !== 0;
  }
  return out;
}

function configMap(buf: Buffer): Record<string, unknown> {
  const out: Record<string, unknown> = { metadata: {} };
  for (const f of fields(buf)) {
    if (f.no === 1) out['metadata'] = objectMeta(bytes(f));
    else if (f.no === 2) {
      const [k, v] = entry(f);
      out['data'] = { ...(out['data'] as Record<string, string> | undefined), [k]: v?.toString('utf8') ?? '' };
    } else if (f.no === 3) {
      const [k, v] = entry(f);
      out['binaryData'] = { ...(out['binaryData'] as Record<string, string> | undefined), [k]: (v ?? Buffer.alloc(0)).toString('base64') };
    } else if (f.no === 4) out['immutable'] = int(f) !== 0;
  }
  return out;
}

/** meta.v1.DeleteOptions (what a typed client's delete sends). */
function deleteOptions(buf: Buffer): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields(buf)) {
    if (f.no === 1) out['gracePeriodSeconds'] = int(f);
    else if (f.no === 2) {
      const preconditions: Record<string, string> = {};
      for (const x of fields(bytes(f))) {
        if (x.no === 1) preconditions['uid'] = text(x);
        else if (x.no === 2) preconditions['resourceVersion'] = text(x);
      }
      out['preconditions'] = preconditions;
    } else if (f.no === 3) out['orphanDependents'] = int(f) !== 0;
    else if (f.no === 4) out['propagationPolicy'] = text(f);
    else if (f.no === 5) out['dryRun'] = [...((out['dryRun'] as string[]) ?? []), text(f)];
  }
  return out;
}

const DECODERS: Record<string, (buf: Buffer) => Record<string, unknown>> = {
  'v1/Secret': secret,
  'v1/ConfigMap': configMap,
  'v1/DeleteOptions': deleteOptions,
  'meta.k8s.io/v1/DeleteOptions': deleteOptions,
};

/** Decodes a protobuf request body into the JSON object it stands for. */
export function decodeProtobufObject(body: Buffer): Record<string, unknown> {
  if (body.length < 4 || !body.subarray(0, 4).equals(MAGIC)) throw new ApiError(400, 'the protobuf body does not start with the Kubernetes magic number');
  let apiVersion = '';
  let kind = '';
  let raw: Buffer = Buffer.alloc(0);
  for (const f of fields(body.subarray(4))) {
    if (f.no === 1)
      for (const t of fields(bytes(f))) {
        if (t.no === 1) apiVersion = text(t);
        else if (t.no === 2) kind = text(t);
      }
    else if (f.no === 2) raw = bytes(f);
  }
  const decode = DECODERS[`${apiVersion}/${kind}`];
  if (!decode)
    throw new ApiError(
      415,
      `protobuf bodies of ${kind || 'this kind'} (${apiVersion}) are not decoded by the sandbox: send application/json`,
      'UnsupportedMediaType',
    );
  return { apiVersion, kind, ...decode(raw) };
}
