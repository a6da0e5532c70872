import { ChangeResourceRecordSetsCommand, GetChangeCommand, Route53Client, type ResourceRecordSet } from '@aws-sdk/client-route-53';
import type { YamlMap } from '../../dsl/index.js';
import { OperationError } from '../../runtime/errors.js';
import type { OperationContext, OperationFunction } from '../../runtime/types.js';
import { apiParameters, awsSettings, call, clientFor, isExternal, isMap, must, properties, remember, requiredRelatedId, waitSeconds } from './common.js';

const HOSTED_ZONE = 'cloudify.nodes.aws.route53.HostedZone';

/**
 * The record from resource_config, in Cloudify's shape (`ResourceRecordSet: {Name, Type, TTL,
 * ResourceRecords}`) or flat. A Service's address is usually a get_attribute, e.g.
 * `{Value: {get_attribute: [wordpress_service, load_balancer]}}`; a hostname (an AWS load
 * balancer) becomes a CNAME when Type is left out, an IP an A record.
 */
function recordOf(ctx: OperationContext, params: YamlMap): ResourceRecordSet {
  const r = (isMap(params['ResourceRecordSet']) ? params['ResourceRecordSet'] : params) as YamlMap;
  const name = r['Name'];
  const records = Array.isArray(r['ResourceRecords']) ? (r['ResourceRecords'] as YamlMap[]).map((x) => ({ Value: String(isMap(x) ? x['Value'] : x) })) : [];
  if (typeof name !== 'string' || !name) throw new OperationError(`node '${ctx.node.id}': resource_config.ResourceRecordSet.Name is required`, false);
  if (records.length === 0 && !isMap(r['AliasTarget'])) throw new OperationError(`node '${ctx.node.id}': the record ${name} has no ResourceRecords`, false);
  if (records.some((x) => x.Value === '' || x.Value === 'null'))
    throw new OperationError(`the record ${name} points at an empty address (is the load balancer ready?)`, true);
  const type = typeof r['Type'] === 'string' ? r['Type'] : records.every((x) => /^\d+\.\d+\.\d+\.\d+$/.test(x.Value)) ? 'A' : 'CNAME';
  return {
    ...(r as unknown as ResourceRecordSet),
    Name: name,
    Type: type as ResourceRecordSet['Type'],
    TTL: typeof r['TTL'] === 'number' ? r['TTL'] : 300,
    ...(records.length ? { ResourceRecords: records } : {}),
  };
}

/** create: UPSERT (so a re-run converges), then wait until Route 53 reports the change INSYNC. */
async function recordCreate(ctx: OperationContext): Promise<void> {
  const props = await properties(ctx);
  const params = apiParameters(props, ctx.inputs);
  const route53 = clientFor(Route53Client, await awsSettings(ctx));
  const rp = ctx.instance.runtimeProperties;
  if (typeof rp['change_id'] !== 'string') {
    const zone = await requiredRelatedId(ctx, params, 'HostedZoneId', HOSTED_ZONE);
    const record = recordOf(ctx, params);
    const r = await must(`writing record ${record.Name}`, () =>
      route53.send(new ChangeResourceRecordSetsCommand({ HostedZoneId: zone, ChangeBatch: { Changes: [{ Action: 'UPSERT', ResourceRecordSet: record }] } })),
    );
    remember(ctx, `${zone}/${record.Name}/${record.Type}`, {
      use_external_resource: false,
      hosted_zone_id: zone,
      record: JSON.parse(JSON.stringify(record)) as YamlMap,
      change_id: r.ChangeInfo?.Id ?? '',
    });
    ctx.logger.info(`DNS record ${record.Name} ${record.Type} → ${(record.ResourceRecords ?? []).map((x) => x.Value).join(', ')}`);
  }
  const change = await must('reading the Route 53 change', () => route53.send(new GetChangeCommand({ Id: String(rp['change_id']) })));
  if (change.ChangeInfo?.Status !== 'INSYNC') ctx.retry(`record is ${change.ChangeInfo?.Status ?? 'PENDING'}`, waitSeconds(ctx, 10, 30));
  delete rp['change_id'];
}

async function recordDelete(ctx: OperationContext): Promise<void> {
  const rp = ctx.instance.runtimeProperties;
  if (!isMap(rp['record']) || typeof rp['hosted_zone_id'] !== 'string' || isExternal(ctx)) return;
  const route53 = clientFor(Route53Client, await awsSettings(ctx));
  const record = rp['record'] as unknown as ResourceRecordSet;
  // Deleting a record that no longer exists is an InvalidChangeBatch; that is the state we want.
  await call(
    `deleting record ${record.Name}`,
    () =>
      route53.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: rp['hosted_zone_id'] as string,
          ChangeBatch: { Changes: [{ Action: 'DELETE', ResourceRecordSet: record }] },
        }),
      ),
    ['InvalidChangeBatch'],
  );
  delete rp['record'];
  delete rp['aws_resource_id'];
}

export const ROUTE53_OPERATIONS: Record<string, OperationFunction> = {
  'record_set.create': recordCreate,
  'record_set.delete': recordDelete,
};
