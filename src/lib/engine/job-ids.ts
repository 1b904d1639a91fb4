/**
 * Job ids for a runner: UUIDs (version 4, as crypto.randomUUID gives) drawn from one random UUID per
 * runner, the last 48 bits counting up from a random start. Ids of one runner never repeat (until 2^48
 * of them); ids of two runners differ unless their 74 other random bits do not, as likely as two random
 * UUIDs colliding. crypto.randomUUID per job costs a job of small steps more than one of its steps does
 * in Node (its entropy buffer is refilled every 128 ids).
 */
export function uuidSequence(): () => string {
  const base = crypto.randomUUID();
  const head = base.slice(0, 24);
  let low = parseInt(base.slice(24), 16);
  return () => {
    low = (low + 1) % 0x1_0000_0000_0000;
    return head + low.toString(16).padStart(12, '0');
  };
}
