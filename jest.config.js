/** Jest runs the TypeScript tests under test/ through ts-jest. The pack itself is compiled by `tsc` first
 * (see the `test` script), because the engine-protocol tests spawn the compiled pack as the engine does. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "test/tsconfig.json" }] },
  testTimeout: 60000,
};
