// The tests serve built sites with the benchmark's static server.
export { serve, type Served } from '../../bench/serve.ts';
