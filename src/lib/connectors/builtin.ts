/** The connectors every workspace has (the spec's "built-in connectors"), plus the sandbox apps when given. */
import { extractBasic } from '../ai/extract/basic-extract';
import { MemoryReplayStore } from '../ai/replay/replay-store';
import { createAiConnector, type AiDeps } from './ai';
import { createChatConnector, type ChatSink } from './chat';
import { createHttpConnector, type HttpOptions } from './http';
import { sandboxConnectors, type SandboxDeps } from './sandbox';
import { ConnectorRegistry } from './sdk';
import { createSlackConnector, type SlackOptions } from './slack';
import { createTablesConnector } from './tables/connector';
import { MemoryTables, type TableStore } from './tables/store';

export function builtinConnectors(options: {
  chat: ChatSink;
  tables?: TableStore;
  http?: HttpOptions;
  slack?: SlackOptions;
  sandbox?: SandboxDeps;
  ai?: Partial<AiDeps>;
}): ConnectorRegistry {
  return new ConnectorRegistry([
    createHttpConnector(options.http),
    createChatConnector(options.chat),
    // Without a store (the catalogue, the CLI) tables live in memory for the run.
    createTablesConnector(options.tables ?? new MemoryTables()),
    // Slack goes through the same fetch as http (in the studio: via the local proxy).
    createSlackConnector({ fetch: options.http?.fetch, ...options.slack }),
    // Without a model the ai steps run in basic mode (rules); recorded answers replay on a re-run.
    createAiConnector({ extractBasic, replays: new MemoryReplayStore(), ...options.ai }),
    ...(options.sandbox ? sandboxConnectors(options.sandbox) : [])
  ]);
}
