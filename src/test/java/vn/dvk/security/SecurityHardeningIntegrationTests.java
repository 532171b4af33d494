package vn.dvk.security;

import vn.dvk.testsupport.ThisContextsEngine;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The hardening of issue 4 on the whole application (default profile, demo users), over real
 * HTTP on 127.0.0.1: security headers (HSTS only for HTTPS, also behind a proxy), session
 * cookie flags, CSRF on the portal and in the Camunda webapps, the audit log, the engine's
 * query limit (DVK_ENGINE_QUERY_MAX_RESULTS=1000) and the refusal of Java-serialized variables.
 * Its own context: the journeys change the demo data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dvk.demo.enabled=true", "DVK_ENGINE_QUERY_MAX_RESULTS=1000", "management.server.port=0" })
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
// metrics export is off in tests unless asked for: the Prometheus endpoint is part of what is tested
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability
@ExtendWith(ThisContextsEngine.class)
class SecurityHardeningIntegrationTests {

	static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	static final String INSTANT = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@org.springframework.boot.test.web.server.LocalManagementPort
	int managementPort;

	@Test
	void prometheusScrapesWithoutCredentialsOnlyOnTheManagementPort() throws Exception {
		HttpResponse<String> scrape = http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).GET().build(),
				BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
		// on the application's own port it is for operators only
		assertThat(send(get("/actuator/prometheus").build()).statusCode()).isIn(302, 401, 403, 404);

		// the other actuator endpoints stay for operators, also on the management port
		HttpResponse<String> metrics = http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/metrics")).GET().build(),
				BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(metrics.statusCode()).isIn(302, 401, 403);
		HttpResponse<String> health = http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health")).GET().build(),
				BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(health.statusCode()).isEqualTo(200);
	}

	@Test
	void portalPagesAndTheApiSendTheSecurityHeadersAndHstsOnlyOverHttps() throws Exception {
		HttpResponse<String> page = send(get("/").build());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(header(page, "Content-Security-Policy")).contains("default-src 'self'")
			.contains("frame-ancestors 'none'")
			.contains("form-action 'self'")
			.doesNotContain("unsafe-eval");
		assertThat(header(page, "X-Frame-Options")).isEqualTo("DENY");
		assertThat(header(page, "X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(header(page, "Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
		assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();

		HttpResponse<String> behindProxy = send(get("/").header("X-Forwarded-Proto", "https").build());
		assertThat(header(behindProxy, "Strict-Transport-Security")).contains("max-age=");

		HttpResponse<String> api = send(get("/api/plans").header("Authorization", basic("admin", "demo")).build());
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(header(api, "Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
		assertThat(header(api, "X-Frame-Options")).isEqualTo("DENY");
		assertThat(header(api, "X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(api.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(header(send(get("/engine-rest/engine").header("Authorization", basic("admin", "demo"))
			.header("X-Forwarded-Proto", "https")
			.build()), "Strict-Transport-Security")).contains("max-age=");
	}

	@Test
	void theCamundaWebappsKeepTheirOwnPolicyAndSendHstsOnlyOverHttps() throws Exception {
		HttpResponse<String> tasklist = send(get("/camunda/app/tasklist/default/").build());
		assertThat(tasklist.statusCode()).isEqualTo(200);
		// Camunda's own CSP (nonce for its inline bootstrap script), not the portal's
		assertThat(header(tasklist, "Content-Security-Policy")).contains("nonce-").doesNotContain("frame-src 'self'");
		assertThat(header(tasklist, "X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(tasklist.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(cookie(tasklist, "XSRF-TOKEN")).containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteLaxAndSecureOverHttps() throws Exception {
		String plain = cookie(send(get("/login").build()), "JSESSIONID");
		assertThat(plain).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");

		String secure = cookie(send(get("/login").header("X-Forwarded-Proto", "https").build()), "JSESSIONID");
		assertThat(secure).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Secure");

		Session admin = signIn("admin", "demo");
		assertThat(admin.setCookie()).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
	}

	@Test
	void aPortalPostWithoutTheCsrfTokenIsRefusedAndChangesNothing(CapturedOutput output) throws Exception {
		// sign-in itself needs the token: no session is authenticated without it
		Session anonymous = openLoginPage();
		HttpResponse<String> login = send(post("/login", form(Map.of("username", "admin", "password", "demo")))
			.header("Cookie", anonymous.cookie())
			.build());
		assertThat(login.statusCode()).isEqualTo(403);
		assertThat(send(get("/ops/mailbox").header("Cookie", anonymous.cookie()).build()).statusCode())
			.as("still signed out")
			.isEqualTo(302);

		// a signed-in operator: POST /logout without the token is refused, the session stays
		Session admin = signIn("admin", "demo");
		assertThat(send(get("/ops/mailbox").header("Cookie", admin.cookie()).build()).statusCode()).isEqualTo(200);
		HttpResponse<String> logout = send(post("/logout", "").header("Cookie", admin.cookie()).build());
		assertThat(logout.statusCode()).isEqualTo(403);
		assertThat(send(get("/ops/mailbox").header("Cookie", admin.cookie()).build()).statusCode())
			.as("still signed in")
			.isEqualTo(200);
		assertThat(output.getOut()).containsPattern(
				INSTANT + " 403 user=admin groups=camunda-admin POST /logout from 127\\.0\\.0\\.1");

		// the same POST with the token the page carries works
		String token = csrfToken(send(get("/").header("Cookie", admin.cookie()).build()).body());
		HttpResponse<String> withToken = send(post("/logout", form(Map.of("_csrf", token)))
			.header("Cookie", admin.cookie())
			.build());
		assertThat(withToken.statusCode()).isEqualTo(302);
		assertThat(send(get("/ops/mailbox").header("Cookie", admin.cookie()).build()).statusCode())
			.as("signed out")
			.isEqualTo(302);
	}

	@Test
	void aCamundaWebappPostWithoutTheXsrfHeaderIsRefused(CapturedOutput output) throws Exception {
		String loginPath = "/camunda/api/admin/auth/user/default/login/tasklist";
		String credentials = form(Map.of("username", "admin", "password", "demo"));
		HttpResponse<String> refused = send(post(loginPath, credentials).build());
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(output.getOut())
			.containsPattern(INSTANT + " 403 user=anonymous groups= POST " + loginPath + " from 127\\.0\\.0\\.1");

		// the same request with the token of the XSRF-TOKEN cookie (as Tasklist sends it) signs in
		HttpResponse<String> app = send(get("/camunda/app/tasklist/default/").build());
		String xsrf = value(cookie(app, "XSRF-TOKEN"));
		String session = value(cookie(app, "JSESSIONID"));
		HttpResponse<String> accepted = send(post(loginPath, credentials)
			.header("Cookie", "XSRF-TOKEN=" + xsrf + "; JSESSIONID=" + session)
			.header("X-XSRF-TOKEN", xsrf)
			.build());
		assertThat(accepted.statusCode()).isEqualTo(200);
		assertThat(accepted.body()).contains("\"userId\":\"admin\"");
	}

	@Test
	void refusalsAndFailedSignInsAreAuditedWithWhoWhatWhenAndWhere(CapturedOutput output) throws Exception {
		assertThat(send(get("/api/plans?x=secret-query").build()).statusCode()).isEqualTo(401);
		// a user that does not exist: a wrong password of a real one would delay that user's next
		// sign-ins (the engine's login throttling) and disturb the other tests of this context
		assertThat(send(get("/api/plans").header("Authorization", basic("no-such-user", "wrong-password")).build())
			.statusCode()).isEqualTo(401);
		// a unit head may not list another unit's registrations
		HttpResponse<String> forbidden = send(get("/api/registrations?unit=phuong-nha-trang")
			.header("Authorization", basic("head-xa-cam-hai-dong", "demo"))
			.build());
		assertThat(forbidden.statusCode()).isEqualTo(403);

		String out = output.getOut();
		List<String> audit = out.lines().filter(l -> l.contains(SecurityAudit.LOGGER)).toList();
		assertThat(audit).anySatisfy(l -> assertThat(l).containsPattern(
				INSTANT + " 401 user=anonymous groups= GET /api/plans from 127\\.0\\.0\\.1$"));
		assertThat(audit).anySatisfy(l -> assertThat(l).containsPattern(INSTANT
				+ " LOGIN_FAILED user=no-such-user reason=AuthenticationFailureBadCredentialsEvent from 127\\.0\\.0\\.1$"));
		assertThat(audit).anySatisfy(l -> assertThat(l).containsPattern(INSTANT
				+ " 403 user=head-xa-cam-hai-dong groups=unit-heads,unit-xa-cam-hai-dong GET /api/registrations from 127\\.0\\.0\\.1$"));
		assertThat(audit).allSatisfy(l -> assertThat(l).contains("WARN"));
		assertThat(out).doesNotContain("wrong-password").doesNotContain("secret-query");
	}

	@Test
	void engineQueriesAboveTheLimitOrUnboundedAreRefused() throws Exception {
		HttpResponse<String> tooMany = send(
				get("/engine-rest/task?maxResults=5000").header("Authorization", basic("admin", "demo")).build());
		assertThat(tooMany.statusCode()).isEqualTo(400);
		assertThat(tooMany.body()).contains("Max results limit of 1000 exceeded");

		HttpResponse<String> unbounded = send(get("/engine-rest/process-instance")
			.header("Authorization", basic("admin", "demo"))
			.build());
		assertThat(unbounded.statusCode()).isEqualTo(400);

		HttpResponse<String> page = send(
				get("/engine-rest/task?firstResult=0&maxResults=50").header("Authorization", basic("admin", "demo"))
					.build());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(json.readTree(page.body()).isArray()).isTrue();
	}

	@Test
	void aJavaSerializedVariableIsRefusedAndNotStored() throws Exception {
		JsonNode instances = json.readTree(send(get(
				"/engine-rest/process-instance?processDefinitionKey=PlanIssuanceProcess&firstResult=0&maxResults=1")
			.header("Authorization", basic("admin", "demo"))
			.build()).body());
		assertThat(instances).as("the demo plan's process").hasSize(1);
		String variables = "/engine-rest/process-instance/" + instances.get(0).path("id").asText() + "/variables/";

		// rO0ABXQABWhlbGxv: the Java serialization of the String "hello"
		HttpResponse<String> serialized = send(put(variables + "hardeningProbe",
				"{\"type\":\"Object\",\"value\":\"rO0ABXQABWhlbGxv\",\"valueInfo\":{"
						+ "\"objectTypeName\":\"java.lang.String\","
						+ "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}"));
		// engine-rest answers 500 for this refusal (a ProcessEngineException, not a BadUserRequestException)
		assertThat(serialized.statusCode()).isNotEqualTo(204);
		assertThat(serialized.body()).contains("Java serialization format is prohibited");
		assertThat(send(get(variables + "hardeningProbe").header("Authorization", basic("admin", "demo")).build())
			.statusCode()).as("not stored").isEqualTo(404);

		// the same call with a JSON value is accepted: the refusal is the serialization format's
		HttpResponse<String> plain = send(put(variables + "hardeningProbe", "{\"type\":\"String\",\"value\":\"hello\"}"));
		assertThat(plain.statusCode()).isEqualTo(204);
		assertThat(send(HttpRequest.newBuilder(uri(variables + "hardeningProbe"))
			.DELETE()
			.header("Authorization", basic("admin", "demo"))
			.build()).statusCode()).isEqualTo(204);
	}

	record Session(String cookie, String setCookie, String csrf) {
	}

	private Session openLoginPage() throws IOException, InterruptedException {
		HttpResponse<String> page = send(get("/login").build());
		String setCookie = cookie(page, "JSESSIONID");
		return new Session("JSESSIONID=" + value(setCookie), setCookie, csrfToken(page.body()));
	}

	private Session signIn(String user, String password) throws IOException, InterruptedException {
		Session anonymous = openLoginPage();
		HttpResponse<String> login = send(post("/login",
				form(Map.of("username", user, "password", password, "_csrf", anonymous.csrf())))
			.header("Cookie", anonymous.cookie())
			.build());
		assertThat(login.statusCode()).as("signed in").isEqualTo(302);
		assertThat(header(login, "Location")).doesNotContain("error");
		// a new session id after sign-in (session fixation protection)
		String setCookie = cookie(login, "JSESSIONID");
		return new Session("JSESSIONID=" + value(setCookie), setCookie, null);
	}

	private static String csrfToken(String html) {
		Matcher m = CSRF_INPUT.matcher(html);
		assertThat(m.find()).as("a form with the CSRF token").isTrue();
		return m.group(1);
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(uri(path)).GET();
	}

	private HttpRequest.Builder post(String path, String form) {
		return HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form));
	}

	private HttpRequest put(String path, String jsonBody) {
		return HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.header("Authorization", basic("admin", "demo"))
			.PUT(BodyPublishers.ofString(jsonBody))
			.build();
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static String header(HttpResponse<?> response, String name) {
		Optional<String> value = response.headers().firstValue(name);
		assertThat(value).as(name).isPresent();
		return value.get();
	}

	/** The whole Set-Cookie header of that cookie. */
	private static String cookie(HttpResponse<?> response, String name) {
		List<String> cookies = response.headers().allValues("Set-Cookie");
		return cookies.stream()
			.filter(c -> c.startsWith(name + "="))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new AssertionError("no Set-Cookie " + name + " in " + cookies));
	}

	private static String value(String setCookie) {
		return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
	}

}
