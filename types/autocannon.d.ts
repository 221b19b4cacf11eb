// The part of autocannon 9's API the load script uses (the package ships no types).
declare module 'autocannon' {
  namespace autocannon {
    type Request = { method: string; path: string; headers?: Record<string, string>; body?: string };
    type Histogram = { p50: number; p99: number; max: number; average: number; total: number };
    type Result = { requests: Histogram; latency: Histogram; errors: number; timeouts: number; non2xx: number; statusCodeStats?: Record<string, { count: number }> };
    type Options = { url: string; connections?: number; overallRate?: number; duration?: number; timeout?: number; requests?: Request[] };
  }
  function autocannon(opts: autocannon.Options, done: (err: Error | null, result: autocannon.Result) => void): unknown;
  export default autocannon;
}
