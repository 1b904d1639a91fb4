/** One ELK per canvas, running in a Web Worker so a big recipe's layout never blocks the page. */
import ELK from 'elkjs/lib/elk-api';
import workerUrl from 'elkjs/lib/elk-worker.min.js?url';

export function createElk() {
  return new ELK({ workerUrl });
}
