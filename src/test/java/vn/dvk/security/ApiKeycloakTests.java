package vn.dvk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import vn.dvk.testsupport.KeycloakTestEnvironment;

/**
 * Keycloak tier (needs {@code bash .ci/keycloak.sh start}; fails without it): Keycloak-issued JWTs
 * on {@code /api} and {@code /engine-rest}, and the engine's identity read from Keycloak.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "keycloak" })
class ApiKeycloakTests {

	@DynamicPropertySource
	static void keycloak(DynamicPropertyRegistry registry) {
		KeycloakTestEnvironment.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identityService;

	private ResponseEntity<JsonNode> get(String uri, String token) {
		return RestClient.builder().baseUrl("http://127.0.0.1:" + port).build().get().uri(uri).headers(h -> {
			if (token != null) {
				h.setBearerAuth(token);
			}
		}).exchange((req, res) -> {
			byte[] body = res.getBody().readAllBytes();
			JsonNode json = body.length == 0 ? null : KeycloakTestEnvironment.JSON.readTree(body);
			return ResponseEntity.status(res.getStatusCode()).headers(res.getHeaders()).body(json);
		});
	}

	@Test
	void aKeycloakTokenOpensTheApiAndNothingAnswersWithoutOne() {
		String token = KeycloakTestEnvironment.accessToken("head-xa-cam-hai-dong", "demo");

		assertThat(get("/api/registrations", token).getStatusCode().value()).isEqualTo(200);
		assertThat(get("/engine-rest/task?maxResults=50", token).getStatusCode().value()).isEqualTo(200);

		ResponseEntity<JsonNode> anonymous = get("/engine-rest/task?maxResults=50", null);
		assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
		assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
		assertThat(get("/api/registrations", null).getStatusCode().value()).isEqualTo(401);
		assertThat(get("/engine-rest/task?maxResults=50", token + "x").getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void theEngineReadsUsersAndGroupsFromKeycloak() {
		String token = KeycloakTestEnvironment.accessToken("head-xa-cam-hai-dong", "demo");
		ResponseEntity<JsonNode> groups = get("/engine-rest/group?member=head-xa-cam-hai-dong&maxResults=50", token);
		assertThat(groups.getStatusCode().value()).isEqualTo(200);
		List<String> ids = StreamSupport.stream(groups.getBody().spliterator(), false)
			.map(g -> g.path("id").asText())
			.toList();
		assertThat(ids).containsExactlyInAnyOrder("unit-heads", "unit-xa-cam-hai-dong");

		assertThat(identityService.isReadOnly()).isTrue();
		User reviewer = identityService.createUserQuery().userId("reviewer-tinh").singleResult();
		assertThat(reviewer).isNotNull();
		assertThat(reviewer.getEmail()).isEqualTo("reviewer-tinh@dvk.local");
		assertThat(identityService.createGroupQuery().groupMember("reviewer-tinh").list()).extracting(Group::getId)
			.contains("reviewers-tinh");
		// group ids are the names of contract.md (not Keycloak's internal ids), found by id and by member
		Group committee = identityService.createGroupQuery().groupId("reviewers-tinh").singleResult();
		assertThat(committee).isNotNull();
		assertThat(identityService.createUserQuery().memberOfGroup("reviewers-tinh").list()).extracting(User::getId)
			.contains("reviewer-tinh");
	}

}
