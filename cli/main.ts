/** The `sous` command line, minus the process: arguments in, lines out, an exit code back. */
import { parseCommand, USAGE } from './args';
import { EXIT, type ExitCode, type Io } from './io';
import { extractCommand } from './extract-command';
import { draftCommand } from './draft-command';
import { runCommand } from './run-command';
import { validateCommand } from './validate-command';

export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  const parsed = parseCommand(argv);
  if (!parsed.ok) {
    io.err(`sous: ${parsed.message} (see sous --help)`);
    return EXIT.invalid;
  }
  const command = parsed.command;
  switch (command.kind) {
    case 'help':
      io.out(USAGE);
      return EXIT.ok;
    case 'run':
      return runCommand(command, io);
    case 'validate':
      return validateCommand(command, io);
    case 'extract':
      return extractCommand(command, io);
    case 'draft':
      return draftCommand(command, io);
    // Loaded when asked for: the conversation and the MCP SDK stay out of the other commands' start-up.
    case 'chat':
      return (await import('./chat-command')).chatCommand(command, io);
    case 'mcp':
      return (await import('./mcp-command')).mcpCommand(command, io);
    case 'serve':
      return (await import('./serve-command')).serveCommand(command, io);
    case 'grade':
      return (await import('./grade-command')).gradeCommand(command, io);
    default: {
      const never: never = command;
      throw new Error(`unknown command ${JSON.stringify(never)}`);
    }
  }
}
