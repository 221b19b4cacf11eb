// The parts of autocannon 9 that tests/bench and tests/load use (the package ships no types).
declare module 'autocannon' {
  namespace autocannon {
    type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
    type Histogram = { average: number; p50: number; p99: number; max: number; total: number };
    type Result = { requests: Histogram; latency: Histogram; errors: number; timeouts: number; non2xx: number; statusCodeStats?: Record<string, { count: number }> };
    type Options = {
      url: string;
      connections?: number;
      overallRate?: number;
      duration?: number;
      amount?: number;
      timeout?: number;
      requests?: (Request & { setupRequest?: (req: Request) => Request; onResponse?: (status: number, body: string) => void })[];
    };
  }
  function autocannon(opts: autocannon.Options): Promise<autocannon.Result>;
  function autocannon(opts: autocannon.Options, done: (err: Error | null, result: autocannon.Result) => void): unknown;
  export default autocannon;
}
