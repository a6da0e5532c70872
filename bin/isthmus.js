#!/usr/bin/env node
// Entry point installed as `isthmus`; the TypeScript sources are compiled to build/ by `npm run build` (run by npm ci/install).
await import('../build/src/cli/index.js');
