package vn.dvk.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What one benchmark run does, from system properties ({@code -Dbench.sizes=...} on the Maven
 * command line). {@code -Dbench.sizes=smoke} is the short run of {@code .ci/run}: one small size,
 * every row of the table, nothing written to docs/.
 *
 * @param sizes registrations in the database when the queries are measured, ascending
 * @param window registrations submitted and reviewed through HTTP at each size (the measured rush)
 * @param open registrations submitted after the rush and left waiting for review (the reviewers' open tasks)
 * @param submitters concurrent unit heads' clients
 * @param reviewers concurrent reviewers' clients
 * @param samples requests per query measured at rest
 * @param councilModels models put before the council session (reported, assessed by every member)
 * @param attachmentEvery every n-th registration of the rush uploads an attachment
 * @param writeDocs replace the table in docs/benchmarks.md
 */
record BenchSettings(boolean smoke, List<Integer> sizes, int window, int open, int submitters, int reviewers,
		int samples, int councilModels, int attachmentEvery, boolean writeDocs, Path basedir) {

	static BenchSettings fromSystemProperties() {
		Path basedir = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
		String sizes = System.getProperty("bench.sizes", "1000,10000,100000").strip();
		boolean smoke = sizes.equals("smoke");
		List<Integer> list = smoke ? List.of(200)
				: Arrays.stream(sizes.split(",")).map(String::strip).map(Integer::parseInt).sorted().toList();
		int window = integer("bench.window", smoke ? 40 : 1000);
		return new BenchSettings(smoke, list, Math.min(window, list.get(0)),
				integer("bench.open", smoke ? 10 : Math.max(20, window / 10)), integer("bench.submitters", 6),
				integer("bench.reviewers", 3), integer("bench.samples", smoke ? 20 : 200),
				integer("bench.council-models", smoke ? 4 : 30), integer("bench.attachment-every", 10),
				Boolean.parseBoolean(System.getProperty("bench.write-docs", String.valueOf(!smoke))), basedir);
	}

	private static int integer(String name, int otherwise) {
		String value = System.getProperty(name);
		return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.strip());
	}

	Path work() {
		return basedir.resolve("target/bench");
	}

}
