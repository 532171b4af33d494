package vn.dvk.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The policies, without a context (the keycloak profile's chains need a running Keycloak). */
class SecurityHeadersTests {

	@Test
	void thePortalPolicyAllowsOnlyOurOwnOriginAndNoFraming() {
		assertThat(SecurityHeaders.portalPolicy("'self'")).startsWith("default-src 'self'; script-src 'self';")
			.contains("frame-ancestors 'none'")
			.contains("object-src 'none'")
			.endsWith("form-action 'self'")
			.doesNotContain("unsafe-eval")
			.doesNotContain("script-src 'self' 'unsafe-inline'");
	}

	@Test
	void theKeycloakPortalMayBeRedirectedToKeycloakAfterSignOut() {
		assertThat(KeycloakSecurityConfiguration.origin("http://127.0.0.1:8180")).isEqualTo("http://127.0.0.1:8180");
		assertThat(KeycloakSecurityConfiguration.origin("https://sso.example.vn/auth/")).isEqualTo("https://sso.example.vn");
		assertThat(SecurityHeaders.portalPolicy("'self' https://sso.example.vn"))
			.endsWith("form-action 'self' https://sso.example.vn");
	}

}
