import { defineConfig } from 'vitest/config';

// The SDK warns that Node 20 support ends (CI runs Node 24 as well): once in the main process
// (the global setup starts DynamoDB Local through it) and once per worker.
// Step Lambdas run in-process in some tests: their log lines are for CloudWatch, not the test report.
const quietSdk = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', POWERTOOLS_LOG_LEVEL: 'SILENT' };
Object.assign(process.env, quietSdk);

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: quietSdk,
  },
});
