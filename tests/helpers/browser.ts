// The tests use the same Chromium launcher as the benchmark.
export { launchChromium } from '../../bench/chromium.ts';
