package vn.dvk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The Keycloak tier's admin of the realm {@code dvk}: Keycloak's admin REST API with the temporary
 * {@code master} admin that {@code .ci/keycloak.sh} writes to {@code keycloak.env}
 * ({@code KEYCLOAK_ADMIN_USERNAME}, {@code KEYCLOAK_ADMIN_PASSWORD}). For tests that create, disable
 * and delete their own users.
 */
public final class KeycloakAdmin {

	private final RestClient http;

	private KeycloakAdmin(String token) {
		this.http = RestClient.builder()
			.baseUrl(KeycloakTestEnvironment.url() + "/admin/realms/dvk")
			.defaultHeaders(h -> h.setBearerAuth(token))
			.build();
	}

	/** Signs in as the master realm's admin ({@code admin-cli}, password grant). */
	public static KeycloakAdmin signIn() {
		Map<String, String> env = KeycloakTestEnvironment.values();
		assertThat(env).as("admin credentials in %s", KeycloakTestEnvironment.ENV_FILE)
			.containsKeys("KEYCLOAK_ADMIN_USERNAME", "KEYCLOAK_ADMIN_PASSWORD");
		LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "password");
		form.add("client_id", "admin-cli");
		form.add("username", env.get("KEYCLOAK_ADMIN_USERNAME"));
		form.add("password", env.get("KEYCLOAK_ADMIN_PASSWORD"));
		JsonNode token = RestClient.create()
			.post()
			.uri(KeycloakTestEnvironment.url() + "/realms/master/protocol/openid-connect/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.retrieve()
			.body(JsonNode.class);
		assertThat(token).isNotNull();
		return new KeycloakAdmin(token.path("access_token").asText());
	}

	/** Creates an enabled user with a verified email and a permanent password; returns Keycloak's id. */
	public String createUser(String username, String password, String firstName, String lastName) {
		Map<String, Object> user = Map.of("username", username, "enabled", true, "firstName", firstName, "lastName",
				lastName, "email", username + "@dvk.local", "emailVerified", true, "credentials",
				List.of(Map.of("type", "password", "value", password, "temporary", false)));
		ResponseEntity<Void> created = http.post().uri("/users").body(user).retrieve().toBodilessEntity();
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		URI location = created.getHeaders().getLocation();
		assertThat(location).isNotNull();
		String path = location.getPath();
		return path.substring(path.lastIndexOf('/') + 1);
	}

	/** Enables or disables the user (the whole representation is sent back: a partial one could clear fields). */
	public void setEnabled(String userId, boolean enabled) {
		JsonNode user = http.get().uri("/users/{id}", userId).retrieve().body(JsonNode.class);
		assertThat(user).isNotNull();
		((ObjectNode) user).put("enabled", enabled);
		http.put().uri("/users/{id}", userId).body(user).retrieve().toBodilessEntity();
	}

	/** Deletes the user; a user already gone is fine. */
	public void deleteUser(String userId) {
		http.delete()
			.uri("/users/{id}", userId)
			.retrieve()
			.onStatus(HttpStatusCode::is4xxClientError, (request, response) -> {
			})
			.toBodilessEntity();
	}

}
