package vn.dvk.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The machine the run is on, and CPU use read from /proc (Linux). */
final class Machine {

	private static final double CLOCK_TICKS = 100.0;

	private Machine() {
	}

	static int cores() {
		return Runtime.getRuntime().availableProcessors();
	}

	static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter(l -> l.startsWith("model name"))
				.map(l -> l.substring(l.indexOf(':') + 1).strip())
				.findFirst()
				.orElse("?");
		}
		catch (IOException ex) {
			return "?";
		}
	}

	static long memoryMegabytes() {
		try {
			return Files.readAllLines(Path.of("/proc/meminfo"))
				.stream()
				.filter(l -> l.startsWith("MemTotal:"))
				.map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024)
				.findFirst()
				.orElse(-1L);
		}
		catch (IOException ex) {
			return -1;
		}
	}

	static String jdk() {
		return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
	}

	static String os() {
		return System.getProperty("os.name") + " " + System.getProperty("os.version");
	}

	/** CPU seconds (user + system) a process has used; NaN when it is gone. */
	static double cpuSeconds(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// after the command: state(0) ppid(1) ... utime(11) stime(12)
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS;
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
	}

	/** CPU seconds of a PostgreSQL server: its postmaster and every live child process. */
	static double postgresCpuSeconds(Path dataDirectory) {
		try {
			long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
			double total = cpuSeconds(postmaster);
			try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
				for (Path p : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
					try {
						String stat = Files.readString(p.resolve("stat"));
						String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
						if (Long.parseLong(fields[1]) == postmaster) {
							total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS;
						}
					}
					catch (IOException | RuntimeException gone) {
						// ended meanwhile
					}
				}
			}
			return total;
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
	}

	/** CPU seconds the harness's own JVM has used. */
	static double harnessCpuSeconds() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1e9;
	}

	/** Busy and total jiffies of the whole machine (/proc/stat), for the share of CPU in use. */
	static long[] machineTicks() {
		try {
			List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
			String[] f = lines.get(0).strip().split("\\s+");
			long total = 0;
			for (int i = 1; i < f.length; i++) {
				total += Long.parseLong(f[i]);
			}
			long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
			return new long[] { total - idle, total };
		}
		catch (IOException ex) {
			return new long[] { 0, 0 };
		}
	}

	/** CPU use over an interval: machine busy share, and each party's cores in use. */
	static final class CpuWindow {

		private final long[] machineStart = machineTicks();

		private final double harnessStart = harnessCpuSeconds();

		private final double postgresStart;

		private final double[] nodesStart;

		private final List<AppNode> nodes;

		private final Path postgresData;

		private final long started = System.nanoTime();

		CpuWindow(List<AppNode> nodes, Path postgresData) {
			this.nodes = nodes;
			this.postgresData = postgresData;
			this.postgresStart = postgresCpuSeconds(postgresData);
			this.nodesStart = nodes.stream().mapToDouble(AppNode::cpuSeconds).toArray();
		}

		/** [machine busy %, application cores, PostgreSQL cores, harness cores]. */
		double[] end() {
			double seconds = (System.nanoTime() - started) / 1e9;
			long[] machine = machineTicks();
			double busy = 100.0 * (machine[0] - machineStart[0]) / Math.max(1, machine[1] - machineStart[1]);
			double app = 0;
			for (int i = 0; i < nodes.size(); i++) {
				app += nodes.get(i).cpuSeconds() - nodesStart[i];
			}
			return new double[] { busy, app / seconds, (postgresCpuSeconds(postgresData) - postgresStart) / seconds,
					(harnessCpuSeconds() - harnessStart) / seconds };
		}

	}

}
