/**
 * The local API the HTTP workload calls, in a process of its own so it never shares a thread with the bench
 * or a side's timing: `node local-api-child.mjs` prints `{"port":N}` once it listens, then answers every
 * GET with the same prebuilt 200 JSON answer (keep-alive), written from one Buffer. Node's http server
 * parses each request and builds each answer's headers in JavaScript, which on a 2-core machine takes CPU
 * the caller under test needs; this one only finds where each request ends. Requests here have no body
 * (every side sends GETs); one that says it has a body is refused with a 400 and its connection closed.
 */
import { createServer } from 'node:net';

const BODY = '{"ok":true}';
const ANSWER = Buffer.from(
  `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${BODY.length}\r\nconnection: keep-alive\r\nkeep-alive: timeout=5\r\n\r\n${BODY}`
);
const REFUSED = Buffer.from('HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
const HAS_BODY = /\r\n(content-length:\s*[1-9]|transfer-encoding:)/i;

const server = createServer((socket) => {
  socket.setNoDelay(true);
  let pending = '';
  socket.on('data', (chunk) => {
    pending += chunk.toString('latin1');
    let end;
    while ((end = pending.indexOf('\r\n\r\n')) !== -1) {
      const head = pending.slice(0, end + 2);
      pending = pending.slice(end + 4);
      if (HAS_BODY.test(head)) {
        socket.end(REFUSED);
        return;
      }
      socket.write(ANSWER);
    }
  });
  socket.on('error', () => socket.destroy());
});
server.listen(0, '127.0.0.1', () => process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n'));
// Ends with the bench: when its parent goes, stdin closes.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
