// A Stryker reporter for `npm run mutate`: appends each surviving or uncovered mutant to reports/survivors.txt as
// soon as it is tested (file:line:column, mutator, replacement), so that a run of hours can be acted on before it
// ends. Stryker's own reporters list survivors only when the whole run is over.
import * as fs from "node:fs";
import * as path from "node:path";
import { PluginKind, declareClassPlugin } from "@stryker-mutator/api/plugin";

const FILE = path.join("reports", "survivors.txt");

class SurvivorsReporter {
  constructor() {
    fs.mkdirSync(path.dirname(FILE), { recursive: true });
    fs.writeFileSync(FILE, "");
  }

  onMutantTested(result) {
    if (result.status !== "Survived" && result.status !== "NoCoverage") return;
    const { line, column } = result.location.start;
    const replacement = (result.replacement ?? "").replace(/\s+/g, " ").slice(0, 160);
    fs.appendFileSync(
      FILE,
      `${result.status}\t${path.relative(process.cwd(), result.fileName)}:${line}:${column}\t${result.mutatorName}\t${replacement}\n`,
    );
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, "survivors", SurvivorsReporter)];
