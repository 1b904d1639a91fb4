/**
 * The boundary to a language model. In the browser it is WebLLM in its own worker; in tests a scripted
 * client stands in for the model's weights (the edge of the world). Nothing else in Sous talks to WebLLM.
 */
export interface ModelMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ModelRequest {
  messages: ModelMessage[];
  /** Constrain the answer to JSON, optionally to a JSON Schema (given as its JSON text). */
  response_format?: { type: 'json_object'; schema?: string };
  temperature?: number;
  max_tokens?: number;
  signal?: AbortSignal;
}

export interface ModelAnswer {
  content: string;
  usage?: { prompt_tokens: number; completion_tokens: number };
}

export interface ModelClient {
  /** The model's id, e.g. "Qwen2.5-0.5B-Instruct-q4f16_1-MLC". */
  readonly model: string;
  complete(request: ModelRequest): Promise<ModelAnswer>;
}
