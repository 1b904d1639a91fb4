/**
 * `sous draft "WORDS"`: the copilot's basic mode in a terminal. The catalogue is the CLI's own connectors,
 * so a draft only uses what `sous run` can run. With --json only the recipe goes to stdout.
 */
import { explainBasic } from '../src/lib/ai/copilot/explain';
import { basicDrafter, DraftRefused } from '../src/lib/ai/copilot/copilot';
import { builtinConnectors } from '../src/lib/connectors/builtin';
import { catalogEntries } from '../src/lib/connectors/catalog-entries';
import { MemoryChat } from '../src/lib/connectors/chat';
import type { DraftArgs } from './args';
import { EXIT, type ExitCode, type Io } from './io';

export async function draftCommand(args: DraftArgs, io: Io): Promise<ExitCode> {
  const catalog = catalogEntries(builtinConnectors({ chat: new MemoryChat() }));
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
    io.out(JSON.stringify(result.recipe, null, 2));
    return EXIT.ok;
  }
  const { recipe } = result;
  io.out(`Drafted "${recipe.name}" (id ${recipe.id}), in basic mode (no model).`);
  for (const line of explainBasic(recipe).lines) io.out(`${'  '.repeat(line.depth + 1)}${line.text}`);
  if (result.assumptions.length) {
    io.out('Assumptions:');
    for (const a of result.assumptions) io.out(`  - ${a}`);
  }
  io.out('Save it with --json > NAME.recipe.json, then check it with sous validate.');
  return EXIT.ok;
}
