"""A tiny timer for benchmarks: median and 95th percentile of repeated runs, printed as a table row."""

import statistics
import time


def measure(label, action, repeat=30, warmup=3):
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    median = statistics.median(samples)
    p95 = samples[max(0, int(len(samples) * 0.95) - 1)]
    print(f"\n{label:<55} median {median:7.1f} ms   p95 {p95:7.1f} ms   (n={repeat})")
    return median, p95
