package vn.dvk.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * What the end-to-end tests do over HTTP, as people and tools do it: the API and /engine-rest
 * with the demo users (HTTP Basic), and the embedded SMTP server's mail.
 */
final class JourneyClient {

	private final int port;

	private final GreenMail mail;

	JourneyClient(int port, GreenMail mail) {
		this.port = port;
		this.mail = mail;
	}

	RestClient as(String user) {
		return RestClient.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.defaultHeaders(h -> h.setBasicAuth(user, "demo"))
			.build();
	}

	JsonNode get(String user, String uri, Object... vars) {
		return as(user).get().uri(uri, vars).retrieve().body(JsonNode.class);
	}

	/** POST JSON; any status is returned (no exception), with the body when there is one. */
	ResponseEntity<JsonNode> post(String user, String uri, Object body, Object... vars) {
		return as(user).post()
			.uri(uri, vars)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body == null ? Map.of() : body)
			.exchange((req, res) -> entity(res.getStatusCode(), res.getBody().readAllBytes()));
	}

	ResponseEntity<JsonNode> put(String user, String uri, Object body, Object... vars) {
		return as(user).put()
			.uri(uri, vars)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange((req, res) -> entity(res.getStatusCode(), res.getBody().readAllBytes()));
	}

	ResponseEntity<JsonNode> upload(String user, String uri, String fileName, byte[] content,
			Map<String, String> fields, Object... vars) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		fields.forEach(parts::add);
		parts.add("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return fileName;
			}
		});
		return as(user).post()
			.uri(uri, vars)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts)
			.exchange((req, res) -> entity(res.getStatusCode(), res.getBody().readAllBytes()));
	}

	byte[] bytes(String user, String uri, Object... vars) {
		return as(user).get().uri(uri, vars).retrieve().body(byte[].class);
	}

	private static ResponseEntity<JsonNode> entity(HttpStatusCode status, byte[] body) throws java.io.IOException {
		JsonNode json = body.length == 0 ? null : new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
		return ResponseEntity.status(status).body(json);
	}

	// ---- engine ---------------------------------------------------------------------------------

	/** Ids of the open tasks of a business key that the user may work on. */
	List<String> tasks(String user, String businessKey, String taskDefinitionKey) {
		JsonNode list = get(user,
				"/engine-rest/task?processInstanceBusinessKey={key}&taskDefinitionKey={def}&candidateUser={user}&maxResults=100",
				businessKey, taskDefinitionKey, user);
		JsonNode assigned = get(user,
				"/engine-rest/task?processInstanceBusinessKey={key}&taskDefinitionKey={def}&assignee={user}&maxResults=100",
				businessKey, taskDefinitionKey, user);
		List<String> ids = new java.util.ArrayList<>(list.findValuesAsText("id"));
		assigned.findValuesAsText("id").stream().filter(id -> !ids.contains(id)).forEach(ids::add);
		return ids;
	}

	String onlyTask(String user, String businessKey, String taskDefinitionKey) {
		List<String> ids = tasks(user, businessKey, taskDefinitionKey);
		assertThat(ids).as(taskDefinitionKey + " of " + businessKey + " for " + user).hasSize(1);
		return ids.get(0);
	}

	/** Completes a task with the contract's decision and comment (and more variables). */
	ResponseEntity<JsonNode> complete(String user, String taskId, Map<String, Object> values) {
		Map<String, Object> variables = new LinkedHashMap<>();
		values.forEach((name, value) -> {
			if (value != null) {
				variables.put(name, Map.of("value", value, "type", value instanceof String ? "String" : "Json"));
			}
		});
		return post(user, "/engine-rest/task/{id}/complete", Map.of("variables", variables), taskId);
	}

	ResponseEntity<JsonNode> decide(String user, String taskId, String decision, String comment) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("decision", decision);
		values.put("comment", comment);
		return complete(user, taskId, values);
	}

	/** Fast-forwards a timer: runs the job of the process instance waiting at the given timer now. */
	void fireTimer(String processDefinitionKey, String businessKey, String timerActivityId) {
		JsonNode instances = get("admin",
				"/engine-rest/process-instance?processDefinitionKey={def}&businessKey={key}&maxResults=10", processDefinitionKey,
				businessKey);
		assertThat(instances).as(processDefinitionKey + " " + businessKey).hasSize(1);
		String instance = instances.get(0).path("id").asText();
		JsonNode jobs = get("admin", "/engine-rest/job?processInstanceId={id}&activityId={activity}&maxResults=10", instance,
				timerActivityId);
		assertThat(jobs).as("timer " + timerActivityId + " of " + businessKey).hasSize(1);
		ResponseEntity<JsonNode> run = post("admin", "/engine-rest/job/{id}/execute", null,
				jobs.get(0).path("id").asText());
		assertThat(run.getStatusCode().value()).as("executing " + timerActivityId + ": " + run.getBody())
			.isEqualTo(204);
	}

	// ---- mail -----------------------------------------------------------------------------------

	MimeMessage awaitMail(String userId, String subjectPart) {
		String address = userId + "@dvk.local";
		return await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> Arrays.stream(mail.getReceivedMessages())
				.filter(m -> recipients(m).contains(address) && subject(m).contains(subjectPart))
				.findFirst()
				.orElse(null), m -> m != null);
	}

	static String recipients(MimeMessage message) {
		try {
			return Arrays.toString(message.getRecipients(Message.RecipientType.TO));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
