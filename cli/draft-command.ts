/**
 * `sous draft "WORDS"`: the copilot's basic mode in a terminal. The catalogue is the CLI's own connectors,
 * so a draft only uses what `sous run` can run. With --json only the recipe goes to stdout, its `meta.draft`
 * holding the confidence, the assumptions and the question.
 */
import { explainBasic } from '../src/lib/ai/copilot/explain';
import { basicDrafter, DraftRefused } from '../src/lib/ai/copilot/copilot';
import { builtinConnectors } from '../src/lib/connectors/builtin';
import { catalogEntries } from '../src/lib/connectors/catalog-entries';
import { MemoryChat } from '../src/lib/connectors/chat';
import { memorySandboxStores, noEvents } from '../src/lib/connectors/sandbox';
import type { DraftArgs } from './args';
import { EXIT, type ExitCode, type Io } from './io';
import type { DraftResult } from '../src/lib/ai/copilot/draft-result';
import type { Recipe } from '../src/lib/recipe/schema';

/**
 * The recipe with the draft's report in its `meta.draft` (mode, confidence overall and per step, the
 * assumptions, the question): stdout stays one valid recipe file that `sous validate` and Import accept.
 */
export function withReport(result: DraftResult): Recipe {
  const draft = {
    mode: result.mode,
    ...(result.confidence !== undefined ? { confidence: result.confidence } : {}),
    ...(result.stepConfidence ? { step_confidence: result.stepConfidence } : {}),
    assumptions: result.assumptions,
    ...(result.question ? { question: result.question } : {})
  };
  return { ...result.recipe, meta: { ...result.recipe.meta, draft } };
}

/** What `sous run` runs: the built-in connectors and the sandbox apps (without them no ERP, HR, shop or mail step could be drafted). */
export function draftCatalog() {
  return catalogEntries(builtinConnectors({ chat: new MemoryChat(), sandbox: { stores: memorySandboxStores(), events: noEvents } }));
}

export async function draftCommand(args: DraftArgs, io: Io): Promise<ExitCode> {
  const catalog = draftCatalog();
  let result;
  try {
    result = await basicDrafter.draft(args.words, { catalog, existing: [] });
  } catch (err) {
    if (err instanceof DraftRefused) {
      io.err(`sous: ${err.message}`);
      return EXIT.invalid;
    }
    throw err;
  }
  if (args.json) {
    io.out(JSON.stringify(withReport(result), null, 2));
    return EXIT.ok;
  }
  const { recipe } = result;
  io.out(`Drafted "${recipe.name}" (id ${recipe.id}), in basic mode (no model).`);
  for (const line of explainBasic(recipe).lines) io.out(`${'  '.repeat(line.depth + 1)}${line.text}`);
  if (result.confidence !== undefined) io.out(`Confidence: ${result.confidence.toFixed(2)} (the least sure part; 1 is sure).`);
  if (result.assumptions.length) {
    io.out('Assumptions:');
    for (const a of result.assumptions) io.out(`  - ${a}`);
  }
  if (result.question) io.out(`Question: ${result.question}`);
  io.out('Save it with --json > NAME.recipe.json, then check it with sous validate.');
  return EXIT.ok;
}
