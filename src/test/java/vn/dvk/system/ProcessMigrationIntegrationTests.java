package vn.dvk.system;

import vn.dvk.testsupport.ThisContextsEngine;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.ActiveProfiles;

import vn.dvk.testsupport.ApiFixtures;

/**
 * docs/operations.md, "Upgrading a process", run as an operator runs it: over HTTP against the whole
 * application (embedded PostgreSQL, demo users, HTTP Basic, the engine's authorization checks on).
 * Registrations wait at the district's review ({@code LevelReviewProcess:1}); {@code admin} deploys
 * a release whose {@code LevelReviewProcess.bpmn} renames the review task, through
 * {@code /engine-rest/deployment/create}, with every file of {@code bpmn/} as the start-up deploys
 * them; then the documented {@code /engine-rest/migration/generate}, {@code validate},
 * {@code execute} (one instance) and {@code executeAsync} (the rest, as a batch whose jobs are run
 * through {@code /engine-rest/job/{id}/execute}) with the documented bodies. The migrated instances
 * belong to version 2, keep their task (id, assignee, candidate group, name, due date) and timers,
 * and the district's reviewer approves them, so the registrations move on to the province.
 */
// A context of its own, started right before the test: /engine-rest finds its engine in Camunda's
// static ProcessEngines registry, where the newest context's "default" engine wins (README, "Tests").
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dvk.demo.enabled=true", "dvk.test.context=process-migration",
				// the batch's jobs are run through /engine-rest/job/{id}/execute below, not behind the test's back
				"camunda.bpm.job-execution.enabled=false" })
@ActiveProfiles("test")
@ExtendWith(ThisContextsEngine.class)
class ProcessMigrationIntegrationTests {

	static final String HEAD = "head-xa-cam-hai-dong"; // commune of the legacy district huyen-cam-lam

	static final String REVIEWER = "reviewer-huyen-cam-lam";

	static final String KEY = "LevelReviewProcess";

	static final String TASK = "UserTask_ReviewRegistration";

	static final String V1_NAME = "name=\"Thẩm định: ${registrationName} — ${unitName}\"";

	static final String V2_NAME = "name=\"Thẩm định (mẫu mới): ${registrationName} — ${unitName}\"";

	static final List<String> TIMERS = List.of("BoundaryEvent_ReviewOverdue", "BoundaryEvent_ReviewEscalationOverdue");

	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	String plan;

	@Test
	void waitingReviewsAreMigratedToANewVersionThroughEngineRestAndGoOnThere() throws Exception {
		// 1. two registrations wait at the district's review, on version 1
		plan = openPlanReviewedAtEveryLevel();
		String code1 = register("Mô hình MIGRATION-1-" + UUID.randomUUID());
		String code2 = register("Mô hình MIGRATION-2-" + UUID.randomUUID());
		JsonNode task1 = onlyTask(code1);
		JsonNode task2 = onlyTask(code2);
		String instance1 = task1.path("processInstanceId").asText();
		String instance2 = task2.path("processInstanceId").asText();
		// the district's reviewer takes the first one, so that there is an assignee to keep
		assertThat(post(REVIEWER, "/engine-rest/task/" + task1.path("id").asText() + "/claim",
				"{\"userId\": \"" + REVIEWER + "\"}").statusCode()).isEqualTo(204);
		task1 = json(get("admin", "/engine-rest/task/" + task1.path("id").asText()));
		assertThat(task1.path("assignee").asText()).isEqualTo(REVIEWER);
		Map<String, String> timers1 = timers(instance1);

		// step 1 of the docs, as written there, is refused: lists must be paged
		HttpResponse<String> unpaged = get("admin", "/engine-rest/process-definition?key=" + KEY
				+ "&sortBy=version&sortOrder=asc");
		assertThat(unpaged.statusCode()).as(unpaged.body()).isEqualTo(400);
		JsonNode before = json(get("admin", definitionsPath()));
		assertThat(before).as("only version 1 deployed").hasSize(1);
		String v1 = before.get(0).path("id").asText();
		assertThat(before.get(0).path("version").asInt()).isEqualTo(1);
		assertThat(task1.path("processDefinitionId").asText()).isEqualTo(v1);
		assertThat(task2.path("processDefinitionId").asText()).isEqualTo(v1);

		// 2. the release, deployed as the start-up deploys it: nothing when nothing changed ...
		Map<String, byte[]> release = release();
		JsonNode unchanged = json(deploy(release));
		assertThat(json(get("admin", definitionsPath()))).as("duplicate filtering: nothing deployed").hasSize(1);
		assertThat(unchanged.path("deployedProcessDefinitions").isNull() || unchanged.path("deployedProcessDefinitions").isEmpty())
			.as("no definition deployed: %s", unchanged)
			.isTrue();
		// ... every file again when one changed (the review task renamed)
		String bpmnName = release.keySet().stream().filter(n -> n.endsWith("/" + KEY + ".bpmn")).findFirst().orElseThrow();
		String v1Xml = new String(release.get(bpmnName), StandardCharsets.UTF_8);
		assertThat(v1Xml).contains(V1_NAME);
		release.put(bpmnName, v1Xml.replace(V1_NAME, V2_NAME).getBytes(StandardCharsets.UTF_8));
		JsonNode deployment = json(deploy(release));
		String deploymentId = deployment.path("id").asText();
		JsonNode resources = json(get("admin", "/engine-rest/deployment/" + deploymentId + "/resources"));
		assertThat(resources.findValuesAsText("name")).as("the whole release, forms included").hasSize(release.size())
			.anyMatch(n -> n.endsWith("/review-registration.form"));
		JsonNode after = json(get("admin", definitionsPath()));
		assertThat(after).hasSize(2);
		assertThat(after.get(0).path("version").asInt()).isEqualTo(2);
		assertThat(after.get(0).path("deploymentId").asText()).isEqualTo(deploymentId);
		String v2 = after.get(0).path("id").asText();
		assertThat(json(get("admin", "/engine-rest/process-definition/" + v2 + "/xml")).path("bpmn20Xml").asText())
			.contains(V2_NAME);

		// 3. the plan, generated, validated and executed with the docs' bodies
		HttpResponse<String> generated = post("admin", "/engine-rest/migration/generate", """
				{"sourceProcessDefinitionId": "%s", "targetProcessDefinitionId": "%s",
				 "updateEventTriggers": false}""".formatted(v1, v2));
		assertThat(generated.statusCode()).as(generated.body()).isEqualTo(200);
		JsonNode plan = json(generated);
		List<String> mapped = new ArrayList<>();
		for (JsonNode instruction : plan.path("instructions")) {
			assertThat(instruction.path("targetActivityIds")).as(instruction.toString())
				.containsExactlyElementsOf(instruction.path("sourceActivityIds"));
			assertThat(instruction.path("updateEventTrigger").asBoolean()).as(instruction.toString()).isFalse();
			mapped.add(instruction.path("sourceActivityIds").get(0).asText());
		}
		assertThat(mapped).as("every activity kept its id").contains(TASK).containsAll(TIMERS);

		HttpResponse<String> validated = post("admin", "/engine-rest/migration/validate", plan.toString());
		assertThat(validated.statusCode()).as(validated.body()).isEqualTo(200);
		assertThat(json(validated).path("instructionReports")).as(validated.body()).isEmpty();
		// a plan that cannot work is answered 200 as well: only its reports tell
		JsonNode broken = plan.deepCopy();
		for (JsonNode instruction : broken.path("instructions")) {
			if (TASK.equals(instruction.path("sourceActivityIds").get(0).asText())) {
				((com.fasterxml.jackson.databind.node.ArrayNode) instruction.path("targetActivityIds")).removeAll()
					.add("UserTask_NotInVersion2");
			}
		}
		HttpResponse<String> refused = post("admin", "/engine-rest/migration/validate", broken.toString());
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
		assertThat(json(refused).path("instructionReports")).as(refused.body()).isNotEmpty();
		assertThat(refused.body()).contains("UserTask_NotInVersion2");

		// execute: synchronously, the one instance named
		HttpResponse<String> executed = post("admin", "/engine-rest/migration/execute", """
				{"migrationPlan": %s, "processInstanceIds": ["%s"]}""".formatted(plan, instance1));
		assertThat(executed.statusCode()).as(executed.body()).isEqualTo(204);
		assertThat(json(get("admin", "/engine-rest/process-instance/" + instance1)).path("definitionId").asText())
			.isEqualTo(v2);
		assertThat(json(get("admin", "/engine-rest/process-instance/" + instance2)).path("definitionId").asText())
			.as("untouched by the synchronous call")
			.isEqualTo(v1);

		// executeAsync: every remaining instance of version 1, as a batch
		HttpResponse<String> started = post("admin", "/engine-rest/migration/executeAsync", """
				{"migrationPlan": %s,
				 "processInstanceQuery": {"processDefinitionId": "%s"}}""".formatted(plan, v1));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		JsonNode batch = json(started);
		assertThat(batch.path("type").asText()).isEqualTo("instance-migration");
		HttpResponse<String> progress = get("admin", "/engine-rest/batch/statistics");
		assertThat(progress.statusCode()).as("the progress list unpaged: %s", progress.body()).isEqualTo(400);
		int executedByUs = runBatch(batch);
		assertThat(executedByUs).as("seed, %s migration job(s), monitor", batch.path("totalJobs"))
			.isEqualTo(batch.path("totalJobs").asInt() + 2);

		// 4. everything on version 2, task and timers as they were
		assertThat(json(get("admin", "/engine-rest/process-instance/count?processDefinitionId=" + v1)).path("count")
			.asLong()).as("no instance left on version 1").isZero();
		for (String instance : List.of(instance1, instance2)) {
			assertThat(json(get("admin", "/engine-rest/process-instance/" + instance)).path("definitionId").asText())
				.isEqualTo(v2);
		}
		for (JsonNode before1 : List.of(task1, task2)) {
			String id = before1.path("id").asText();
			JsonNode now = json(get("admin", "/engine-rest/task/" + id));
			assertThat(now.path("processDefinitionId").asText()).as("task %s", id).isEqualTo(v2);
			assertThat(now.path("taskDefinitionKey").asText()).isEqualTo(TASK);
			assertThat(now.path("assignee")).isEqualTo(before1.path("assignee"));
			assertThat(now.path("name").asText()).as("its name as it was").isEqualTo(before1.path("name").asText())
				.startsWith("Thẩm định: ");
			assertThat(now.path("due").asText()).isEqualTo(before1.path("due").asText());
			assertThat(candidateGroups(id)).containsExactly("reviewers-huyen-cam-lam");
		}
		assertThat(timers(instance1)).as("timers kept their due dates").isEqualTo(timers1);

		// the district's reviewer approves both; each registration goes on to the province
		for (String code : List.of(code1, code2)) {
			JsonNode open = json(get(REVIEWER, "/engine-rest/task?processInstanceBusinessKey=" + code
					+ "&taskDefinitionKey=" + TASK + "&maxResults=10"));
			assertThat(open).as("the reviewer sees the migrated task of %s", code).hasSize(1);
			String taskId = open.get(0).path("id").asText();
			HttpResponse<String> completed = post(REVIEWER, "/engine-rest/task/" + taskId + "/complete", """
					{"variables": {"decision": {"value": "APPROVE", "type": "String"},
					               "comment": {"value": "Đồng ý.", "type": "String"}}}""");
			assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
			JsonNode registration = json(get(HEAD, "/api/registrations/" + code));
			assertThat(registration.path("status").asText()).isEqualTo("IN_REVIEW");
			assertThat(registration.path("history").findValuesAsText("action")).containsSubsequence("SUBMITTED",
					"APPROVED");
			assertThat(registration.path("history").findValuesAsText("actor")).contains(REVIEWER);
			JsonNode province = json(get("reviewer-tinh", "/engine-rest/task?processInstanceBusinessKey=" + code
					+ "&taskDefinitionKey=" + TASK + "&candidateUser=reviewer-tinh&maxResults=10"));
			assertThat(province).as("the province's review of %s", code).hasSize(1);
			assertThat(province.get(0).path("processDefinitionId").asText())
				.as("started by the registration's own (version 1) ModelRegistrationProcess, from its deployment")
				.isEqualTo(v1);
		}
		JsonNode finished = json(get("admin", "/engine-rest/history/process-instance/" + instance1));
		assertThat(finished.path("processDefinitionId").asText()).isEqualTo(v2);
		assertThat(finished.path("state").asText()).isEqualTo("COMPLETED");

		// a new registration starts on the new release: the renamed task, its form found in its deployment
		String code3 = register("Mô hình MIGRATION-3-" + UUID.randomUUID());
		JsonNode task3 = onlyTask(code3);
		assertThat(task3.path("processDefinitionId").asText()).isEqualTo(v2);
		assertThat(task3.path("name").asText()).startsWith("Thẩm định (mẫu mới): ");
		HttpResponse<String> form = get(REVIEWER, "/engine-rest/task/" + task3.path("id").asText() + "/deployed-form");
		assertThat(form.statusCode()).as(form.body()).isEqualTo(200);

		System.out.printf("Process migration: %s -> %s; 1 instance synchronously, batch of %d job(s), %d run through"
				+ " /engine-rest/job/{id}/execute%n", v1, v2, batch.path("totalJobs").asInt(), executedByUs);
	}

	// ---- the operator's steps ---------------------------------------------------------------------

	String definitionsPath() {
		return "/engine-rest/process-definition?key=" + KEY + "&sortBy=version&sortOrder=desc&maxResults=5";
	}

	/**
	 * Every file of bpmn/ under the name the start-up gives it (Camunda's
	 * SpringProcessEngineConfiguration: the file's absolute path), in pattern order.
	 */
	static Map<String, byte[]> release() throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		for (String pattern : List.of("classpath*:bpmn/**/*.bpmn", "classpath*:bpmn/**/*.dmn", "classpath*:bpmn/**/*.form")) {
			for (Resource resource : resolver.getResources(pattern)) {
				String name = resource instanceof ContextResource context ? context.getPathWithinContext()
						: resource.getFile().getAbsolutePath();
				try (var in = resource.getInputStream()) {
					files.put(name, in.readAllBytes());
				}
			}
		}
		assertThat(files.keySet()).anyMatch(n -> n.endsWith("/" + KEY + ".bpmn"));
		return files;
	}

	/** POST /engine-rest/deployment/create as DVK's start-up deploys: one SpringAutoDeployment, duplicates filtered. */
	HttpResponse<String> deploy(Map<String, byte[]> files) throws Exception {
		String boundary = "dvk-migration-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("deployment-name", "SpringAutoDeployment");
		fields.put("enable-duplicate-filtering", "true");
		fields.put("deploy-changed-only", "false");
		for (Map.Entry<String, String> field : fields.entrySet()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
					+ "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		int i = 0;
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"resource-" + i++
					+ "\"; filename=\"" + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(file.getValue());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = send("admin", "POST", "/engine-rest/deployment/create",
				BodyPublishers.ofByteArray(body.toByteArray()), "multipart/form-data; boundary=" + boundary);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response;
	}

	/**
	 * Runs the batch's jobs through /engine-rest/job/{id}/execute as an operator fast-forwards a timer
	 * (the job executor is off in this context): the seed job creates the migration jobs and the
	 * monitor job, the monitor job ends the batch once they are done. Returns how many ran.
	 */
	int runBatch(JsonNode batch) throws Exception {
		String id = batch.path("id").asText();
		List<String> definitions = List.of(batch.path("seedJobDefinitionId").asText(),
				batch.path("batchJobDefinitionId").asText(), batch.path("monitorJobDefinitionId").asText());
		int executed = 0;
		for (int round = 0; get("admin", "/engine-rest/batch/" + id).statusCode() == 200; round++) {
			assertThat(round).as("batch %s done after a few rounds of its jobs", id).isLessThan(10);
			JsonNode statistics = json(get("admin", "/engine-rest/batch/statistics?batchId=" + id + "&maxResults=1"));
			assertThat(statistics.path(0).path("failedJobs").asInt()).as("failed jobs: %s", statistics).isZero();
			for (String definition : definitions) {
				for (JsonNode job : json(get("admin", "/engine-rest/job?jobDefinitionId=" + definition + "&maxResults=100"))) {
					HttpResponse<String> run = post("admin", "/engine-rest/job/" + job.path("id").asText() + "/execute",
							null);
					assertThat(run.statusCode()).as("executing %s: %s", job, run.body()).isEqualTo(204);
					executed++;
				}
			}
		}
		JsonNode history = json(get("admin", "/engine-rest/history/batch/" + id));
		assertThat(history.path("endTime").isNull()).as("batch ended: %s", history).isFalse();
		return executed;
	}

	// ---- the season's set-up, as in AuthorizationMatrixIntegrationTests ----------------------------

	String openPlanReviewedAtEveryLevel() throws Exception {
		return ApiFixtures.openPlanReviewedAtEveryLevel(json(get("drafter", "/api/plans")));
	}

	String register(String name) throws Exception {
		Map<String, Object> body = ApiFixtures.registrationBody(plan, name);
		body.put("submit", true);
		HttpResponse<String> created = post(HEAD, "/api/registrations", JSON.writeValueAsString(body));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json(created).path("code").asText();
	}

	JsonNode onlyTask(String code) throws Exception {
		JsonNode tasks = json(get("admin", "/engine-rest/task?processInstanceBusinessKey=" + code + "&maxResults=10"));
		assertThat(tasks).as("the district's review task of %s", code).hasSize(1);
		assertThat(tasks.get(0).path("taskDefinitionKey").asText()).isEqualTo(TASK);
		return tasks.get(0);
	}

	List<String> candidateGroups(String taskId) throws Exception {
		List<String> groups = new ArrayList<>();
		for (JsonNode link : json(get("admin", "/engine-rest/task/" + taskId + "/identity-links?type=candidate"))) {
			groups.add(link.path("groupId").asText());
		}
		return groups;
	}

	/** Due date of each boundary timer of the instance. */
	Map<String, String> timers(String instance) throws Exception {
		Map<String, String> due = new LinkedHashMap<>();
		for (String timer : TIMERS) {
			JsonNode jobs = json(get("admin", "/engine-rest/job?processInstanceId=" + instance + "&activityId=" + timer
					+ "&maxResults=10"));
			assertThat(jobs).as("timer %s of %s", timer, instance).hasSize(1);
			due.put(timer, jobs.get(0).path("dueDate").asText());
		}
		return due;
	}

	// ---- HTTP ---------------------------------------------------------------------------------------

	HttpResponse<String> get(String user, String path) throws Exception {
		return send(user, "GET", path, null, null);
	}

	HttpResponse<String> post(String user, String path, String json) throws Exception {
		return send(user, "POST", path, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json),
				"application/json");
	}

	HttpResponse<String> send(String user, String method, String path, HttpRequest.BodyPublisher body,
			String contentType) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.method(method, body == null ? BodyPublishers.noBody() : body)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	static JsonNode json(HttpResponse<String> response) throws IOException {
		assertThat(response.statusCode()).as("%s %s", response.uri(), response.body()).isBetween(200, 299);
		return JSON.readTree(response.body());
	}

}
