// Loaded before each test file's tests in mutation runs (jest.mutate.config.js, `setupFiles`): the modules the pack
// loads on first use (lib/monitoring requires lib/coverage and lib/cloudtrail/calls when it first judges a pattern,
// so that the engine starts the pack quickly). Loaded inside a test, their module-level values (the record
// families' field specs, the controls' data, the call shapes) would be credited by Stryker to that one test, the first
// of its file to judge a pattern, and each mutant of them tried against it alone, however many tests read the value;
// loaded here, outside any test, they are static like every other module-level value of the pack, and left out under
// `ignoreStatic` (docs/mutation-testing.md). Same modules, same registry: the pack's own `require` then finds them.
const path = require("path");

require(path.join(__dirname, "..", "lib", "coverage"));
require(path.join(__dirname, "..", "lib", "cloudtrail", "calls"));
