/**
 * A scripted ModelClient for tests: it stands in for a model's weights (the edge of the world, which no
 * test here can download). It answers from a list, in order, and keeps every request it was sent.
 */
import type { ModelAnswer, ModelClient, ModelRequest } from './model-client';

export type ScriptedAnswer = string | object | Error | ((request: ModelRequest) => Promise<string> | string);

export class ScriptedModelClient implements ModelClient {
  readonly requests: ModelRequest[] = [];
  private next = 0;

  constructor(
    private readonly answers: ScriptedAnswer[],
    readonly model = 'Scripted-0.5B-q4f16_1-MLC'
  ) {}

  async complete(request: ModelRequest): Promise<ModelAnswer> {
    this.requests.push(request);
    if (request.signal?.aborted) throw new Error('aborted');
    const answer = this.answers[this.next++];
    if (answer === undefined) throw new Error(`the script has no answer #${this.next}`);
    if (answer instanceof Error) throw answer;
    const content = typeof answer === 'function' ? await answer(request) : typeof answer === 'string' ? answer : JSON.stringify(answer);
    return { content };
  }

  get calls(): number {
    return this.requests.length;
  }
}
