package vn.dvk.bench;

import java.util.Arrays;
import java.util.concurrent.Callable;

/** Durations of one kind of request, in nanoseconds; thread-safe. */
final class Latencies {

	private long[] samples = new long[256];

	private int size;

	synchronized void add(long nanos) {
		if (size == samples.length) {
			samples = Arrays.copyOf(samples, size * 2);
		}
		samples[size++] = nanos;
	}

	/** Runs the call and records how long it took, also when it fails. */
	<T> T time(Callable<T> call) throws Exception {
		long start = System.nanoTime();
		try {
			return call.call();
		}
		finally {
			add(System.nanoTime() - start);
		}
	}

	synchronized int count() {
		return size;
	}

	/** The q-quantile (0 < q <= 1) in milliseconds, nearest rank; NaN without samples. */
	synchronized double millis(double q) {
		if (size == 0) {
			return Double.NaN;
		}
		long[] sorted = Arrays.copyOf(samples, size);
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(q * size);
		return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1_000_000.0;
	}

	double p50() {
		return millis(0.50);
	}

	double p95() {
		return millis(0.95);
	}

	double p99() {
		return millis(0.99);
	}

}
