package vn.dvk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import vn.dvk.security.KeycloakUserStatus.Status;

/** The cache and the fail-closed rule of the keycloak profile's user check (no Keycloak needed). */
class KeycloakUserStatusTests {

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T08:00:00Z"));

	private final Clock clock = new Clock() {
		@Override
		public Instant instant() {
			return now.get();
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	};

	/** What Keycloak answers: "enabled", "disabled" or "down". */
	private final AtomicReference<String> keycloak = new AtomicReference<>("enabled");

	private final AtomicInteger lookups = new AtomicInteger();

	private final KeycloakUserStatus users = new KeycloakUserStatus(userId -> {
		lookups.incrementAndGet();
		return switch (keycloak.get()) {
			case "enabled" -> true;
			case "disabled" -> false;
			default -> throw new IllegalStateException("connection refused");
		};
	}, Duration.ofSeconds(60), clock);

	private void later(int seconds) {
		now.set(now.get().plusSeconds(seconds));
	}

	@Test
	void anEnabledAnswerIsKeptForTheIntervalThenAskedAgain() {
		assertThat(users.of("u1")).isEqualTo(Status.ENABLED);
		keycloak.set("disabled");
		later(59);
		assertThat(users.of("u1")).isEqualTo(Status.ENABLED);
		assertThat(lookups).hasValue(1);
		later(1);
		assertThat(users.of("u1")).isEqualTo(Status.DISABLED);
		assertThat(lookups).hasValue(2);
	}

	@Test
	void aDisabledAnswerIsNeverKeptSoARenabledUserIsLetInAtOnce() {
		keycloak.set("disabled");
		assertThat(users.of("u1")).isEqualTo(Status.DISABLED);
		assertThat(users.of("u1")).isEqualTo(Status.DISABLED);
		assertThat(lookups).hasValue(2);
		keycloak.set("enabled");
		assertThat(users.of("u1")).isEqualTo(Status.ENABLED);
	}

	@Test
	void withKeycloakDownAKeptAnswerServesUntilItExpiresThenTheUserIsRefused() {
		assertThat(users.of("u1")).isEqualTo(Status.ENABLED);
		keycloak.set("down");
		later(30);
		assertThat(users.of("u1")).isEqualTo(Status.ENABLED);
		later(30);
		assertThat(users.of("u1")).isEqualTo(Status.UNKNOWN);
		assertThat(users.of("u2")).isEqualTo(Status.UNKNOWN);
		keycloak.set("enabled");
		assertThat(users.of("u1")).isEqualTo(Status.ENABLED);
	}

	@Test
	void eachUserIsCheckedOnTheirOwn() {
		assertThat(users.of("u1")).isEqualTo(Status.ENABLED);
		keycloak.set("disabled");
		assertThat(users.of("u2")).isEqualTo(Status.DISABLED);
		assertThat(users.of("u1")).isEqualTo(Status.ENABLED);
	}

}
