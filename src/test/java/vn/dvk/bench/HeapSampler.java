package vn.dvk.bench;

/**
 * The application's heap in use while it works, read once a second from its own actuator
 * ({@code /actuator/metrics/jvm.memory.used?tag=area:heap}, signed in as {@code admin}).
 */
final class HeapSampler implements AutoCloseable {

	private final BenchHttp.Session admin;

	private final Thread thread;

	private volatile boolean running = true;

	private volatile double peak;

	HeapSampler(AppNode node) {
		this.admin = new BenchHttp.Session(node.port, "admin");
		this.thread = new Thread(() -> {
			while (running) {
				try {
					peak = Math.max(peak, heapMegabytes());
					Thread.sleep(1000);
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (RuntimeException ex) {
					// one sample lost
				}
			}
		}, "heap-sampler");
		thread.setDaemon(true);
		thread.start();
	}

	double heapMegabytes() {
		return admin.json("/actuator/metrics/jvm.memory.used?tag=area:heap").path("measurements").get(0).path("value")
			.asDouble() / (1024 * 1024);
	}

	double peakMegabytes() {
		return Math.max(peak, heapMegabytes());
	}

	@Override
	public void close() {
		running = false;
		thread.interrupt();
	}

}
