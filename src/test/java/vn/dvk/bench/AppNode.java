package vn.dvk.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One application process ({@code java -jar target/dvk-*.jar}, default profile, demo users) of
 * its own, so that heap, RSS and CPU are the application's, not the harness's. Its log goes to
 * {@code target/bench/<name>.log}.
 */
final class AppNode implements AutoCloseable {

	/** The JVM the benchmark gives every node: a bounded heap, as a container would. */
	static final List<String> JVM_OPTIONS = List.of("-Xmx1g");

	final String name;

	final int port;

	final Path log;

	private final Process process;

	private final long startedNanos;

	private BenchHttp http;

	private AppNode(String name, int port, Path log, Process process, long startedNanos) {
		this.name = name;
		this.port = port;
		this.log = log;
		this.process = process;
		this.startedNanos = startedNanos;
	}

	/** A node on the shared database, sending mail to the harness's SMTP server. */
	static AppNode onDatabase(BenchSettings settings, String name, String jdbcUrl, int smtpPort, boolean first)
			throws IOException {
		int port = freePort();
		List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--server.address=127.0.0.1",
				"--dvk.embedded.postgres.enabled=false", "--dvk.embedded.mail.enabled=false",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort, "--dvk.demo.enabled=" + first,
				"--dvk.org.location=file:" + settings.basedir().resolve("config/org") + "/",
				"--dvk.mail.base-url=http://127.0.0.1:" + port,
				"--camunda.bpm.generic-properties.properties.hostname=" + name));
		Map<String, String> env = Map.of("SPRING_DATASOURCE_URL", jdbcUrl, "SPRING_DATASOURCE_USERNAME", "postgres",
				"SPRING_DATASOURCE_PASSWORD", "postgres", "DVK_ENGINE_SCHEMA_UPDATE", first ? "true" : "false");
		return start(settings, name, port, args, env, settings.work().resolve(name));
	}

	/** A node on the embedded defaults (its own PostgreSQL and SMTP server) in a directory of its own. */
	static AppNode embeddedDefaults(BenchSettings settings, String name, Path directory) throws IOException {
		int port = freePort();
		List<String> args = List.of("--server.port=" + port, "--server.address=127.0.0.1",
				"--dvk.embedded.postgres.port=0", "--dvk.embedded.mail.smtp-port=0",
				"--dvk.embedded.mail.imap-port=0",
				"--dvk.org.location=file:" + settings.basedir().resolve("config/org") + "/");
		return start(settings, name, port, args, Map.of(), directory);
	}

	private static AppNode start(BenchSettings settings, String name, int port, List<String> args,
			Map<String, String> env, Path directory) throws IOException {
		Files.createDirectories(directory);
		Path log = settings.work().resolve(name + ".log");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(JVM_OPTIONS);
		if (Boolean.getBoolean("bench.jfr")) {
			// -Dbench.jfr=true: a CPU profile of each node (target/bench/<name>.jfr; `jfr print --events
			// jdk.ExecutionSample`, or JDK Mission Control) to see where the time goes
			command.add("-XX:StartFlightRecording=settings=profile,filename=" + settings.work().resolve(name + ".jfr"));
		}
		command.add("-jar");
		command.add(bootJar(settings.basedir()).toString());
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("DVK_")
				|| k.startsWith("CAMUNDA_") || k.startsWith("KEYCLOAK_") || k.startsWith("JAVA_TOOL"));
		builder.environment().putAll(env);
		long started = System.nanoTime();
		Process process = builder.start();
		// a harness that is stopped (Ctrl+C, a killed Maven) takes its application processes with it
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, name + "-stopper"));
		return new AppNode(name, port, log, process, started);
	}

	static Path bootJar(Path basedir) throws IOException {
		try (Stream<Path> files = Files.list(basedir.resolve("target"))) {
			List<Path> jars = files.filter(p -> p.getFileName().toString().matches("dvk-.*\\.jar"))
				.filter(p -> !p.toString().endsWith("-plain.jar"))
				.toList();
			if (jars.size() != 1) {
				throw new IllegalStateException("the Boot jar in target/ (mvn package runs before the benchmark): " + jars);
			}
			return jars.get(0);
		}
	}

	/** Waits for readiness UP (after Flyway, the engine, deployment and seeding); returns the seconds it took. */
	double awaitReady(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		BenchHttp probe = new BenchHttp(port);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
			}
			try {
				BenchHttp.Response health = probe.get(null, "/actuator/health/readiness");
				if (health.status() == 200 && health.text().contains("\"UP\"")) {
					return (System.nanoTime() - startedNanos) / 1e9;
				}
			}
			catch (RuntimeException notYet) {
				// still starting
			}
			sleep(100);
		}
		throw new IllegalStateException(name + " not ready within " + timeout + ":\n" + tail());
	}

	/** What Spring Boot logged: "Started DvkApplication in X seconds". */
	double startedInSeconds() {
		try {
			for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
				int at = line.indexOf("Started DvkApplication in ");
				if (at >= 0) {
					String rest = line.substring(at + "Started DvkApplication in ".length());
					return Double.parseDouble(rest.substring(0, rest.indexOf(' ')));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
		return Double.NaN;
	}

	BenchHttp http() {
		if (http == null) {
			http = new BenchHttp(port);
		}
		return http;
	}

	long pid() {
		return process.pid();
	}

	/** Resident set size now and at its peak (VmHWM), in MB. */
	double[] rssMegabytes() {
		double rss = Double.NaN;
		double peak = Double.NaN;
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
				if (line.startsWith("VmRSS:")) {
					rss = kilobytes(line) / 1024.0;
				}
				if (line.startsWith("VmHWM:")) {
					peak = kilobytes(line) / 1024.0;
				}
			}
		}
		catch (IOException ex) {
			// gone
		}
		return new double[] { rss, peak };
	}

	/** CPU seconds the process has used (user + system), from /proc/<pid>/stat. */
	double cpuSeconds() {
		return Machine.cpuSeconds(pid());
	}

	/** Runs a full GC in the process (jcmd GC.run), so that the heap in use afterwards is what is live. */
	void fullGc() {
		try {
			Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
					String.valueOf(pid()), "GC.run").redirectErrorStream(true).start();
			jcmd.getInputStream().readAllBytes();
			jcmd.waitFor();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static long kilobytes(String line) {
		return Long.parseLong(line.replaceAll("[^0-9]", ""));
	}

	String tail() {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex + ")";
		}
	}

	/** Stops the process gracefully (SIGTERM), then forcibly if it does not end in 30 s. */
	@Override
	public void close() {
		if (!process.isAlive()) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
