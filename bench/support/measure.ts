const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`;

/**
 * Times `fn` `runs` times after one warm-up run (page cache, statement cache) and prints one
 * line: the median and the 95th percentile. `line` may add to the printed line.
 */
export async function measure(name: string, runs: number, fn: () => Promise<unknown>, line: (text: string) => string = (text) => text) {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p95 = times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]!;
  console.log(line(`  ${name.padEnd(62)} median ${ms(median).padStart(9)}   p95 ${ms(p95).padStart(9)}   (${runs} runs)`));
  return { median, p95 };
}
