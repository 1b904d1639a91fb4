/** The connectors every workspace has (the spec's "built-in connectors"). */
import { MemoryReplayStore } from '../ai/replay/replay-store';
import { createAiConnector, type AiDeps, type ExtractBasic } from './ai';
import { createChatConnector, type ChatSink } from './chat';
import { createHttpConnector, type HttpOptions } from './http';
import { ConnectorRegistry } from './sdk';

/**
 * Basic extraction lives in `ai/extract/basic-extract.ts` (another branch); until it is wired in here, an
 * `ai.extract` step without a model says so instead of guessing.
 */
const extractBasicMissing: ExtractBasic = () => {
  throw new Error('basic extraction is not installed in this build of Sous: load an on-device model on the Models page');
};

export function builtinConnectors(options: { chat: ChatSink; http?: HttpOptions; ai?: Partial<AiDeps> }): ConnectorRegistry {
  const ai = createAiConnector({ extractBasic: extractBasicMissing, replays: new MemoryReplayStore(), ...options.ai });
  return new ConnectorRegistry([createHttpConnector(options.http), createChatConnector(options.chat), ai]);
}
