/**
 * Ask a model for JSON that must pass a check, with repairs: when the answer does not parse or does not
 * pass, the problems go back to the model (as a user turn after its own answer) up to `maxRepairs` times.
 * Used by the copilot and by the `ai` connector's model mode. Knows nothing of WebLLM: only ModelClient.
 */
import type { ModelClient, ModelMessage, ModelRequest } from './model-client';

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

export interface AskJsonOptions<T> {
  messages: ModelMessage[];
  /** JSON Schema text the answer is constrained to (WebLLM's `response_format.schema`). */
  schema?: string;
  check(data: unknown): Checked<T>;
  maxRepairs?: number;
  signal?: AbortSignal;
  max_tokens?: number;
}

export interface AskJsonResult<T> {
  value: T;
  /** How many repair rounds it took (0 when the first answer passed). */
  repairs: number;
}

/** A model problem in plain words; `code` lets callers and tests tell them apart. */
export class ModelError extends Error {
  constructor(
    message: string,
    readonly code: 'cancelled' | 'model_failed' | 'invalid_answer'
  ) {
    super(message);
    this.name = 'ModelError';
  }
}

export async function askJson<T>(client: ModelClient, options: AskJsonOptions<T>): Promise<AskJsonResult<T>> {
  const maxRepairs = options.maxRepairs ?? 2;
  const messages = [...options.messages];
  let problems: string[] = [];
  for (let round = 0; round <= maxRepairs; round++) {
    throwIfCancelled(options.signal);
    const request: ModelRequest = {
      messages: [...messages],
      response_format: { type: 'json_object', ...(options.schema ? { schema: options.schema } : {}) },
      temperature: 0,
      max_tokens: options.max_tokens,
      signal: options.signal
    };
    let content: string;
    try {
      content = (await client.complete(request)).content;
    } catch (err) {
      if (options.signal?.aborted) throw cancelled();
      throw new ModelError(`The model ${client.model} could not answer: ${err instanceof Error ? err.message : String(err)}`, 'model_failed');
    }
    throwIfCancelled(options.signal);
    const data = parseLoose(content);
    const checked: Checked<T> = data.ok ? options.check(data.value) : { ok: false, problems: [data.problem] };
    if (checked.ok) return { value: checked.value, repairs: round };
    problems = checked.problems;
    messages.push({ role: 'assistant', content });
    messages.push({
      role: 'user',
      content: `That answer is not valid. Problems:\n${problems.map((p) => `- ${p}`).join('\n')}\nAnswer again with the whole corrected JSON only.`
    });
  }
  const shown = problems.slice(0, 5).join('; ');
  throw new ModelError(
    `The model's answer was still not valid after ${maxRepairs} ${maxRepairs === 1 ? 'repair' : 'repairs'}: ${shown}`,
    'invalid_answer'
  );
}

/** JSON from a model's answer: tolerates a ```json fence and a <think>…</think> preamble (Qwen3). */
export function parseLoose(content: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  let text = content.replace(/<think>[\s\S]*?<\/think>/g, '').trim();
  const fence = /^```(?:json)?\s*([\s\S]*?)\s*```$/.exec(text);
  if (fence) text = fence[1];
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, problem: `the answer is not JSON (${err instanceof Error ? err.message : String(err)})` };
  }
}

function cancelled(): ModelError {
  return new ModelError('Stopped: the request to the model was cancelled.', 'cancelled');
}

function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw cancelled();
}
