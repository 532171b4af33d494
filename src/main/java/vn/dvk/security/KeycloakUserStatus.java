package vn.dvk.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;

/**
 * {@code keycloak} profile: is a Keycloak user (by id, the tokens' {@code sub}) still enabled? Asks
 * Keycloak's admin REST API ({@code GET /admin/realms/{realm}/users/{id}}, service account
 * {@code dvk-engine}, role {@code view-users}) and keeps a "yes" for the check interval; a "no"
 * (disabled or deleted) is never kept, so a re-enabled user is let in at once. When Keycloak cannot
 * answer and no fresh "yes" is kept, the answer is {@link Status#UNKNOWN}: callers refuse (fail
 * closed).
 */
class KeycloakUserStatus {

	enum Status {
		ENABLED, DISABLED, UNKNOWN
	}

	/** Asks Keycloak: {@code true} enabled, {@code false} disabled or deleted; throws when it cannot answer. */
	@FunctionalInterface
	interface Lookup {

		boolean enabled(String userId);

	}

	private static final Logger log = LoggerFactory.getLogger(KeycloakUserStatus.class);

	private final Lookup lookup;

	private final Duration interval;

	private final Clock clock;

	private final Map<String, Instant> enabledSince = new ConcurrentHashMap<>();

	KeycloakUserStatus(Lookup lookup, Duration interval, Clock clock) {
		this.lookup = lookup;
		this.interval = interval;
		this.clock = clock;
	}

	Duration interval() {
		return interval;
	}

	Status of(String userId) {
		Instant now = clock.instant();
		Instant checked = enabledSince.get(userId);
		if (checked != null && now.isBefore(checked.plus(interval))) {
			return Status.ENABLED;
		}
		boolean enabled;
		try {
			enabled = lookup.enabled(userId);
		}
		catch (RuntimeException ex) {
			enabledSince.remove(userId);
			log.warn("Keycloak could not say whether user {} is enabled; refusing the request: {}", userId,
					ex.toString());
			return Status.UNKNOWN;
		}
		if (enabled) {
			enabledSince.put(userId, now);
			return Status.ENABLED;
		}
		enabledSince.remove(userId);
		return Status.DISABLED;
	}

	/** The admin REST lookup; {@code client} adds the service account's bearer token. */
	static Lookup adminRest(RestClient client, String realmAdminUrl, ObjectMapper json) {
		return userId -> client.get().uri(realmAdminUrl + "/users/{id}", userId).exchange((request, response) -> {
			if (response.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
				return false;
			}
			if (!response.getStatusCode().is2xxSuccessful()) {
				throw new IllegalStateException("Keycloak answered " + response.getStatusCode().value());
			}
			JsonNode user = json.readTree(response.getBody());
			return userId.equals(user.path("id").asText()) && user.path("enabled").asBoolean(false);
		});
	}

}
