/**
 * Fault injection: rules matched against incoming requests, each firing a limited number of times.
 * A delay holds the request and then lets it through; the other faults replace the answer.
 */

export type FaultAction =
  | { kind: 'delay'; ms: number }
  /** Destroy the socket without answering (the client sees a reset / "other side closed"). */
  | { kind: 'reset' }
  /** Answer with this status; the body defaults to the server's usual error shape. */
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Answer 200 with a JSON content type and a truncated JSON body. */
  | { kind: 'malformed-body' }
  /**
   * Carry the request out (state changes as usual), then hold the answer for `ms`: a client with a
   * shorter timeout gives up on a write that did happen.
   */
  | { kind: 'late-answer'; ms: number }
  /** Carry the request out, then close the socket without answering. */
  | { kind: 'reset-after-applying' }
  /** Run `run` just before the request is handled, e.g. a colleague's change landing in between. */
  | { kind: 'before'; run: () => void };

export interface FaultMatch {
  /** Which emulated server: a cluster name, or 'cloud'. Any when omitted. */
  server?: string;
  method?: string;
  /** Exact path (no query), or a pattern tested against the path. */
  path?: string | RegExp;
  /** How many matching requests this fires for; default 1. Use Infinity for "until removed". */
  times?: number;
}

interface Rule extends FaultMatch {
  action: FaultAction;
  remaining: number;
}

export class FaultInjector {
  private rules: Rule[] = [];

  add(action: FaultAction, match: FaultMatch = {}): { remove(): void } {
    const rule: Rule = { ...match, action, remaining: match.times ?? 1 };
    this.rules.push(rule);
    return { remove: () => (this.rules = this.rules.filter((r) => r !== rule)) };
  }

  delay(ms: number, match?: FaultMatch) {
    return this.add({ kind: 'delay', ms }, match);
  }

  reset(match?: FaultMatch) {
    return this.add({ kind: 'reset' }, match);
  }

  status(status: number, match?: FaultMatch, body?: unknown, headers?: Record<string, string>) {
    return this.add({ kind: 'status', status, body, headers }, match);
  }

  malformedBody(match?: FaultMatch) {
    return this.add({ kind: 'malformed-body' }, match);
  }

  answerLate(ms: number, match?: FaultMatch) {
    return this.add({ kind: 'late-answer', ms }, match);
  }

  resetAfterApplying(match?: FaultMatch) {
    return this.add({ kind: 'reset-after-applying' }, match);
  }

  before(run: () => void, match?: FaultMatch) {
    return this.add({ kind: 'before', run }, match);
  }

  clear(): void {
    this.rules = [];
  }

  /** The faults that fire for this request, in the order they were added; consumes one use of each. */
  take(server: string, method: string, path: string): FaultAction[] {
    const fired: FaultAction[] = [];
    for (const rule of this.rules) {
      if (rule.remaining <= 0) continue;
      if (rule.server && rule.server !== server) continue;
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (rule.path !== undefined && !(typeof rule.path === 'string' ? rule.path === path : rule.path.test(path))) continue;
      rule.remaining -= 1;
      fired.push(rule.action);
    }
    this.rules = this.rules.filter((rule) => rule.remaining > 0);
    return fired;
  }
}
