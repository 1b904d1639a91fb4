/** The connectors every workspace has (the spec's "built-in connectors"). */
import { createChatConnector, type ChatSink } from './chat';
import { createHttpConnector, type HttpOptions } from './http';
import { ConnectorRegistry } from './sdk';

export function builtinConnectors(options: { chat: ChatSink; http?: HttpOptions }): ConnectorRegistry {
  return new ConnectorRegistry([createHttpConnector(options.http), createChatConnector(options.chat)]);
}
