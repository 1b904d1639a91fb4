/** `sous chat`: placeholder until the conversation module lands. */
import type { ChatArgs } from './args';
import { EXIT, type ExitCode, type Io } from './io';

export async function chatCommand(_args: ChatArgs, io: Io): Promise<ExitCode> {
  io.err('sous: chat is not ready yet');
  return EXIT.internal;
}
