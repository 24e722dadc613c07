/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  transform: {
    // Type errors are caught once by the typecheck test, not per file here.
    "^.+\\.ts$": ["ts-jest", { diagnostics: false }],
  },
  moduleNameMapper: {
    "^bankhooks$": "<rootDir>/lib/index.ts",
    "^bankhooks/testing$": "<rootDir>/lib/testing/index.ts",
  },
  testTimeout: 20000,
  // Finds (or starts) a Redis for the scale-out tests: see __tests__/helpers/redis/.
  globalSetup: "<rootDir>/__tests__/helpers/redis/global-setup.js",
  globalTeardown: "<rootDir>/__tests__/helpers/redis/global-teardown.js",
};
