package vn.dvk.security;

import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The response headers of every security chain, shared by both profiles. Besides what is set
 * here Spring Security sends {@code Cache-Control: no-store}, {@code X-Content-Type-Options:
 * nosniff} and, on HTTPS requests only (X-Forwarded-Proto counts, see
 * {@code server.forward-headers-strategy}), {@code Strict-Transport-Security}.
 */
final class SecurityHeaders {

	/**
	 * The portal's pages: Bootstrap, htmx and Chart.js from our WebJars, our CSS and scripts from /js (no inline script); Swagger UI
	 * (scripts from /swagger-ui, inline styles and data: images); inline style attributes in
	 * the templates and in the mails shown by /ops/mailbox (a sandboxed srcdoc frame).
	 */
	static final String PORTAL_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; frame-src 'self'; frame-ancestors 'none'";

	/** JSON and files, never a page: nothing may load, nobody may frame it. */
	static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

	static final ReferrerPolicy REFERRER_POLICY = ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN;

	private SecurityHeaders() {
	}

	/**
	 * The portal; {@code formTargets} are further origins a form may post to or be redirected to
	 * (the identity provider's sign-out in the keycloak profile).
	 */
	static Customizer<HeadersConfigurer<HttpSecurity>> portal(String... formTargets) {
		String formAction = Stream.concat(Stream.of("'self'"), Arrays.stream(formTargets))
			.collect(Collectors.joining(" "));
		return headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(portalPolicy(formAction)))
			.frameOptions(frame -> frame.deny())
			.referrerPolicy(referrer -> referrer.policy(REFERRER_POLICY));
	}

	static String portalPolicy(String formAction) {
		return PORTAL_POLICY + "; form-action " + formAction;
	}

	/** {@code /api/**} and {@code /engine-rest/**}. */
	static Customizer<HeadersConfigurer<HttpSecurity>> api() {
		return headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY))
			.frameOptions(frame -> frame.deny())
			.referrerPolicy(referrer -> referrer.policy(REFERRER_POLICY));
	}

	/**
	 * Tasklist, Cockpit and Admin send their own CSP (camunda.bpm.webapp.header-security); they
	 * may frame their own pages.
	 */
	static Customizer<HeadersConfigurer<HttpSecurity>> camundaWebapps() {
		return headers -> headers.frameOptions(frame -> frame.sameOrigin())
			.referrerPolicy(referrer -> referrer.policy(REFERRER_POLICY));
	}

}
