/**
 * For the fault-injection test (not shipped): the engine in its own process over a SqliteJournal file, as
 * `sous serve` runs it. It starts or resumes every job of the test, answers the uncertain steps the test
 * tells it to, and says when nothing is left to run. The test kills it (SIGKILL) whenever it likes.
 * Arguments: journal file, server port, job count, jobs at once.
 */
import { ConnectorRegistry } from '../../../src/lib/connectors/sdk';
import { createHttpConnector } from '../../../src/lib/connectors/http';
import { createRunner } from '../../../src/lib/engine';
import { openDatabase, SqliteJournal } from '../sqlite-journal';
import { faultRecipe, jobIds, type AnswerMessage, type ChildMessage } from './fault-recipe';

const [file, portText, countText, concurrencyText] = process.argv.slice(2);
const recipe = faultRecipe(Number(portText));
const journal = new SqliteJournal(openDatabase(file, 'NORMAL'));
const runner = createRunner({
  journal,
  connectors: new ConnectorRegistry([createHttpConnector()]),
  recipes: { get: async () => ({ recipe, version: 1 }) },
  user: { id: 'test', name: 'Test', roles: [] }
});
const ids = jobIds(Number(countText));
const concurrency = Number(concurrencyText);

const send = (message: ChildMessage) => process.send!(message);

async function pool(tasks: Array<() => Promise<unknown>>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]();
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

async function runOne(id: string): Promise<void> {
  const job = await journal.loadJob(id);
  if (!job) await runner.start(recipe, { job: id }, { jobId: id });
  else if (job.status === 'running' || job.status === 'queued') await runner.resume(id, recipe);
}

async function report(): Promise<void> {
  const uncertain: Array<{ job: string; path: string }> = [];
  let open = 0;
  for (const id of ids) {
    const job = await journal.loadJob(id);
    if (job?.status === 'uncertain') for (const s of job.steps) if (s.status === 'uncertain') uncertain.push({ job: id, path: s.path });
    if (!job || job.status === 'running' || job.status === 'queued') open++;
  }
  send({ kind: 'idle', uncertain, open });
}

let busy: Promise<void> = Promise.resolve();
process.on('message', (message: AnswerMessage) => {
  busy = busy.then(async () => {
    const answers = message.answers.map((a) => () => runner.answerUncertain(a.job, a.path, { choice: a.choice, by: 'test', output: a.output }, recipe));
    await pool(answers);
    await report();
  });
});

send({ kind: 'ready' });
busy = busy.then(async () => {
  await pool(ids.map((id) => () => runOne(id)));
  await report();
});
