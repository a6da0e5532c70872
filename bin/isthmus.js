#!/usr/bin/env node
// Entry point installed as `isthmus`; the TypeScript sources are compiled to build/ by `npm run build` (run by npm ci/install).
// The AWS SDK warns on Node 20 (its support ends 2027); Isthmus targets Node 24 and runs on 20 too.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
await import('../build/src/cli/index.js');
