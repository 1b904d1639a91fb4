/**
 * `sous run|validate|extract`: the entry point (`npm run sous -- …`). Whatever goes wrong ends in a one-line
 * message and an exit code, never a stack trace (set SOUS_DEBUG=1 to see one).
 */
import { EXIT, type Io } from './io';
import { main } from './main';

// A reader that stops early (`sous chat … | head`) closes the pipe: that ends nothing but the output.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
});

const io: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`)
};

try {
  process.exitCode = await main(process.argv.slice(2), io);
} catch (err) {
  io.err(`sous: internal error: ${err instanceof Error ? err.message : String(err)}`);
  if (process.env.SOUS_DEBUG && err instanceof Error && err.stack) io.err(err.stack);
  process.exitCode = EXIT.internal;
}
