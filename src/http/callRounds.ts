/**
 * Where one request's upstream calls stand in its chain of replies. A call that needs no reply
 * of its own request is round 1 (a distribution page); a call sent once a reply of round n is in
 * is round n + 1 (the invoices and cases of that page, then the clients of those invoices).
 *
 * The concurrency bound serves waiting calls of a later round first (semaphore.ts). A later round
 * is the end of a branch already under way: serving it first lets each branch finish as its data
 * arrives instead of queueing behind every call of the round before. On a page of 800 invoices
 * the twelve get-client calls waited behind all 800 get-invoice calls and added one more upstream
 * round to the page. The order holds within one request; between requests, slots go round in
 * turn (semaphore.ts), so one request's backlog never delays another's first call.
 */
export class CallRounds {
  #reached = 0;

  /** The round of a call sent now. */
  next(): number {
    return this.#reached + 1;
  }

  /** A call of `round` ended (with a reply or a failure): later calls may build on it. */
  ended(round: number): void {
    if (round > this.#reached) this.#reached = round;
  }
}
