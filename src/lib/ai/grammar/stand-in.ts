/**
 * DEV ONLY: a ModelClient that stands in for the weights with one fixed answer, to learn what the app
 * sends (the schema in `response_format`) and what it makes of an answer (its own check and parse).
 * A second request is the app asking for a repair: the answer was refused, with the problems it names.
 */
import type { ModelAnswer, ModelClient, ModelRequest } from '../model-client';
import type { ConstrainedAnswer } from './answers';

class Refused extends Error {}

class OneAnswerClient implements ModelClient {
  readonly model = 'Qwen3-0.6B-q4f16_1-MLC';
  readonly requests: ModelRequest[] = [];

  constructor(private readonly answer: string | undefined) {}

  async complete(request: ModelRequest): Promise<ModelAnswer> {
    this.requests.push(request);
    if (this.answer === undefined || this.requests.length > 1) throw new Refused('stand-in: no more answers');
    return { content: this.answer };
  }
}

/** The JSON Schema text the app constrains this answer to, and the first request it sends. */
export async function sentRequest(answer: ConstrainedAnswer): Promise<ModelRequest & { schema: string }> {
  const client = new OneAnswerClient(undefined);
  await answer.ask(client).catch(() => undefined);
  const request = client.requests[0];
  const schema = request?.response_format?.schema;
  if (!schema) throw new Error(`${answer.name}: the app sent no JSON Schema`);
  return { ...request, schema };
}

export type Verdict =
  | { accepted: true; value: unknown }
  /** `problems`: what the app sent back for repair (or the error it gave up with). */
  | { accepted: false; problems: string };

/** What the app makes of `text` as the model's first answer: accepted (with its value) or refused. */
export async function judge(answer: ConstrainedAnswer, text: string): Promise<Verdict> {
  const client = new OneAnswerClient(text);
  try {
    const value = await answer.ask(client);
    if (client.requests.length > 1) return { accepted: false, problems: repairTurn(client) };
    return { accepted: true, value };
  } catch (err) {
    return { accepted: false, problems: client.requests.length > 1 ? repairTurn(client) : err instanceof Error ? err.message : String(err) };
  }
}

function repairTurn(client: OneAnswerClient): string {
  const messages = client.requests[1].messages;
  return messages[messages.length - 1].content;
}
