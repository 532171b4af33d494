package vn.dvk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes ({@code java -jar target/dvk-*.jar}, separate processes) on one real
 * PostgreSQL, sending mail to one SMTP server (GreenMail, started here). Registrations and
 * reviews go through both nodes; review-overdue timers are made due so that the job executors
 * of both nodes run them; node 1 is killed with SIGKILL while requests are in flight, requests
 * that died with it are checked by reading and retried on node 2 (registrations with their
 * {@code Idempotency-Key}), node 1 is started again (with demo seeding on, on a seeded database),
 * and the season is finished on both. Then the shared database and the mailbox must show every
 * registration once, every process where it belongs, no incident, no job executed twice, the
 * outbox drained and every expected email exactly once. Prints the counts.
 * <p>
 * Needs the Boot jar ({@code package} runs before Failsafe); fails without it.
 */
class ClusterIntegrationTests {

	static final Path BASEDIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();

	static final Path WORK = BASEDIR.resolve("target/cluster");

	static final ObjectMapper JSON = new ObjectMapper();

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static final String REVIEW_TASK = "UserTask_ReviewRegistration";

	static final String OVERDUE_TIMER = "BoundaryEvent_ReviewOverdue";

	/** Registering units: two of the legacy district (reviewed by the district, then the province), four reviewed by the province. */
	static final List<String> UNITS = List.of("xa-cam-hai-dong", "phuong-nha-trang", "so-y-te", "xa-cam-duc",
			"xa-van-ninh", "tinh-doan");

	static final int REGISTRATIONS = 24;

	static EmbeddedPostgres postgres;

	static GreenMail smtp;

	static final List<Node> nodes = new ArrayList<>();

	// ---- what the test counts --------------------------------------------------------------

	final Map<String, AtomicInteger> submittedBy = new ConcurrentHashMap<>();

	final Map<String, AtomicInteger> completedBy = new ConcurrentHashMap<>();

	final AtomicInteger retriedRegistrations = new AtomicInteger();

	final AtomicInteger registrationsCommittedBeforeKill = new AtomicInteger();

	final AtomicInteger retriedCompletions = new AtomicInteger();

	final AtomicInteger completionsCommittedBeforeKill = new AtomicInteger();

	final AtomicInteger requestsStarted = new AtomicInteger();

	/** How often each outbox row had arrived when node 1 was killed. */
	volatile Map<String, Integer> mailsAtKill = Map.of();

	@BeforeAll
	static void startDatabaseAndMail() throws IOException {
		Files.createDirectories(WORK);
		postgres = EmbeddedPostgres.builder()
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("max_connections", "200")
			.setLocaleConfig("locale", "C.UTF-8")
			.setLocaleConfig("encoding", "UTF8")
			.start();
		smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
	}

	@AfterAll
	static void stopEverything() throws IOException {
		for (Node node : nodes) {
			node.kill();
		}
		if (smtp != null) {
			smtp.stop();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void twoNodesShareTheSeasonAndNothingIsLostOrDoneTwiceWhenOneIsKilled() throws Exception {
		long started = System.nanoTime();
		Path jar = bootJar();
		Node node1 = new Node("node-1", jar, true);
		Node node2 = new Node("node-2", jar, false);
		nodes.add(node1);
		nodes.add(node2);

		// node 2 starts once node 1 has created the schemas, deployed and seeded
		node1.start();
		node1.awaitReady();
		long deployments = count("select count(*) from act_re_deployment");
		node2.start();
		node2.awaitReady();
		// as a load balancer's health check would: the first /engine-rest call starts its Jersey servlet
		node1.warmUp();
		node2.warmUp();
		assertThat(count("select count(*) from act_re_deployment")).as("node 2 deploys nothing new").isEqualTo(deployments);
		assertSeededOnce();

		String planCode = single("select code from plan where status = 'REGISTRATION_OPEN'");
		List<Registration> registrations = new ArrayList<>();
		for (int i = 0; i < REGISTRATIONS; i++) {
			String unit = UNITS.get(i % UNITS.size());
			List<String> levels = unit.startsWith("xa-cam-") ? List.of("huyen-cam-lam", "tinh") : List.of("tinh");
			registrations.add(new Registration(i, unit, levels, i % 6 == 5));
		}
		int half = REGISTRATIONS / 2;
		List<Registration> first = registrations.subList(0, half);
		List<Registration> second = registrations.subList(half, REGISTRATIONS);

		ExecutorService clients = Executors.newFixedThreadPool(4);
		try {
			// 1. both nodes take registrations
			run(clients, first.stream().map(r -> (Callable<Void>) () -> register(r, planCode)).toList());

			// 2. their first-level reviews become overdue: the job executors of both nodes send the reminders
			makeOverdue(first);

			// 3. more registrations and the first reviews on both nodes; node 1 is killed in the middle
			List<Callable<Void>> mixed = new ArrayList<>();
			for (int i = 0; i < half; i++) {
				Registration later = second.get(i);
				Registration earlier = first.get(i);
				mixed.add(() -> register(later, planCode));
				mixed.add(() -> review(earlier));
			}
			int killAt = mixed.size() / 2;
			requestsStarted.set(0);
			CompletableFuture<Void> kill = new CompletableFuture<>();
			Thread killer = new Thread(() -> {
				try {
					while (requestsStarted.get() < killAt) {
						Thread.sleep(5);
					}
					Thread.sleep(50);
					node1.sigkill();
					mailsAtKill = outboxKeysReceived();
					kill.complete(null);
				}
				catch (Exception ex) {
					kill.completeExceptionally(ex);
				}
			}, "killer");
			killer.start();
			run(clients, mixed);
			kill.get();

			// 4. node 1 is started again (demo seeding on, on the seeded database) while node 2 carries on
			//    alone: its job executor runs the second half's overdue timers, it finishes the first half
			CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> {
				node1.start();
				node1.awaitReady();
				node1.warmUp();
			});
			makeOverdue(second);
			runRounds(clients, first);
			restart.get();
			assertThat(count("select count(*) from act_re_deployment")).as("the restarted node deploys nothing new")
				.isEqualTo(deployments);

			// 5. both nodes finish the season
			runRounds(clients, second);
		}
		finally {
			clients.shutdownNow();
		}
		assertThat(registrations).allMatch(Registration::done);

		awaitTrue("outbox drained", Duration.ofSeconds(120),
				() -> count("select count(*) from mail_outbox where status <> 'SENT'") == 0);
		long sentRows = count("select count(*) from mail_outbox");
		awaitTrue("every sent outbox row in the mailbox", Duration.ofSeconds(30),
				() -> smtp.getReceivedMessages().length >= sentRows);
		Thread.sleep(2000); // a late duplicate would arrive now

		assertSeededOnce();
		assertRegistrationsOnceAndProcessesWhereTheyBelong(planCode, registrations);
		assertNoIncidentAndNoJobTwice();
		int redelivered = assertEveryMailExactlyOnce(registrations, sentRows);

		printCounts(registrations, sentRows, redelivered, Duration.ofNanos(System.nanoTime() - started));
	}

	// ---- the season's steps ------------------------------------------------------------------

	/** Registers through the next node; a request that died with its node is sent again (same key) to a live one. */
	Void register(Registration r, String planCode) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("planCode", planCode);
		body.put("kind", "MODEL");
		body.put("field", "KINH_TE");
		body.put("name", r.name());
		for (String item : List.of("situation", "objectives", "approach", "beneficiaries", "implementers", "resources",
				"timeframe", "outputs", "sustainability")) {
			body.put(item, "Nội dung " + item + " của mô hình số " + r.index + ".");
		}
		Node node = route(r.index);
		Response answer;
		try {
			answer = node.post(r.head(), "/api/registrations", body, Map.of("Idempotency-Key", r.key()));
		}
		catch (IOException died) {
			retriedRegistrations.incrementAndGet();
			node = live();
			answer = node.post(r.head(), "/api/registrations", body, Map.of("Idempotency-Key", r.key()));
			if (answer.status == 200) {
				registrationsCommittedBeforeKill.incrementAndGet();
			}
		}
		assertThat(answer.status).as("registration %s: %s", r.key(), answer.body).isIn(200, 201);
		r.code = answer.body.path("code").asText();
		submittedBy.computeIfAbsent(node.name, n -> new AtomicInteger()).incrementAndGet();
		return null;
	}

	/** Decides the registration's current level through the next node; checks by reading before repeating. */
	Void review(Registration r) throws Exception {
		String level = r.levels.get(r.level);
		String reviewer = "reviewer-" + level;
		Node node = route(r.index + r.level);
		String taskId = openReviewTask(node, reviewer, r.code);
		boolean reject = r.rejected && r.level == 0;
		Map<String, Object> variables = Map.of("variables",
				Map.of("decision", Map.of("value", reject ? "REJECT" : "APPROVE", "type", "String"), "comment",
						Map.of("value", reject ? "Mô hình chưa phù hợp với kế hoạch." : "Đồng ý.", "type",
								"String")));
		Response answer;
		try {
			answer = node.post(reviewer, "/engine-rest/task/" + taskId + "/complete", variables, Map.of());
		}
		catch (IOException died) {
			node = live();
			// did it commit before the node died? then the task is gone and must not be decided again
			Response task = node.get(reviewer, "/engine-rest/task/" + taskId);
			if (task.status == 404) {
				completionsCommittedBeforeKill.incrementAndGet();
				answer = new Response(204, null);
			}
			else {
				retriedCompletions.incrementAndGet();
				answer = node.post(reviewer, "/engine-rest/task/" + taskId + "/complete", variables, Map.of());
			}
		}
		assertThat(answer.status).as("review of %s at %s: %s", r.code, level, answer.body).isEqualTo(204);
		completedBy.computeIfAbsent(node.name, n -> new AtomicInteger()).incrementAndGet();
		r.level++;
		return null;
	}

	String openReviewTask(Node node, String reviewer, String code) throws Exception {
		Response list;
		try {
			list = node.get(reviewer, "/engine-rest/task?processInstanceBusinessKey=" + code + "&taskDefinitionKey="
					+ REVIEW_TASK + "&candidateUser=" + reviewer + "&maxResults=10");
		}
		catch (IOException died) {
			list = live().get(reviewer, "/engine-rest/task?processInstanceBusinessKey=" + code + "&taskDefinitionKey="
					+ REVIEW_TASK + "&candidateUser=" + reviewer + "&maxResults=10");
		}
		assertThat(list.status).isEqualTo(200);
		assertThat(list.body).as("open review task of %s for %s", code, reviewer).hasSize(1);
		return list.body.get(0).path("id").asText();
	}

	/** Rounds of the next review of every unfinished registration, until none is left. */
	void runRounds(ExecutorService clients, List<Registration> registrations) throws Exception {
		while (true) {
			List<Callable<Void>> round = registrations.stream()
				.filter(r -> !r.done())
				.map(r -> (Callable<Void>) () -> review(r))
				.toList();
			if (round.isEmpty()) {
				return;
			}
			run(clients, round);
		}
	}

	/**
	 * Makes the first-level review timers due now (through /engine-rest of the registration's node, whose
	 * job executor hears of it at once; the other's finds it at its next acquisition) and waits until a
	 * job executor has run them.
	 */
	void makeOverdue(List<Registration> registrations) throws Exception {
		List<String> jobs = new ArrayList<>();
		for (Registration r : registrations) {
			String job = single("""
					select j.id_ from act_ru_job j join act_ru_execution p on p.id_ = j.process_instance_id_
					where p.business_key_ = ? and j.handler_cfg_ = ? and j.process_def_key_ = 'LevelReviewProcess'
					""", r.code, OVERDUE_TIMER);
			jobs.add(job);
			r.overdue = true;
		}
		String due = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
			.format(Instant.now().minusSeconds(60).atOffset(ZoneOffset.UTC));
		for (int i = 0; i < jobs.size(); i++) {
			String job = jobs.get(i);
			Response answer = route(registrations.get(i).index).put("admin", "/engine-rest/job/" + job + "/duedate",
					Map.of("duedate", due));
			assertThat(answer.status).as("due date of job %s: %s", job, answer.body).isEqualTo(204);
		}
		awaitTrue("overdue timers run by the job executors", Duration.ofSeconds(90),
				() -> count("select count(*) from act_ru_job where id_ = any(?)", (Object) jobs.toArray(String[]::new)) == 0);
	}

	// ---- nodes -------------------------------------------------------------------------------

	Node route(int index) {
		Node preferred = nodes.get(index % nodes.size());
		return preferred.alive ? preferred : live();
	}

	Node live() {
		return nodes.stream().filter(n -> n.alive).findFirst().orElseThrow(() -> new AssertionError("no node alive"));
	}

	void run(ExecutorService clients, List<Callable<Void>> work) throws Exception {
		List<Future<Void>> results = new ArrayList<>();
		for (Callable<Void> item : work) {
			results.add(clients.submit(() -> {
				requestsStarted.incrementAndGet();
				return item.call();
			}));
		}
		for (Future<Void> result : results) {
			result.get();
		}
	}

	static Path bootJar() throws IOException {
		try (Stream<Path> files = Files.list(BASEDIR.resolve("target"))) {
			List<Path> jars = files
				.filter(p -> p.getFileName().toString().matches("dvk-.*\\.jar") && !p.toString().endsWith("-plain.jar"))
				.toList();
			assertThat(jars).as("the Boot jar in target/ (mvn package runs before the integration tests)").hasSize(1);
			return jars.get(0);
		}
	}

	/** One application process on the shared database. */
	static final class Node {

		final String name;

		final Path jar;

		final boolean demo;

		final int port;

		final Path log;

		volatile Process process;

		volatile boolean alive;

		int starts;

		Node(String name, Path jar, boolean demo) throws IOException {
			this.name = name;
			this.jar = jar;
			this.demo = demo;
			this.port = freePort();
			this.log = WORK.resolve(name + ".log");
		}

		void start() {
			try {
				Path dir = Files.createDirectories(WORK.resolve(name));
				String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
				List<String> command = List.of(java, "-Xmx768m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
						"--server.port=" + port, "--server.address=127.0.0.1",
						"--dvk.embedded.postgres.enabled=false", "--dvk.embedded.mail.enabled=false",
						"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
						"--dvk.demo.enabled=" + demo, "--dvk.org.location=file:" + BASEDIR.resolve("config/org") + "/",
						"--dvk.mail.base-url=http://127.0.0.1:" + port,
						// what a crash costs: mail leased and jobs locked by a dead node wait this long
						"--dvk.mail.dispatcher.fixed-delay=500ms", "--dvk.mail.dispatcher.lease=20s",
						"--camunda.bpm.job-execution.lock-time-in-millis=20000",
						"--camunda.bpm.job-execution.wait-time-in-millis=500",
						"--camunda.bpm.job-execution.max-wait=2000",
						"--camunda.bpm.generic-properties.properties.hostname=" + name);
				ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
					.redirectErrorStream(true)
					.redirectOutput(starts == 0 ? ProcessBuilder.Redirect.to(log.toFile())
							: ProcessBuilder.Redirect.appendTo(log.toFile()));
				Map<String, String> env = builder.environment();
				env.keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("DVK_") || k.startsWith("CAMUNDA_")
						|| k.startsWith("KEYCLOAK_"));
				env.put("SPRING_DATASOURCE_URL", postgres.getJdbcUrl("postgres", "postgres"));
				env.put("SPRING_DATASOURCE_USERNAME", "postgres");
				env.put("SPRING_DATASOURCE_PASSWORD", "postgres");
				// an external database: the engine's tables by explicit choice (docs/operations.md):
				// the first node creates them, the second only checks them
				env.put("DVK_ENGINE_SCHEMA_UPDATE", demo ? "true" : "false");
				starts++;
				process = builder.start();
			}
			catch (IOException ex) {
				throw new IllegalStateException(name + " did not start", ex);
			}
		}

		/** Ready = readiness UP, after the start-up seeding (ApplicationReadyEvent) is done. */
		void awaitReady() {
			Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
			while (Instant.now().isBefore(deadline)) {
				if (!process.isAlive()) {
					fail(name + " exited with " + process.exitValue() + ":\n" + tail());
				}
				try {
					Response health = get(null, "/actuator/health/readiness");
					if (health.status == 200 && "UP".equals(health.body.path("status").asText())) {
						alive = true;
						return;
					}
				}
				catch (IOException notYet) {
					// still starting
				}
				sleep(500);
			}
			fail(name + " not ready after 3 minutes:\n" + tail());
		}

		void warmUp() {
			try {
				assertThat(get("admin", "/engine-rest/task?maxResults=1").status).isEqualTo(200);
				assertThat(get("drafter", "/api/plans").status).isEqualTo(200);
			}
			catch (IOException ex) {
				throw new IllegalStateException(name + " not answering", ex);
			}
		}

		/** SIGKILL: no shutdown hook, no graceful stop, connections dropped. */
		void sigkill() throws InterruptedException {
			alive = false;
			process.destroyForcibly();
			int exit = process.waitFor();
			assertThat(exit).as(name + " killed by SIGKILL (128 + 9)").isEqualTo(137);
		}

		void kill() {
			alive = false;
			if (process != null && process.isAlive()) {
				process.destroyForcibly();
			}
		}

		Response get(String user, String path) throws IOException {
			return send(user, HttpRequest.newBuilder(uri(path)).GET(), Map.of());
		}

		Response post(String user, String path, Object body, Map<String, String> headers) throws IOException {
			Map<String, String> all = new LinkedHashMap<>(headers);
			all.put("Content-Type", "application/json");
			return send(user, HttpRequest.newBuilder(uri(path)).POST(json(body)), all);
		}

		Response put(String user, String path, Object body) throws IOException {
			return send(user, HttpRequest.newBuilder(uri(path)).PUT(json(body)), Map.of("Content-Type", "application/json"));
		}

		private Response send(String user, HttpRequest.Builder request, Map<String, String> headers)
				throws IOException {
			request.timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
			if (user != null) {
				request.header("Authorization", "Basic "
						+ Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
			}
			headers.forEach(request::header);
			try {
				HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
				byte[] body = response.body();
				JsonNode json = null;
				if (body.length > 0) {
					try {
						json = JSON.readTree(body);
					}
					catch (IOException notJson) {
						json = JSON.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8));
					}
				}
				return new Response(response.statusCode(), json);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException(ex);
			}
		}

		private URI uri(String path) {
			return URI.create("http://127.0.0.1:" + port + path);
		}

		private static HttpRequest.BodyPublisher json(Object body) throws IOException {
			return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
		}

		String tail() {
			try {
				List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
				return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
			}
			catch (IOException ex) {
				return "(no log: " + ex + ")";
			}
		}

		private static int freePort() throws IOException {
			try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
					java.net.InetAddress.getByName("127.0.0.1"))) {
				return socket.getLocalPort();
			}
		}

	}

	record Response(int status, JsonNode body) {
	}

	/** One registration the test drives: its unit, its review levels bottom-up, whether it is rejected at the first. */
	static final class Registration {

		final int index;

		final String unit;

		final List<String> levels;

		final boolean rejected;

		volatile String code;

		volatile int level;

		volatile boolean overdue;

		Registration(int index, String unit, List<String> levels, boolean rejected) {
			this.index = index;
			this.unit = unit;
			this.levels = levels;
			this.rejected = rejected;
		}

		String head() {
			return "head-" + unit;
		}

		String key() {
			return "cluster-" + index;
		}

		String name() {
			return "Mô hình cụm số " + index + " “Dân vận khéo trên nền tảng chung”";
		}

		/** Review levels the process reaches: all of them, or the first when it is rejected there. */
		int levelsReached() {
			return rejected ? 1 : levels.size();
		}

		boolean done() {
			return code != null && level >= levelsReached();
		}

	}

	// ---- assertions --------------------------------------------------------------------------

	void assertSeededOnce() {
		assertThat(count("select count(*) from plan")).as("one demo plan, seeded once").isEqualTo(1);
		assertThat(rows("select name_ from act_ru_filter group by name_ having count(*) > 1")).as("duplicate filters")
			.isEmpty();
		assertThat(rows("select key_ from act_re_procdef group by key_ having count(*) > 1"))
			.as("process definitions deployed more than once")
			.isEmpty();
		assertThat(rows("""
				select dedup_key from mail_outbox where template = 'plan-published'
				group by dedup_key having count(*) > 1""")).isEmpty();
	}

	void assertRegistrationsOnceAndProcessesWhereTheyBelong(String planCode, List<Registration> registrations) {
		assertThat(count("select count(*) from registration where plan_code = ?", planCode)).isEqualTo(REGISTRATIONS);
		assertThat(rows("select idempotency_key from registration where plan_code = ? order by idempotency_key",
				planCode))
			.containsExactlyInAnyOrderElementsOf(registrations.stream().map(Registration::key).toList());
		assertThat(count("select count(*) from act_ru_task where task_def_key_ = ?", REVIEW_TASK)).as("open reviews")
			.isZero();
		for (Registration r : registrations) {
			String status = single("select status from registration where code = ?", r.code);
			assertThat(status).as(r.code).isEqualTo(r.rejected ? "REJECTED" : "ACCEPTED");
			assertThat(count("select count(*) from registration_history where registration_code = ? and action = 'SUBMITTED'",
					r.code)).as("SUBMITTED entries of " + r.code).isEqualTo(1);
			assertThat(count("""
					select count(*) from registration_history where registration_code = ? and action = 'APPROVED'""",
					r.code)).as("APPROVED entries of " + r.code).isEqualTo(r.rejected ? 0 : r.levels.size());
			assertThat(count("""
					select count(*) from registration_history where registration_code = ? and action = ?""", r.code,
					r.rejected ? "REJECTED" : "ACCEPTED")).as("final entry of " + r.code).isGreaterThanOrEqualTo(1);
			assertThat(rows("""
					select action || '/' || status || '/' || coalesce(review_unit_code, '') from registration_history
					where registration_code = ? group by action, status, review_unit_code having count(*) > 1""", r.code))
				.as("duplicate history of " + r.code)
				.isEmpty();

			List<String> instances = rows("""
					select id_ from act_hi_procinst where proc_def_key_ = 'ModelRegistrationProcess' and business_key_ = ?""",
					r.code);
			assertThat(instances).as("one ModelRegistrationProcess of " + r.code).hasSize(1);
			String instance = instances.get(0);
			if (r.rejected) {
				assertThat(single("select end_act_id_ from act_hi_procinst where id_ = ?", instance))
					.isEqualTo("EndEvent_RegistrationRejected");
			}
			else {
				assertThat(rows("select act_id_ from act_ru_execution where proc_inst_id_ = ? and act_id_ is not null",
						instance))
					.as("accepted %s waits for the evaluation", r.code)
					.contains("ReceiveTask_WaitForEvaluation");
			}
			assertThat(count("""
					select count(*) from act_hi_procinst where proc_def_key_ = 'LevelReviewProcess' and business_key_ = ?
					and end_time_ is not null""", r.code)).as("level reviews of " + r.code).isEqualTo(r.levelsReached());
			assertThat(count("""
					select count(*) from act_hi_procinst where proc_def_key_ = 'LevelReviewProcess' and business_key_ = ?""",
					r.code)).isEqualTo(r.levelsReached());
		}
	}

	void assertNoIncidentAndNoJobTwice() {
		assertThat(rows("select incident_msg_ from act_ru_incident")).as("incidents").isEmpty();
		assertThat(rows("select id_ from act_ru_job where retries_ = 0 or exception_msg_ is not null"))
			.as("failed jobs")
			.isEmpty();
		assertThat(rows("select job_id_ from act_hi_job_log where job_state_ = 2 group by job_id_ having count(*) > 1"))
			.as("jobs that succeeded twice")
			.isEmpty();
		long overdue = nodes.isEmpty() ? 0 : count("""
				select count(*) from act_hi_job_log where job_state_ = 2 and act_id_ = ?""",
				OVERDUE_TIMER);
		assertThat(overdue).as("overdue timers run").isEqualTo(REGISTRATIONS);
	}

	/**
	 * Every outbox row arrived, once per recipient and subject. The one duplicate SMTP cannot rule
	 * out: a message node 1 handed to the server just before it was killed, before it could mark the
	 * row SENT, sent again by node 2 after the lease: same outbox key, first copy before the kill.
	 */
	int assertEveryMailExactlyOnce(List<Registration> registrations, long sentRows) throws Exception {
		MimeMessage[] received = smtp.getReceivedMessages();
		Map<String, List<Integer>> byRecipientAndSubject = new TreeMap<>();
		Map<String, List<Integer>> byOutboxKey = new TreeMap<>();
		for (int i = 0; i < received.length; i++) {
			MimeMessage m = received[i];
			for (var to : m.getRecipients(Message.RecipientType.TO)) {
				byRecipientAndSubject.computeIfAbsent(to.toString() + " | " + m.getSubject(), k -> new ArrayList<>())
					.add(i);
			}
			String[] key = m.getHeader("X-DVK-Outbox-Key");
			assertThat(key).as("outbox key of message " + i).isNotNull();
			byOutboxKey.computeIfAbsent(key[0], k -> new ArrayList<>()).add(i);
		}
		assertThat(byOutboxKey.keySet()).as("one message per outbox row")
			.containsExactlyInAnyOrderElementsOf(rows("select dedup_key from mail_outbox"));
		assertThat(byOutboxKey).hasSize((int) sentRows);

		int redelivered = 0;
		List<String> duplicates = new ArrayList<>();
		for (var entry : byRecipientAndSubject.entrySet()) {
			List<Integer> copies = entry.getValue();
			if (copies.size() == 1) {
				continue;
			}
			Set<String> keys = copies.stream().map(i -> header(received[i], "X-DVK-Outbox-Key")).collect(Collectors.toSet());
			boolean killWindow = copies.size() == 2 && keys.size() == 1
					&& mailsAtKill.getOrDefault(keys.iterator().next(), 0) == 1;
			if (killWindow) {
				redelivered++;
			}
			else {
				duplicates.add(entry.getKey() + " x" + copies.size() + " " + keys);
			}
		}
		assertThat(duplicates).as("emails that arrived twice").isEmpty();

		// the expected ones, from the driven path and the group members in the shared database
		List<String> missing = new ArrayList<>();
		Set<String> arrived = byRecipientAndSubject.keySet();
		for (Registration r : registrations) {
			String unit = "unit-" + r.unit;
			expect(missing, arrived, unit, "Xác nhận đã nhận đăng ký " + r.code + ": ");
			expect(missing, arrived, unit, r.rejected ? "Đăng ký " + r.code + " không được tiếp nhận"
					: "Đăng ký " + r.code + " đã được tiếp nhận: ");
			for (int level = 0; level < r.levelsReached(); level++) {
				String reviewers = "reviewers-" + r.levels.get(level);
				expect(missing, arrived, reviewers, "Công việc mới cần xử lý: Thẩm định: ", "(" + r.code + ")");
			}
			if (r.overdue) {
				expect(missing, arrived, "reviewers-" + r.levels.get(0),
						"Nhắc thẩm định: đăng ký " + r.code + " đã quá hạn xử lý");
			}
		}
		assertThat(missing).as("expected emails that never arrived").isEmpty();
		return redelivered;
	}

	void expect(List<String> missing, Set<String> arrived, String group, String subjectStart, String... containing) {
		List<String> members = rows("""
				select u.email_ from act_id_membership m join act_id_user u on u.id_ = m.user_id_
				where m.group_id_ = ? and u.email_ is not null""", group);
		assertThat(members).as("members of " + group).isNotEmpty();
		for (String address : members) {
			long found = arrived.stream()
				.filter(k -> k.startsWith(address + " | " + subjectStart))
				.filter(k -> Stream.of(containing).allMatch(k::contains))
				.count();
			if (found != 1) {
				missing.add(address + " | " + subjectStart + String.join(" ", containing) + " (" + found + ")");
			}
		}
	}

	void printCounts(List<Registration> registrations, long sentRows, int redelivered, Duration took) {
		Map<String, Long> jobsByHost = new TreeMap<>();
		for (String host : rows("select coalesce(hostname_, '?') from act_hi_job_log where job_state_ = 2")) {
			jobsByHost.merge(host, 1L, Long::sum);
		}
		Map<String, Long> mailByTemplate = new TreeMap<>();
		for (String template : rows("select template from mail_outbox where status = 'SENT'")) {
			mailByTemplate.merge(template, 1L, Long::sum);
		}
		StringBuilder out = new StringBuilder("\n==== Cluster test: two nodes, one PostgreSQL, node-1 killed with SIGKILL ====\n");
		row(out, "registrations submitted (rejected at the first level)",
				registrations.size() + " (" + registrations.stream().filter(r -> r.rejected).count() + ")");
		submittedBy.forEach((node, n) -> row(out, "  answered by " + node, n.get()));
		row(out, "  retried after the kill (of which already committed)",
				retriedRegistrations.get() + " (" + registrationsCommittedBeforeKill.get() + ")");
		row(out, "review tasks completed", completedBy.values().stream().mapToInt(AtomicInteger::get).sum());
		new TreeMap<>(completedBy).forEach((node, n) -> row(out, "  by " + node, n.get()));
		row(out, "  died with node-1: committed (found gone) / retried",
				completionsCommittedBeforeKill.get() + " / " + retriedCompletions.get());
		row(out, "jobs executed successfully (act_hi_job_log)", jobsByHost.values().stream().mapToLong(Long::longValue).sum());
		jobsByHost.forEach((host, n) -> row(out, "  on " + host, n));
		row(out, "emails sent (outbox rows = messages received)", sentRows);
		mailByTemplate.forEach((template, n) -> row(out, "  " + template, n));
		row(out, "emails received twice (kill window, same outbox row)", redelivered);
		row(out, "outbox rows not SENT", count("select count(*) from mail_outbox where status <> 'SENT'"));
		row(out, "incidents", count("select count(*) from act_ru_incident"));
		row(out, "node-1 starts / node-2 starts", nodes.get(0).starts + " / " + nodes.get(1).starts);
		row(out, "run time (s)", took.toSeconds());
		System.out.println(out);
		try {
			Files.writeString(WORK.resolve("counts.txt"), out.toString());
		}
		catch (IOException ignored) {
			// printed above
		}
	}

	static void row(StringBuilder out, String label, Object value) {
		out.append(String.format("%-58s %s%n", label, value));
	}

	static Map<String, Integer> outboxKeysReceived() {
		Map<String, Integer> keys = new LinkedHashMap<>();
		for (MimeMessage m : smtp.getReceivedMessages()) {
			keys.merge(header(m, "X-DVK-Outbox-Key"), 1, Integer::sum);
		}
		return keys;
	}

	static String header(MimeMessage message, String name) {
		try {
			String[] values = message.getHeader(name);
			return values == null ? null : values[0];
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// ---- JDBC on the shared database ---------------------------------------------------------

	static DataSource db() {
		return postgres.getPostgresDatabase();
	}

	static long count(String sql, Object... params) {
		return Long.parseLong(single(sql, params));
	}

	static String single(String sql, Object... params) {
		List<String> values = rows(sql, params);
		assertThat(values).as(sql).hasSize(1);
		return values.get(0);
	}

	static List<String> rows(String sql, Object... params) {
		try (Connection c = db().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				if (params[i] instanceof String[] array) {
					s.setArray(i + 1, c.createArrayOf("varchar", array));
				}
				else {
					s.setObject(i + 1, params[i]);
				}
			}
			List<String> values = new ArrayList<>();
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					values.add(rs.getString(1));
				}
			}
			return Collections.unmodifiableList(values);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
		Instant deadline = Instant.now().plus(timeout);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				fail(what + ": not within " + timeout);
			}
			sleep(250);
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
