package vn.dvk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The running Keycloak of the Keycloak tier ({@code bash .ci/keycloak.sh start}): its URL and the
 * client secrets, from the environment or from {@code target/keycloak/keycloak.env}. Without a
 * Keycloak answering for the realm {@code dvk} the tests FAIL, they never skip.
 */
public final class KeycloakTestEnvironment {

	public static final Path ENV_FILE = Path.of("target", "keycloak", "keycloak.env");

	private static Map<String, String> values;

	private KeycloakTestEnvironment() {
	}

	public static synchronized Map<String, String> values() {
		if (values == null) {
			Map<String, String> v = new LinkedHashMap<>();
			if (Files.isRegularFile(ENV_FILE)) {
				try {
					for (String line : Files.readAllLines(ENV_FILE)) {
						String l = line.strip();
						if (l.startsWith("export ")) {
							l = l.substring("export ".length());
						}
						int eq = l.indexOf('=');
						if (!l.startsWith("#") && eq > 0) {
							v.put(l.substring(0, eq), l.substring(eq + 1));
						}
					}
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}
			for (String name : new String[] { "KEYCLOAK_URL", "DVK_PORTAL_CLIENT_SECRET", "DVK_ENGINE_CLIENT_SECRET" }) {
				String env = System.getenv(name);
				if (env != null && !env.isBlank()) {
					v.put(name, env);
				}
			}
			v.putIfAbsent("KEYCLOAK_URL", "http://127.0.0.1:8180");
			values = Map.copyOf(v);
		}
		return values;
	}

	public static String url() {
		return values().get("KEYCLOAK_URL");
	}

	public static String issuer() {
		return url() + "/realms/dvk";
	}

	/** Fails (never skips) when Keycloak is not running with the realm and the secrets are unknown. */
	public static void requireRunning() {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		try {
			HttpResponse<Void> response = http.send(
					HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
						.timeout(Duration.ofSeconds(10))
						.build(),
					HttpResponse.BodyHandlers.discarding());
			assertThat(response.statusCode()).as("realm dvk at %s", issuer()).isEqualTo(200);
		}
		catch (IOException | InterruptedException ex) {
			fail("Keycloak is not running at " + url() + " (start it: bash .ci/keycloak.sh start): " + ex);
		}
		assertThat(values()).as("client secrets from %s or the environment", ENV_FILE)
			.containsKeys("DVK_PORTAL_CLIENT_SECRET", "DVK_ENGINE_CLIENT_SECRET");
	}

	/** Spring properties of the keycloak profile for a running Keycloak. */
	public static void register(DynamicPropertyRegistry registry) {
		requireRunning();
		values().forEach((name, value) -> registry.add(name, () -> value));
	}

	/** An access token from the public client {@code dvk-cli} (password grant). */
	public static String accessToken(String username, String password) {
		LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "password");
		form.add("client_id", "dvk-cli");
		form.add("username", username);
		form.add("password", password);
		JsonNode token = RestClient.create()
			.post()
			.uri(issuer() + "/protocol/openid-connect/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.retrieve()
			.body(JsonNode.class);
		assertThat(token).isNotNull();
		return token.path("access_token").asText();
	}

	public static final ObjectMapper JSON = new ObjectMapper();

}
