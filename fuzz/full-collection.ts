/**
 * A full garbage collection on demand, without starting node with --expose-gc (NODE_OPTIONS does not take V8 flags
 * on Node 20): the flag is set at run time and `gc` read from a new context, where V8 then defines it.
 */
import * as v8 from "v8";
import * as vm from "vm";

let collect: (() => void) | undefined;

/** Runs a full collection: what is still live afterwards is what the process holds. */
export function fullCollection(): void {
  if (collect === undefined) {
    v8.setFlagsFromString("--expose-gc");
    collect = vm.runInNewContext("gc") as () => void;
  }
  collect();
}
