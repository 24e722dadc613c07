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
};
