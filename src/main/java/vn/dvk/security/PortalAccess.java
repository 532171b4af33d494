package vn.dvk.security;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who reaches what in the portal chain, the same in both profiles: the home page, sign-in, static
 * files, health and the API documentation are public; Prometheus on a management port of its own
 * too ({@link MetricsScrapePort}); the other actuator endpoints and {@code /ops/**} are for
 * {@code camunda-admin}; everything else needs a signed-in person.
 */
final class PortalAccess {

	private static final String ADMIN = CurrentUser.GROUP_AUTHORITY_PREFIX + Groups.CAMUNDA_ADMIN;

	private PortalAccess() {
	}

	static Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> rules(
			MetricsScrapePort metrics) {
		return auth -> auth
			.requestMatchers("/", "/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/public/**")
			.permitAll()
			.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
			.permitAll()
			.requestMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			.requestMatchers(metrics.prometheusOnManagementPort())
			.permitAll()
			.requestMatchers(EndpointRequest.toAnyEndpoint())
			.hasAuthority(ADMIN)
			.requestMatchers("/ops/**")
			.hasAuthority(ADMIN)
			.anyRequest()
			.authenticated();
	}

}
