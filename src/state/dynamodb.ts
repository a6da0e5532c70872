import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DynamoDBClient, TransactionCanceledException, ConditionalCheckFailedException, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  type BatchGetCommandOutput,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type PutCommandInput,
  type QueryCommandInput,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { GroupCommit, GroupRead } from './batching.js';
import type { DeploymentPlan } from '../plan/index.js';
import { ConflictError, FencedError, InstanceConflictError } from './errors.js';
import type {
  DeploymentRecord,
  EventRecord,
  ExecutionContext,
  ExecutionRecord,
  LockRecord,
  NodeInstanceRecord,
  RevisionRecord,
  RevisionSummary,
  StepOutcome,
  TaskRecord,
} from './records.js';
import type { InstanceChange, NodeInstanceUpdate, StateStore, StepContext, StepFence, TaskUpdate } from './store.js';
import { TABLE_DEFINITION } from './table.js';
import { eventsAfter, packEventPages } from './event-pages.js';

type Item = Record<string, unknown>;

const EVENT_TTL_SECONDS = 30 * 24 * 3600;
const BATCH = 25;

/** How long a creation claim keeps other drivers from creating the same deployment. */
const CREATION_CLAIM_MS = 5 * 60_000;

const keys = {
  deployment: (id: string) => ({ pk: `DEP#${id}`, sk: 'META' }),
  /** The list of deployments: one small item each under one key, so listing is a Query, never a Scan. */
  deploymentIndex: (id: string) => ({ pk: 'DEPLOYMENTS', sk: `DEP#${id}` }),
  instance: (dep: string, id: string) => ({ pk: `DEP#${dep}`, sk: `NI#${id}` }),
  execution: (dep: string, id: string) => ({ pk: `DEP#${dep}`, sk: `EXEC#${id}` }),
  executionIndex: (id: string) => ({ pk: `EXEC#${id}`, sk: 'META' }),
  task: (exec: string, id: string) => ({ pk: `EXEC#${exec}`, sk: `TASK#${id}` }),
  step: (exec: string, task: string, attempt: number) => ({ pk: `EXEC#${exec}`, sk: `STEP#${task}#${String(attempt).padStart(4, '0')}` }),
  event: (exec: string, id: string) => ({ pk: `EXEC#${exec}`, sk: `EVT#${id}` }),
  lock: (dep: string) => ({ pk: `DEP#${dep}`, sk: 'LOCK' }),
  creationClaim: (dep: string) => ({ pk: `DEP#${dep}`, sk: 'CREATING' }),
  blobPart: (digest: string, part: number) => ({ pk: `BLOB#${digest}`, sk: `PART#${String(part).padStart(4, '0')}` }),
  revision: (dep: string, n: number) => ({ pk: `DEP#${dep}`, sk: `REV#${String(n).padStart(10, '0')}` }),
};

/** Binary per blob item: well under DynamoDB's 400 KB item limit, keys and attribute names included. */
const BLOB_PART_BYTES = 300 * 1024;

export interface DynamoDbStateStoreOptions {
  tableName: string;
  client?: DynamoDBClient;
  clientConfig?: DynamoDBClientConfig;
}

/** Counts DynamoDB requests by command name (for benchmarks and write-budget tests). */
export type RequestCounts = Record<string, number>;

/** The StateStore on one DynamoDB table. */
export class DynamoDbStateStore implements StateStore {
  readonly tableName: string;
  readonly client: DynamoDBClient;
  readonly requestCounts: RequestCounts;
  private readonly doc: DynamoDBDocumentClient;
  /** Step records from concurrent steps of this process share transactions (see GroupCommit). */
  private readonly stepCommits: GroupCommit;
  private readonly stepReads: GroupRead;

  constructor(options: DynamoDbStateStoreOptions) {
    this.tableName = options.tableName;
    this.client = options.client ?? new DynamoDBClient({ maxAttempts: 8, ...options.clientConfig });
    this.requestCounts = requestCounter(this.client);
    this.doc = DynamoDBDocumentClient.from(this.client, { marshallOptions: { removeUndefinedValues: true } });
    this.stepCommits = new GroupCommit(async (items) => {
      // Alone, a bare step record is a conditional PutItem: cheaper than a transaction.
      const only = items.length === 1 ? items[0]!.Put : undefined;
      if (only) await this.doc.send(new PutCommand(only as PutCommandInput));
      else await this.doc.send(new TransactWriteCommand({ TransactItems: items as TransactWriteCommandInput['TransactItems'] }));
    });
    this.stepReads = new GroupRead((wanted) => this.batchGetAll(wanted));
  }

  // ---- deployments -------------------------------------------------------------------------

  /**
   * Creates a deployment and its instances, or refuses with ConflictError without writing any of
   * them. Two drivers creating the same id at once must not mix their instances: the first claims
   * the id (a conditional write), and only the claimant writes. A claim left by a driver that died
   * mid-create expires; the next creator clears what it left and takes over.
   */
  async createDeployment(d: DeploymentRecord, instances: NodeInstanceRecord[]): Promise<void> {
    const now = Date.now();
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.creationClaim(d.id), claimedAt: now, expiresAt: now + CREATION_CLAIM_MS },
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
          ExpressionAttributeValues: { ':now': now },
        }),
      );
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
      throw new ConflictError(
        (await this.getDeployment(d.id)) ? `deployment '${d.id}' already exists` : `deployment '${d.id}' is being created by another driver`,
      );
    }
    // A claim taken over from a dead creator: its instances go first (there is no META yet).
    const stale = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :ni)',
      ExpressionAttributeValues: { ':pk': `DEP#${d.id}`, ':ni': 'NI#' },
      ProjectionExpression: 'pk, sk',
      ConsistentRead: true,
    });
    await this.batchDelete(stale);
    // Instances and the index entry first: the META item, written last and only once, marks a
    // complete deployment (listing skips index entries whose META is missing).
    await this.putNodeInstances(instances);
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.deploymentIndex(d.id), id: d.id } }));
    try {
      await this.doc.send(new PutCommand({ TableName: this.tableName, Item: this.deploymentItem(d), ConditionExpression: 'attribute_not_exists(pk)' }));
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw new ConflictError(`deployment '${d.id}' already exists`);
      throw err;
    }
  }

  async getDeployment(id: string): Promise<DeploymentRecord | undefined> {
    const r = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.deployment(id), ConsistentRead: true }));
    return r.Item ? this.deploymentFrom(r.Item) : undefined;
  }

  async updateDeployment(id: string, expectedVersion: number, patch: Partial<Omit<DeploymentRecord, 'id' | 'version'>>): Promise<DeploymentRecord> {
    const current = await this.getDeployment(id);
    if (!current) throw new ConflictError(`deployment '${id}' does not exist`);
    if (current.version !== expectedVersion) throw new ConflictError(`deployment '${id}' changed (version ${current.version}, expected ${expectedVersion})`);
    const next: DeploymentRecord = { ...current, ...patch, id, version: expectedVersion + 1, updatedAt: new Date().toISOString() };
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: this.deploymentItem(next),
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': expectedVersion },
        }),
      );
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw new ConflictError(`deployment '${id}' changed concurrently`);
      throw err;
    }
    return next;
  }

  async listDeployments(): Promise<DeploymentRecord[]> {
    const ids = (
      await this.queryAll({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'DEPLOYMENTS' },
        ConsistentRead: true,
      })
    ).map((i) => String(i['id']));
    const out: DeploymentRecord[] = [];
    for (let i = 0; i < ids.length; i += 100) {
      for (const item of await this.batchGetAll(ids.slice(i, i + 100).map((id) => keys.deployment(id)))) out.push(this.deploymentFrom(item));
    }
    return out.sort((a, b) => a.id.localeCompare(b.id));
  }

  /**
   * Deletes a deployment and everything of it, holding its lock: the last write (META, index
   * entry and the lock itself) is conditional on the lock still being `lock`, so a driver that
   * took the deployment meanwhile keeps it. Interrupted, it can be run again.
   */
  async deleteDeployment(id: string, lock: LockRecord): Promise<void> {
    const held = await this.getLock(id);
    if (!held || held.fencingToken !== lock.fencingToken || held.executionId !== lock.executionId)
      throw new FencedError(`deployment '${id}' is not held by this driver: not deleted`);
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `DEP#${id}` },
      ProjectionExpression: 'pk, sk',
    });
    for (const item of items) {
      const sk = String(item['sk']);
      if (sk.startsWith('EXEC#')) {
        const execId = sk.slice(5);
        const execItems = await this.queryAll({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `EXEC#${execId}` },
          ProjectionExpression: 'pk, sk',
        });
        await this.batchDelete(execItems);
      }
    }
    await this.batchDelete(items.filter((i) => i['sk'] !== 'META' && i['sk'] !== 'LOCK'));
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Delete: {
                TableName: this.tableName,
                Key: keys.lock(id),
                ConditionExpression: 'fencingToken = :t AND executionId = :e',
                ExpressionAttributeValues: { ':t': lock.fencingToken, ':e': lock.executionId },
              },
            },
            { Delete: { TableName: this.tableName, Key: keys.deployment(id) } },
            { Delete: { TableName: this.tableName, Key: keys.deploymentIndex(id) } },
          ],
        }),
      );
    } catch (err) {
      if (err instanceof TransactionCanceledException && err.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed')
        throw new FencedError(`deployment '${id}' was taken by another driver while it was being deleted`);
      throw err;
    }
  }

  // ---- node instances ------------------------------------------------------------------------

  async putNodeInstances(instances: NodeInstanceRecord[]): Promise<void> {
    await this.batchPut(instances.map((ni) => ({ ...keys.instance(ni.deploymentId, ni.id), ...ni })));
  }

  async getNodeInstance(deploymentId: string, id: string): Promise<NodeInstanceRecord | undefined> {
    const r = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.instance(deploymentId, id), ConsistentRead: true }));
    return r.Item ? (strip(r.Item) as unknown as NodeInstanceRecord) : undefined;
  }

  async listNodeInstances(deploymentId: string): Promise<NodeInstanceRecord[]> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :ni)',
      ExpressionAttributeValues: { ':pk': `DEP#${deploymentId}`, ':ni': 'NI#' },
      ConsistentRead: true,
    });
    return items.map((i) => strip(i) as unknown as NodeInstanceRecord);
  }

  async updateNodeInstance(deploymentId: string, id: string, expectedVersion: number, update: NodeInstanceUpdate): Promise<NodeInstanceRecord> {
    try {
      const r = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.instance(deploymentId, id),
          ...instanceUpdateExpression(expectedVersion, update),
          ReturnValues: 'ALL_NEW',
        }),
      );
      return strip(r.Attributes ?? {}) as unknown as NodeInstanceRecord;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException)
        throw new ConflictError(`node instance '${id}' changed concurrently (expected version ${expectedVersion})`);
      throw err;
    }
  }

  async setNodeInstanceFields(deploymentId: string, id: string, update: NodeInstanceUpdate): Promise<NodeInstanceRecord> {
    try {
      const r = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.instance(deploymentId, id),
          ...instanceUpdateExpression(undefined, update),
          ReturnValues: 'ALL_NEW',
        }),
      );
      return strip(r.Attributes ?? {}) as unknown as NodeInstanceRecord;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw new ConflictError(`node instance '${id}' does not exist`);
      throw err;
    }
  }

  async deleteNodeInstances(deploymentId: string, ids: string[]): Promise<void> {
    await this.batchDelete(ids.map((id) => keys.instance(deploymentId, id)));
  }

  // ---- executions and tasks ------------------------------------------------------------------

  async createExecution(e: ExecutionRecord, tasks: TaskRecord[]): Promise<void> {
    // Tasks first; the execution item, written last, marks a complete graph.
    await this.batchPut([...tasks.map((t) => ({ ...keys.task(e.id, t.id), ...t })), { ...keys.executionIndex(e.id), deploymentId: e.deploymentId }]);
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.execution(e.deploymentId, e.id), ...executionItem(e) },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw new ConflictError(`execution '${e.id}' already exists`);
      throw err;
    }
  }

  async getExecution(deploymentId: string, id: string): Promise<ExecutionRecord | undefined> {
    const r = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.execution(deploymentId, id), ConsistentRead: true }));
    return r.Item ? executionFrom(r.Item) : undefined;
  }

  async findExecution(id: string): Promise<ExecutionRecord | undefined> {
    const r = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.executionIndex(id), ConsistentRead: true }));
    const dep = r.Item?.['deploymentId'];
    return typeof dep === 'string' ? this.getExecution(dep, id) : undefined;
  }

  async listExecutions(deploymentId: string): Promise<ExecutionRecord[]> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :e)',
      ExpressionAttributeValues: { ':pk': `DEP#${deploymentId}`, ':e': 'EXEC#' },
      ConsistentRead: true,
    });
    return items.map(executionFrom).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  // ---- revisions (deployment history) --------------------------------------------------------

  async putRevision(r: RevisionRecord): Promise<void> {
    // The plan is a content-addressed blob: a rollback to an earlier plan stores nothing new.
    const json = JSON.stringify(r.plan);
    const planBlob = createHash('sha256').update(json).digest('hex');
    const data = gzipSync(json);
    // One part (the usual case) is one write: the same content written again changes nothing.
    if (data.length <= BLOB_PART_BYTES)
      await this.doc.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.blobPart(planBlob, 0), data, parts: 1, size: data.length } }));
    else await this.putBlobs([{ digest: planBlob, data }]);
    const { plan: _plan, ...rest } = r;
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.revision(r.deploymentId, r.revision), ...rest, planBlob },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw new ConflictError(`revision ${r.revision} of '${r.deploymentId}' already exists`);
      throw err;
    }
  }

  async listRevisions(deploymentId: string): Promise<RevisionRecord[]> {
    const summaries = await this.listRevisionSummaries(deploymentId);
    const full = await Promise.all(summaries.map((r) => this.getRevision(deploymentId, r.revision)));
    return full.filter((r): r is RevisionRecord => r !== undefined);
  }

  async listRevisionSummaries(deploymentId: string): Promise<RevisionSummary[]> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :r)',
      ExpressionAttributeValues: { ':pk': `DEP#${deploymentId}`, ':r': 'REV#' },
      ConsistentRead: true,
    });
    return items
      .map((item) => {
        const { planBlob: _plan, ...rest } = strip(item);
        return rest as unknown as RevisionSummary;
      })
      .sort((a, b) => a.revision - b.revision);
  }

  async getRevision(deploymentId: string, revision: number): Promise<RevisionRecord | undefined> {
    const r = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.revision(deploymentId, revision), ConsistentRead: true }));
    if (!r.Item) return undefined;
    const { planBlob, ...rest } = strip(r.Item);
    const blob = await this.getBlob(String(planBlob));
    if (!blob) return undefined;
    return { ...(rest as unknown as Omit<RevisionRecord, 'plan'>), plan: JSON.parse(gunzipSync(blob).toString('utf8')) as DeploymentPlan };
  }

  async updateExecution(
    deploymentId: string,
    id: string,
    expectedVersion: number,
    patch: Partial<Omit<ExecutionRecord, 'id' | 'deploymentId' | 'version'>>,
  ): Promise<ExecutionRecord> {
    try {
      const r = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.execution(deploymentId, id),
          ...setExpression(expectedVersion, executionItem(patch)),
          ReturnValues: 'ALL_NEW',
        }),
      );
      return executionFrom(r.Attributes ?? {});
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw new ConflictError(`execution '${id}' changed concurrently`);
      throw err;
    }
  }

  async listTasks(executionId: string): Promise<TaskRecord[]> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :t)',
      ExpressionAttributeValues: { ':pk': `EXEC#${executionId}`, ':t': 'TASK#' },
      ConsistentRead: true,
    });
    return items.map((i) => strip(i) as unknown as TaskRecord);
  }

  async updateTask(executionId: string, id: string, expectedVersion: number, update: TaskUpdate): Promise<TaskRecord> {
    try {
      const r = await this.doc.send(
        new UpdateCommand({ TableName: this.tableName, Key: keys.task(executionId, id), ...setExpression(expectedVersion, update), ReturnValues: 'ALL_NEW' }),
      );
      return strip(r.Attributes ?? {}) as unknown as TaskRecord;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw new ConflictError(`task '${id}' changed concurrently`);
      throw err;
    }
  }

  // ---- steps (idempotency) --------------------------------------------------------------------

  async recordStep(
    key: { executionId: string; taskId: string; attempt: number },
    outcome: StepOutcome,
    instanceChanges?: InstanceChange | readonly InstanceChange[],
    fence?: StepFence,
  ): Promise<{ recorded: boolean; outcome: StepOutcome }> {
    const changes: readonly InstanceChange[] = instanceChanges === undefined ? [] : 'update' in instanceChanges ? [instanceChanges] : instanceChanges;
    const stepPut = {
      TableName: this.tableName,
      Item: { ...keys.step(key.executionId, key.taskId, key.attempt), outcome },
      ConditionExpression: 'attribute_not_exists(pk)',
    };
    // The lock check is shared by every step of the deployment committed in the same transaction.
    const lockCheck = fence
      ? [
          {
            ConditionCheck: {
              TableName: this.tableName,
              Key: keys.lock(fence.deploymentId),
              ConditionExpression: 'fencingToken = :t AND executionId = :e',
              ExpressionAttributeValues: { ':t': fence.fencingToken, ':e': fence.executionId },
            },
          },
        ]
      : [];
    const at = fence ? 1 : 0;
    try {
      await this.stepCommits.write(
        [
          { Put: stepPut },
          ...changes.map((change) => ({
            Update: {
              TableName: this.tableName,
              Key: keys.instance(change.deploymentId, change.id),
              ...instanceUpdateExpression(change.expectedVersion, change.update),
            },
          })),
        ],
        lockCheck,
      );
      return { recorded: true, outcome };
    } catch (err) {
      const reasons = err instanceof TransactionCanceledException ? (err.CancellationReasons ?? []) : [];
      const stepExists = (err instanceof ConditionalCheckFailedException && !fence) || reasons[at]?.Code === 'ConditionalCheckFailed';
      if (stepExists) {
        const prior = await this.getStep(key);
        if (prior) return { recorded: false, outcome: prior };
      }
      if (fence && reasons[0]?.Code === 'ConditionalCheckFailed') {
        throw new FencedError(
          `the lock of deployment '${fence.deploymentId}' no longer belongs to execution ${fence.executionId} with fencing token ${fence.fencingToken}: another driver took over, so this step's outcome is not recorded`,
        );
      }
      const lost = changes.findIndex((_, i) => reasons[at + 1 + i]?.Code === 'ConditionalCheckFailed');
      if (lost >= 0) throw new InstanceConflictError(changes[lost]!.id);
      throw err;
    }
  }

  async getStepContext(key: { executionId: string; taskId: string; attempt: number }, deploymentId: string, instanceIds: string[]): Promise<StepContext> {
    const wanted: Item[] = [
      keys.step(key.executionId, key.taskId, key.attempt),
      keys.task(key.executionId, key.taskId),
      keys.lock(deploymentId),
      ...[...new Set(instanceIds)].map((id) => keys.instance(deploymentId, id)),
    ];
    const found = await this.stepReads.read(wanted);
    const context: StepContext = { instances: new Map() };
    for (const item of found) {
      const sk = String(item['sk']);
      if (sk.startsWith('STEP#')) context.step = item['outcome'] as StepOutcome;
      else if (sk.startsWith('TASK#')) context.task = strip(item) as unknown as TaskRecord;
      else if (sk === 'LOCK') context.lock = lockFrom(item);
      else {
        const rec = strip(item) as unknown as NodeInstanceRecord;
        context.instances.set(rec.id, rec);
      }
    }
    return context;
  }

  async getStep(key: { executionId: string; taskId: string; attempt: number }): Promise<StepOutcome | undefined> {
    const r = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.step(key.executionId, key.taskId, key.attempt), ConsistentRead: true }),
    );
    return r.Item ? (r.Item['outcome'] as StepOutcome) : undefined;
  }

  async listSteps(executionId: string): Promise<Array<{ taskId: string; attempt: number; outcome: StepOutcome }>> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':pk': `EXEC#${executionId}`, ':s': 'STEP#' },
      ConsistentRead: true,
    });
    return items.map((i) => {
      const sk = String(i['sk']);
      const hash = sk.lastIndexOf('#');
      return { taskId: sk.slice(5, hash), attempt: Number(sk.slice(hash + 1)), outcome: i['outcome'] as StepOutcome };
    });
  }

  // ---- events --------------------------------------------------------------------------------

  async appendEvents(events: EventRecord[]): Promise<void> {
    const expires = Math.floor(Date.now() / 1000) + EVENT_TTL_SECONDS;
    // A page is keyed by its last event id: writing the same events again rewrites the same item.
    await this.batchPut(
      packEventPages(events).map((page) => ({
        ...keys.event(page[0]!.executionId, page[page.length - 1]!.id),
        events: page,
        [TABLE_DEFINITION.ttlAttribute]: expires,
      })),
    );
  }

  async listEvents(executionId: string, afterId?: string): Promise<EventRecord[]> {
    const items = await this.queryAll({
      TableName: this.tableName,
      // Pages whose last event comes after `afterId`: only those can hold later events.
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      // Expired items stay readable until TTL deletes them (up to ~48 h): filter them out.
      FilterExpression: 'expiresAtEpoch > :now',
      ExpressionAttributeValues: {
        ':pk': `EXEC#${executionId}`,
        ':from': afterId ? `EVT#${afterId}` : 'EVT#',
        ':to': 'EVT#\uffff',
        ':now': Math.floor(Date.now() / 1000),
      },
      ConsistentRead: true,
    });
    // Tables written before events were paged hold one event per item.
    return eventsAfter(
      items.map((i) => (Array.isArray(i['events']) ? (i['events'] as EventRecord[]) : [strip(i) as unknown as EventRecord])),
      afterId,
    );
  }

  // ---- locks ---------------------------------------------------------------------------------

  async acquireLock(deploymentId: string, executionId: string, owner: string, leaseMs: number): Promise<LockRecord> {
    const now = Date.now();
    try {
      const r = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.lock(deploymentId),
          UpdateExpression: 'SET executionId = :e, #owner = :o, expiresAt = :x, deploymentId = :d ADD fencingToken :one',
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now OR (#owner = :o AND executionId = :e)',
          ExpressionAttributeNames: { '#owner': 'owner' },
          ExpressionAttributeValues: { ':e': executionId, ':o': owner, ':x': now + leaseMs, ':d': deploymentId, ':one': 1, ':now': now },
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return lockFrom(r.Attributes ?? {});
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) {
        const held = err.Item ? lockFrom(unmarshallLoose(err.Item)) : await this.getLock(deploymentId);
        throw new ConflictError(
          `deployment '${deploymentId}' is locked by execution ${held?.executionId ?? '?'} (${held?.owner ?? '?'}) until ${held ? new Date(held.expiresAt).toISOString() : '?'}`,
          held ? { executionId: held.executionId, owner: held.owner, expiresAt: held.expiresAt } : undefined,
        );
      }
      throw err;
    }
  }

  async renewLock(lock: LockRecord, leaseMs: number): Promise<LockRecord> {
    try {
      const r = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.lock(lock.deploymentId),
          UpdateExpression: 'SET expiresAt = :x',
          ConditionExpression: 'fencingToken = :t AND #owner = :o',
          ExpressionAttributeNames: { '#owner': 'owner' },
          ExpressionAttributeValues: { ':x': Date.now() + leaseMs, ':t': lock.fencingToken, ':o': lock.owner },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return lockFrom(r.Attributes ?? {});
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException)
        throw new ConflictError(`lost the lock on deployment '${lock.deploymentId}': another driver took it over`);
      throw err;
    }
  }

  async releaseLock(lock: LockRecord): Promise<void> {
    try {
      await this.doc.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: keys.lock(lock.deploymentId),
          ConditionExpression: 'fencingToken = :t',
          ExpressionAttributeValues: { ':t': lock.fencingToken },
        }),
      );
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err; // someone else holds it now: nothing to release
    }
  }

  async getLock(deploymentId: string): Promise<LockRecord | undefined> {
    const r = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.lock(deploymentId), ConsistentRead: true }));
    return r.Item ? lockFrom(r.Item) : undefined;
  }

  // ---- content-addressed blobs (blueprint files shipped to the step Lambda) -----------------

  async putBlobs(blobs: Array<{ digest: string; data: Uint8Array }>): Promise<void> {
    // Content-addressed: a blob already stored is never written again. The part count is on
    // part 0, which is written last, so a blob is visible only once it is complete.
    const known = await this.existingBlobs(blobs.map((b) => b.digest));
    for (const blob of blobs) {
      if (known.has(blob.digest)) continue;
      known.add(blob.digest);
      const parts = Math.max(1, Math.ceil(blob.data.length / BLOB_PART_BYTES));
      const item = (n: number): Item => ({
        ...keys.blobPart(blob.digest, n),
        data: blob.data.subarray(n * BLOB_PART_BYTES, (n + 1) * BLOB_PART_BYTES),
        ...(n === 0 ? { parts, size: blob.data.length } : {}),
      });
      await this.batchPut(Array.from({ length: parts - 1 }, (_, i) => item(i + 1)));
      await this.doc.send(new PutCommand({ TableName: this.tableName, Item: item(0) }));
    }
  }

  async getBlob(digest: string): Promise<Uint8Array | undefined> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `BLOB#${digest}` },
      ConsistentRead: true,
    });
    const head = items.find((i) => i['sk'] === 'PART#0000');
    if (!head) return undefined;
    const parts = items.sort((a, b) => String(a['sk']).localeCompare(String(b['sk']))).map((i) => i['data'] as Uint8Array);
    if (parts.length !== Number(head['parts'])) return undefined;
    return Buffer.concat(parts);
  }

  /** Strongly consistent BatchGetItem of up to 100 keys, unprocessed keys included. */
  private async batchGetAll(wanted: Item[]): Promise<Item[]> {
    const found: Item[] = [];
    let pending: Item[] | undefined = wanted;
    for (let round = 0; pending && pending.length > 0; round++) {
      const r: BatchGetCommandOutput = await this.doc.send(
        new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true } } }),
      );
      found.push(...((r.Responses?.[this.tableName] ?? []) as Item[]));
      pending = r.UnprocessedKeys?.[this.tableName]?.Keys as Item[] | undefined;
      if (pending && pending.length > 0) await new Promise((res) => setTimeout(res, Math.min(1000, 20 * 2 ** round)));
    }
    return found;
  }

  private async existingBlobs(digests: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    const unique = [...new Set(digests)];
    for (let i = 0; i < unique.length; i += 100) {
      let request: BatchGetCommandOutput['UnprocessedKeys'] = {
        [this.tableName]: { Keys: unique.slice(i, i + 100).map((d) => keys.blobPart(d, 0)), ProjectionExpression: 'pk' },
      };
      for (let round = 0; request && Object.keys(request).length > 0; round++) {
        const r: BatchGetCommandOutput = await this.doc.send(new BatchGetCommand({ RequestItems: request }));
        for (const item of r.Responses?.[this.tableName] ?? []) found.add(String(item['pk']).slice('BLOB#'.length));
        request = r.UnprocessedKeys;
        if (request && Object.keys(request).length > 0) await new Promise((res) => setTimeout(res, Math.min(2000, 25 * 2 ** round)));
      }
    }
    return found;
  }

  // ---- helpers -------------------------------------------------------------------------------

  private deploymentItem(d: DeploymentRecord): Item {
    const { plan, ...rest } = d;
    return { ...keys.deployment(d.id), ...rest, planGz: gzipSync(JSON.stringify(plan)) };
  }

  private deploymentFrom(item: Item): DeploymentRecord {
    const { planGz, ...rest } = strip(item);
    const plan = JSON.parse(gunzipSync(planGz as Uint8Array).toString('utf8')) as DeploymentPlan;
    return { ...(rest as unknown as Omit<DeploymentRecord, 'plan'>), plan };
  }

  private async queryAll(input: QueryCommandInput): Promise<Item[]> {
    const out: Item[] = [];
    let start: Item | undefined;
    do {
      const r = await this.doc.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
      out.push(...((r.Items ?? []) as Item[]));
      start = r.LastEvaluatedKey;
    } while (start);
    return out;
  }

  private async batchPut(items: Item[]): Promise<void> {
    await this.batchWrite(items.map((Item) => ({ PutRequest: { Item } })));
  }

  private async batchDelete(keyItems: Item[]): Promise<void> {
    await this.batchWrite(keyItems.map((k) => ({ DeleteRequest: { Key: { pk: k['pk'], sk: k['sk'] } } })));
  }

  private async batchWrite(requests: Array<{ PutRequest?: { Item: Item }; DeleteRequest?: { Key: Item } }>): Promise<void> {
    for (let i = 0; i < requests.length; i += BATCH) {
      let pending = requests.slice(i, i + BATCH);
      for (let round = 0; pending.length > 0; round++) {
        const r = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }));
        pending = (r.UnprocessedItems?.[this.tableName] ?? []) as typeof pending;
        if (pending.length > 0) await new Promise((res) => setTimeout(res, Math.min(2000, 25 * 2 ** round)));
      }
    }
  }
}

const counters = new WeakMap<DynamoDBClient, RequestCounts>();

/** Counts a client's requests by command (one counter per client, shared by stores on it). */
function requestCounter(client: DynamoDBClient): RequestCounts {
  let counts = counters.get(client);
  if (!counts) {
    const c: RequestCounts = {};
    counts = c;
    counters.set(client, c);
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const name = context.commandName ?? 'unknown';
        c[name] = (c[name] ?? 0) + 1;
        return next(args);
      },
      { step: 'initialize', name: 'isthmusRequestCounter' },
    );
  }
  return counts;
}

/**
 * An execution's context holds whole plans (a scale's, an update's two): stored gzipped as one
 * binary attribute, as a deployment's plan is, so a large deployment's execution fits in an item.
 */
function executionItem<T extends { context?: ExecutionContext }>(e: T): Omit<T, 'context'> & { contextGz?: Uint8Array } {
  const { context, ...rest } = e;
  return context === undefined ? rest : { ...rest, contextGz: gzipSync(JSON.stringify(context)) };
}

function executionFrom(item: Item): ExecutionRecord {
  const { contextGz, context: legacy, ...rest } = strip(item);
  const record = rest as unknown as ExecutionRecord;
  if (contextGz instanceof Uint8Array) record.context = JSON.parse(gunzipSync(contextGz).toString('utf8')) as ExecutionContext;
  else if (legacy && typeof legacy === 'object') record.context = fromLegacyContext(legacy as Record<string, Record<string, unknown>>);
  return record;
}

/** Executions stored before contexts were compressed whole kept each plan as gzip + base64 text. */
function fromLegacyContext(context: Record<string, Record<string, unknown>>): ExecutionContext {
  const plan = (text: unknown) => JSON.parse(gunzipSync(Buffer.from(String(text), 'base64')).toString('utf8')) as DeploymentPlan;
  const out = { ...context } as Record<string, unknown>;
  const { scale, update } = context;
  if (scale && 'planGz' in scale) {
    const { planGz, ...restOfScale } = scale;
    out['scale'] = { ...restOfScale, plan: plan(planGz) };
  }
  if (update && 'planGz' in update) {
    const { planGz, finalPlanGz, ...restOfUpdate } = update;
    out['update'] = { ...restOfUpdate, plan: plan(planGz), finalPlan: plan(finalPlanGz) };
  }
  return out as ExecutionContext;
}

function strip(item: Item): Item {
  const { pk: _pk, sk: _sk, expiresAtEpoch: _ttl, ...rest } = item;
  return rest;
}

function lockFrom(item: Item): LockRecord {
  return {
    deploymentId: String(item['deploymentId']),
    executionId: String(item['executionId']),
    owner: String(item['owner']),
    expiresAt: Number(item['expiresAt']),
    fencingToken: Number(item['fencingToken']),
  };
}

/** The SDK returns the old item of a failed condition in attribute-value form. */
function unmarshallLoose(item: Record<string, unknown>): Item {
  const out: Item = {};
  for (const [k, v] of Object.entries(item)) {
    const av = v as { S?: string; N?: string };
    out[k] = av.S ?? (av.N !== undefined ? Number(av.N) : undefined);
  }
  return out;
}

function setExpression(expectedVersion: number, patch: Record<string, unknown>) {
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':expected': expectedVersion, ':next': expectedVersion + 1 };
  const sets = ['#version = :next'];
  const removes: string[] = [];
  Object.entries(patch).forEach(([k, v], i) => {
    names[`#f${i}`] = k;
    if (v === undefined) removes.push(`#f${i}`);
    else {
      values[`:v${i}`] = v;
      sets.push(`#f${i} = :v${i}`);
    }
  });
  return {
    UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
    ConditionExpression: '#version = :expected',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

function instanceUpdateExpression(expectedVersion: number | undefined, update: NodeInstanceUpdate) {
  if (expectedVersion !== undefined) return setExpression(expectedVersion, { ...update });
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':one': 1 };
  const sets: string[] = [];
  Object.entries(update).forEach(([k, v], i) => {
    if (v === undefined) return;
    names[`#f${i}`] = k;
    values[`:v${i}`] = v;
    sets.push(`#f${i} = :v${i}`);
  });
  return {
    UpdateExpression: `${sets.length ? `SET ${sets.join(', ')} ` : ''}ADD #version :one`,
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
