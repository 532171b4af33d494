package vn.dvk.security;

import vn.dvk.testsupport.ThisContextsEngine;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import vn.dvk.testsupport.ApiFixtures;

/**
 * Every role × every API call, /engine-rest call and webapp, on own / other unit or level, against
 * the whole application (embedded PostgreSQL, demo users, HTTP Basic; the engine's authorization
 * checks on). Fails on any unexpected allow or deny and prints how many pairs it checked.
 * <p>
 * Expected outcomes: {@code ok} the call passed every access check (2xx, or 400/409 from the
 * business rules); {@code ok+}/{@code ok-} a list that does / does not hold the probed record;
 * a number: exactly that status (e.g. {@code 401}, {@code 403}, {@code 404}, or {@code 400} for a page
 * over the engine's query limit); {@code .} not run (a call that would
 * change the season, e.g. an operator starting a process by hand). A refusal never carries the
 * probed records' names.
 */
// A context of its own, started right before the test: /engine-rest and the webapps find their engine
// in Camunda's static ProcessEngines registry, where the newest context's "default" engine wins, so a
// context cached from an earlier test class would serve another context's engine there.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dvk.demo.enabled=true", "dvk.test.context=authorization-matrix" })
@ActiveProfiles("test")
@ExtendWith(ThisContextsEngine.class)
class AuthorizationMatrixIntegrationTests {

	static final String HEAD_A = "head-xa-cam-hai-dong"; // commune of the legacy district huyen-cam-lam

	static final String HEAD_B = "head-phuong-nha-trang"; // ward directly under the province

	/** Columns of the matrix; "anonymous" sends no credentials. */
	static final List<String> ROLES = List.of("anonymous", "admin", "drafter", "approver", HEAD_A, HEAD_B,
			"reviewer-huyen-cam-lam", "reviewer-tinh", "council1", "awardapprover", "clerk");

	static final ObjectMapper JSON = new ObjectMapper();

	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	/** Names of the probed registrations: no refusal may contain them. */
	final String secretA = "Mô hình MATRIX-A-" + UUID.randomUUID();

	final String secretB = "Mô hình MATRIX-B-" + UUID.randomUUID();

	String plan;

	String registrationA;

	String registrationB;

	long attachmentA;

	String taskA;

	String instanceA;

	@BeforeEach
	void season() throws Exception {
		plan = ApiFixtures.openPlanReviewedAtEveryLevel(json(send("drafter", "GET", "/api/plans", null, null)));
		registrationA = register(HEAD_A, secretA);
		registrationB = register(HEAD_B, secretB);
		HttpResponse<byte[]> upload = send(HEAD_A, "POST", "/api/registrations/" + registrationA + "/attachments",
				multipart("file", "ke-hoach.pdf", PDF), multipartType());
		assertThat(upload.statusCode()).as(new String(upload.body(), StandardCharsets.UTF_8)).isEqualTo(201);
		attachmentA = json(upload).path("id").asLong();
		JsonNode tasks = json(send("admin", "GET", "/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + registrationA, null,
				null));
		assertThat(tasks).as("the district's review task of %s (plan %s): %s", registrationA, plan,
				new String(send("admin", "GET", "/api/registrations/" + registrationA, null, null).body(),
						StandardCharsets.UTF_8))
			.hasSize(1);
		taskA = tasks.get(0).path("id").asText();
		instanceA = tasks.get(0).path("processInstanceId").asText();
	}

	@Test
	void everyRoleGetsExactlyWhatItMayHaveOnEveryCall() throws Exception {
		List<Row> rows = rows();
		List<String> failures = new ArrayList<>();
		int checked = 0;
		for (Row row : rows) {
			String[] expected = row.expected().trim().split("\\s+");
			assertThat(expected).as(row.call() + ": one expectation per role").hasSize(ROLES.size());
			for (int i = 0; i < ROLES.size(); i++) {
				if (".".equals(expected[i])) {
					continue;
				}
				String role = ROLES.get(i);
				HttpResponse<byte[]> response = row.probe().send(role);
				String actual = expected[i].chars().allMatch(Character::isDigit) ? String.valueOf(response.statusCode())
						: outcome(response, row.listed());
				checked++;
				String body = new String(response.body(), StandardCharsets.UTF_8);
				if (!actual.equals(expected[i])) {
					failures.add("%-72s %-24s expected %-4s got %s %s".formatted(row.call(), role, expected[i], actual,
							abbreviate(body)));
				}
				if (response.statusCode() >= 400 && (body.contains(secretA) || body.contains(secretB))) {
					failures.add(row.call() + " " + role + ": the refusal shows a registration's name: " + abbreviate(body));
				}
			}
		}
		System.out.printf("Authorization matrix: %d pairs checked (%d calls × %d roles, %d not applicable)%n", checked,
				rows.size(), ROLES.size(), rows.size() * ROLES.size() - checked);
		assertThat(failures).as("unexpected allows or denies").isEmpty();
		assertThat(checked).isGreaterThan(300);
	}

	/** The matrix. Columns: anonymous admin drafter approver headA headB revDistrict revProvince council awardapprover clerk. */
	List<Row> rows() throws IOException {
		String a = "/api/registrations/" + registrationA;
		String b = "/api/registrations/" + registrationB;
		String engineTaskA = "/engine-rest/task/" + taskA;
		List<Row> rows = new ArrayList<>();
		// ---- the API
		rows.add(row("GET /api/units", "401 ok ok ok ok ok ok ok ok ok ok", get("/api/units")));
		rows.add(row("GET /api/plans", "401 ok ok ok ok ok ok ok ok ok ok", get("/api/plans")));
		rows.add(row("GET /api/plans/{plan}", "401 ok ok ok ok ok ok ok ok ok ok", get("/api/plans/" + plan)));
		rows.add(row("POST /api/plans", "401 403 ok 403 403 403 403 403 403 403 403", post("/api/plans", "{}")));
		rows.add(row("POST /api/plans/{plan}/submit", "401 403 ok 403 403 403 403 403 403 403 403",
				post("/api/plans/" + plan + "/submit", "{}")));
		rows.add(row("PUT /api/plans/{plan}/rules", "401 403 ok 403 403 403 403 403 403 403 403",
				put("/api/plans/" + plan + "/rules", "{}")));
		rows.add(row("GET /api/registrations/{own A}", "401 ok ok ok ok 404 ok ok 404 ok ok", get(a)));
		rows.add(row("GET /api/registrations/{own B}", "401 ok ok ok 404 ok 404 ok 404 ok ok", get(b)));
		rows.add(row("GET /api/registrations/DK-0000-999999 (no such)", "401 404 404 404 404 404 404 404 404 404 404",
				get("/api/registrations/DK-0000-999999")));
		rows.add(listed(registrationA, row("GET /api/registrations?plan= lists A",
				"401 ok+ ok+ ok+ ok+ ok- ok+ ok+ ok- ok+ ok+", get("/api/registrations?size=100&plan=" + plan))));
		rows.add(listed(registrationB, row("GET /api/registrations?plan= lists B",
				"401 ok+ ok+ ok+ ok- ok+ ok- ok+ ok- ok+ ok+", get("/api/registrations?size=100&plan=" + plan))));
		rows.add(listed(registrationA, row("GET /api/registrations?unit=A's",
				"401 ok+ ok+ ok+ ok+ 403 ok+ ok+ ok- ok+ ok+",
				get("/api/registrations?size=100&unit=xa-cam-hai-dong&plan=" + plan))));
		rows.add(row("POST /api/registrations for A's unit", "401 403 403 403 ok 403 403 403 403 403 403",
				post("/api/registrations", draftBody("xa-cam-hai-dong"))));
		rows.add(row("PUT /api/registrations/{A} (revise)", "401 403 403 403 ok 404 403 403 404 403 403",
				put(a, draftBody("xa-cam-hai-dong"))));
		rows.add(row("POST /api/registrations/{A}/attachments", "401 403 403 403 ok 404 403 403 404 403 403",
				upload(a + "/attachments", "file", "them.pdf")));
		rows.add(row("GET /api/registrations/{A}/attachments/{id}", "401 ok ok ok ok 404 ok ok 404 ok ok",
				get(a + "/attachments/" + attachmentA)));
		rows.add(row("POST /api/registrations/{A}/result-report", "401 403 403 403 ok 404 403 403 404 403 403",
				post(a + "/result-report", "{}")));
		rows.add(row("GET /api/reports/summary", "401 ok ok ok ok ok ok ok ok ok ok",
				get("/api/reports/summary?plan=" + plan)));
		rows.add(row("POST /api/models/import", "401 403 ok 403 403 403 403 403 403 403 403",
				upload("/api/models/import", "file", "mo-hinh.csv", "ma,ten\n".getBytes(StandardCharsets.UTF_8))));
		rows.add(row("POST /api/plans/{plan}/recognition-sessions", "401 403 ok 403 403 403 403 403 403 403 403",
				post("/api/plans/" + plan + "/recognition-sessions", "{\"registrationCodes\":[\"" + registrationA + "\"]}")));
		rows.add(row("GET /api/recognition-sessions/{no such}", "401 404 404 404 403 403 403 403 404 403 403",
				get("/api/recognition-sessions/" + plan + "-PH999")));
		rows.add(row("POST /api/recognition-sessions/{no such}/assessments", "401 403 403 403 403 403 403 403 404 403 403",
				post("/api/recognition-sessions/" + plan + "-PH999/assessments", "{}")));
		rows.add(row("POST /api/awards/nominations", "401 403 ok 403 403 403 403 403 403 403 403",
				post("/api/awards/nominations", "{}")));
		rows.add(row("GET /api/awards/nominations", "401 ok ok ok ok ok ok ok ok ok ok", get("/api/awards/nominations")));
		rows.add(row("POST /api/awards/nominations/{no such}/revoke", "401 403 403 403 403 403 403 403 403 ok 403",
				post("/api/awards/nominations/KT-0000-999/revoke", "{}")));
		rows.add(row("POST /api/awards/nominations/{no such}/authority-decision",
				"401 403 403 403 403 403 403 403 403 403 ok",
				upload("/api/awards/nominations/KT-0000-999/authority-decision", "file", "qd.pdf")));
		// ---- the engine's REST API: the engine's own authorization checks
		rows.add(listed(taskA, row("GET /engine-rest/task (A's district level)", "401 ok+ ok- ok- ok- ok- ok+ ok- ok- ok- ok-",
				get("/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + registrationA))));
		rows.add(listed(secretB, row("GET /engine-rest/task (B's province level)",
				"401 ok+ ok- ok- ok- ok- ok- ok+ ok- ok- ok-",
				get("/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + registrationB))));
		rows.add(row("GET /engine-rest/task/{A's task}", "401 ok 404 404 404 404 ok 404 404 404 404", get(engineTaskA)));
		rows.add(row("GET /engine-rest/task/{A's task}/variables", "401 ok 403 403 403 403 ok 403 403 403 403",
				get(engineTaskA + "/variables")));
		rows.add(row("POST /engine-rest/task/{A's task}/claim (then unclaim)", "401 ok 403 403 403 403 ok 403 403 403 403",
				claimAndUnclaim()));
		rows.add(listed(taskA, row("GET /engine-rest/history/task (A)", "401 ok+ ok- ok- ok- ok- ok+ ok- ok- ok- ok-",
				get("/engine-rest/history/task?maxResults=10&processInstanceBusinessKey=" + registrationA))));
		rows.add(listed(registrationA, row("GET /engine-rest/process-instance (A)", "401 ok+ ok- ok- ok- ok- ok- ok- ok- ok- ok-",
				get("/engine-rest/process-instance?maxResults=10&businessKey=" + registrationA))));
		rows.add(listed(registrationA, row("GET /engine-rest/history/process-instance (A)",
				"401 ok+ ok- ok- ok- ok- ok- ok- ok- ok- ok-",
				get("/engine-rest/history/process-instance?maxResults=10&processInstanceBusinessKey=" + registrationA))));
		rows.add(row("POST /engine-rest/process-definition/key/ModelRegistrationProcess/start",
				"401 . 403 403 403 403 403 403 403 403 403",
				post("/engine-rest/process-definition/key/ModelRegistrationProcess/start",
						"{\"businessKey\":\"DK-MATRIX\",\"variables\":{\"unitCode\":{\"value\":\"xa-cam-hai-dong\"}}}")));
		rows.add(row("GET /engine-rest/task?maxResults=5000 (over the query limit)", "401 400 400 400 400 400 400 400 400 400 400",
				get("/engine-rest/task?maxResults=5000")));
		rows.add(row("POST /engine-rest/deployment/create", "401 ok 403 403 403 403 403 403 403 403 403", deploy()));
		rows.add(row("PUT /engine-rest/process-instance/{A}/variables/x", "401 . 403 403 403 403 403 403 403 403 403",
				put("/engine-rest/process-instance/" + instanceA + "/variables/reviewUnitCode",
						"{\"value\":\"tinh\",\"type\":\"String\"}")));
		rows.add(row("POST /engine-rest/authorization/create", "401 . 403 403 403 403 403 403 403 403 403",
				post("/engine-rest/authorization/create", "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"" + HEAD_B
						+ "\",\"resourceType\":8,\"resourceId\":\"*\"}")));
		// ---- the webapps: who may sign in to which
		rows.add(row("Tasklist sign-in", "401 ok ok ok ok ok ok ok ok ok ok", webappLogin("tasklist")));
		rows.add(row("Cockpit sign-in", "401 ok 403 403 403 403 403 403 403 403 403", webappLogin("cockpit")));
		rows.add(row("Admin sign-in", "401 ok 403 403 403 403 403 403 403 403 403", webappLogin("admin")));
		return rows;
	}

	// ---- probes ---------------------------------------------------------------------------------

	record Row(String call, String expected, Probe probe, String listed) {
	}

	interface Probe {

		HttpResponse<byte[]> send(String role) throws Exception;

	}

	static Row row(String call, String expected, Probe probe) {
		return new Row(call, expected, probe, null);
	}

	/** The same row judged on whether its list holds {@code value}. */
	static Row listed(String value, Row row) {
		return new Row(row.call(), row.expected(), row.probe(), value);
	}

	Probe get(String path) {
		return role -> send(role, "GET", path, null, null);
	}

	Probe post(String path, String json) {
		return role -> send(role, "POST", path, BodyPublishers.ofString(json), "application/json");
	}

	Probe put(String path, String json) {
		return role -> send(role, "PUT", path, BodyPublishers.ofString(json), "application/json");
	}

	Probe upload(String path, String part, String fileName) {
		return upload(path, part, fileName, PDF);
	}

	Probe upload(String path, String part, String fileName, byte[] content) {
		return role -> send(role, "POST", path, multipart(part, fileName, content), multipartType());
	}

	Probe claimAndUnclaim() {
		return role -> {
			HttpResponse<byte[]> claimed = send(role, "POST", "/engine-rest/task/" + taskA + "/claim",
					BodyPublishers.ofString("{\"userId\":\"" + role + "\"}"), "application/json");
			if (claimed.statusCode() == 204) {
				HttpResponse<byte[]> unclaimed = send(role, "POST", "/engine-rest/task/" + taskA + "/unclaim",
						BodyPublishers.noBody(), "application/json");
				assertThat(unclaimed.statusCode()).as("unclaim by " + role).isEqualTo(204);
			}
			return claimed;
		};
	}

	Probe deploy() {
		String bpmn = """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="dvk-matrix">
				  <process id="DvkMatrixProbe" isExecutable="false" />
				</definitions>
				""";
		return role -> send(role, "POST", "/engine-rest/deployment/create",
				multipart("data", "probe-" + role + ".bpmn", bpmn.getBytes(StandardCharsets.UTF_8)), multipartType());
	}

	/** Signs in to a Camunda webapp as its login page does (with the webapp's CSRF token). */
	Probe webappLogin(String app) {
		return role -> {
			CookieManager cookies = new CookieManager();
			HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
			browser.send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/default/")).GET().build(),
					BodyHandlers.discarding());
			String token = cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(c -> "XSRF-TOKEN".equals(c.getName()))
				.map(HttpCookie::getValue)
				.findFirst()
				.orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie from the " + app + " page"));
			String user = "anonymous".equals(role) ? "nobody" : role;
			String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
			return browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-XSRF-TOKEN", token)
				.POST(BodyPublishers.ofString(form))
				.build(), BodyHandlers.ofByteArray());
		};
	}

	// ---- HTTP -----------------------------------------------------------------------------------

	HttpResponse<byte[]> send(String role, String method, String path, BodyPublisher body, String contentType)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.method(method, body == null ? BodyPublishers.noBody() : body);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (!"anonymous".equals(role)) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((role + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		return http.send(request.build(), BodyHandlers.ofByteArray());
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	static final String BOUNDARY = "dvk-matrix-boundary";

	static String multipartType() {
		return "multipart/form-data; boundary=" + BOUNDARY;
	}

	static BodyPublisher multipart(String part, String fileName, byte[] content) {
		byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
		return BodyPublishers.concat(BodyPublishers.ofByteArray(head), BodyPublishers.ofByteArray(content),
				BodyPublishers.ofByteArray(tail));
	}

	static JsonNode json(HttpResponse<byte[]> response) throws IOException {
		return JSON.readTree(response.body());
	}

	/** {@code ok}, {@code ok+}/{@code ok-} for lists, or the refusal's status. */
	static String outcome(HttpResponse<byte[]> response, String listed) throws IOException {
		int status = response.statusCode();
		boolean passed = status / 100 == 2 || status == 400 || status == 409;
		if (!passed) {
			return String.valueOf(status);
		}
		if (listed == null) {
			return "ok";
		}
		return new String(response.body(), StandardCharsets.UTF_8).contains(listed) ? "ok+" : "ok-";
	}

	static String abbreviate(String body) {
		String flat = body.replaceAll("\\s+", " ");
		return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
	}

	String register(String head, String name) throws Exception {
		Map<String, Object> body = registrationBody(null, name);
		body.put("submit", true);
		HttpResponse<byte[]> created = send(head, "POST", "/api/registrations",
				BodyPublishers.ofString(JSON.writeValueAsString(body)), "application/json");
		assertThat(created.statusCode()).as(new String(created.body(), StandardCharsets.UTF_8)).isEqualTo(201);
		return json(created).path("code").asText();
	}

	String draftBody(String unitCode) throws IOException {
		Map<String, Object> body = registrationBody(unitCode, "Mô hình nháp của ma trận quyền");
		body.put("submit", false);
		return JSON.writeValueAsString(body);
	}

	Map<String, Object> registrationBody(String unitCode, String name) {
		Map<String, Object> body = ApiFixtures.registrationBody(plan, name);
		if (unitCode != null) {
			body.put("unitCode", unitCode);
		}
		return body;
	}

}
