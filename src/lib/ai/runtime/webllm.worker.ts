/**
 * WebLLM's home: its own module Web Worker, so a model's load and its answers never block the page or the
 * engine's worker. WebLLM's handler does all the work; this file only hands it the messages.
 */
import { WebWorkerMLCEngineHandler } from '@mlc-ai/web-llm';

const handler = new WebWorkerMLCEngineHandler();
self.onmessage = (message: MessageEvent) => handler.onmessage(message);
