import { defineConfig } from "vitest/config";
import solid from "vite-plugin-solid";

// One vitest run, five projects: unit, integration (DynamoDB Local), infra
// (CDK assertions), web (components in jsdom), e2e (Chromium on the local stack).
export default defineConfig({
  test: {
    reporters: ["default", "./test/support/summary-reporter.ts"],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", JWT_SEED: "vitest-only-signing-seed" },
    projects: [
      { test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          globalSetup: ["test/support/dynamodb-global-setup.ts"],
          testTimeout: 20_000,
          // Setups sign counties up and build their trees: on a loaded two-core runner that takes longer than 10 s.
          hookTimeout: 60_000,
        },
      },
      { test: { name: "infra", include: ["test/infra/**/*.test.ts"], testTimeout: 120_000 } },
      {
        plugins: [solid()],
        resolve: { conditions: ["development", "browser"] },
        test: {
          name: "web",
          include: ["test/web/**/*.test.tsx"],
          environment: "jsdom",
          setupFiles: ["test/support/web-setup.ts"],
          // The router ships Solid JSX source under its "solid" condition: compile it, do not load it with Node.
          server: { deps: { inline: [/@solidjs\/router/] } },
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
