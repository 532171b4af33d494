package vn.dvk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The season benchmark (issue 7): {@code ./mvnw -Pbench verify} (sizes with
 * {@code -Dbench.sizes=1000,10000,100000}, the CI smoke with {@code -Dbench.sizes=smoke}). See
 * docs/benchmarks.md for the method; the table it prints is written there.
 * <p>
 * Timings are never asserted: the run must complete and its table must have every row.
 */
class SeasonBenchmark {

	@Test
	void seasonAtEverySize() throws Exception {
		// the harness's own engine and mail server stay quiet; progress lines go to standard output
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		BenchSettings settings = BenchSettings.fromSystemProperties();
		prepareWorkDirectory(settings.work());
		ResultTable table = new BenchRun(settings).run();
		String markdown = table.markdown();
		System.out.println("\n==== DVK season benchmark ====\n" + markdown);
		Files.writeString(settings.work().resolve("table.md"), markdown);
		if (settings.writeDocs()) {
			ResultTable.writeBetweenMarkers(settings.basedir().resolve("docs/benchmarks.md"), markdown);
		}
		assertThat(table.emptyRows()).as("rows without a value").isEmpty();
	}

	private static void prepareWorkDirectory(Path work) throws IOException {
		if (Files.exists(work)) {
			try (Stream<Path> files = Files.walk(work)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
		Files.createDirectories(work);
	}

}
