export const NAMESPACE_SEPARATOR = '--';
export const CONTAINED_IN_TYPE = 'cloudify.relationships.contained_in';
