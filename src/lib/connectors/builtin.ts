/** The connectors every workspace has (the spec's "built-in connectors"), plus the sandbox apps when given. */
import { createChatConnector, type ChatSink } from './chat';
import { createHttpConnector, type HttpOptions } from './http';
import { sandboxConnectors, type SandboxDeps } from './sandbox';
import { ConnectorRegistry } from './sdk';

export function builtinConnectors(options: { chat: ChatSink; http?: HttpOptions; sandbox?: SandboxDeps }): ConnectorRegistry {
  return new ConnectorRegistry([
    createHttpConnector(options.http),
    createChatConnector(options.chat),
    ...(options.sandbox ? sandboxConnectors(options.sandbox) : [])
  ]);
}
