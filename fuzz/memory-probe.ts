/**
 * Loaded into the pack's process by the load section (`NODE_OPTIONS=--require`), never by the pack: on SIGUSR2 it
 * runs a full garbage collection and writes the heap then in use, with the RSS, to the file named by
 * FUZZ_MEMORY_PROBE. Growth is judged on what is live, not on what V8 has reserved: RSS rises and falls by hundreds of
 * MiB with V8's collections and its heap sizing, which says little about a leak.
 */
import * as fs from "fs";
import * as v8 from "v8";
import * as vm from "vm";

const file = process.env.FUZZ_MEMORY_PROBE;
if (file !== undefined && file !== "") {
  // `global.gc` without starting node with --expose-gc (NODE_OPTIONS does not take V8 flags on Node 20).
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  let sample = 0;
  process.on("SIGUSR2", () => {
    gc();
    sample++;
    const { heapUsed, rss } = process.memoryUsage();
    // Written whole, then renamed: the reader never sees half a file.
    fs.writeFileSync(`${file}.tmp`, JSON.stringify({ sample, heapUsed, rss }));
    fs.renameSync(`${file}.tmp`, file);
  });
}
