package vn.dvk.testsupport;

import java.time.Clock;

import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementServerProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What the real portal security chain ({@code vn.dvk.security.SecurityConfiguration}, with its
 * {@code SecurityAudit} and {@code MetricsScrapePort}) needs in a {@code @WebMvcTest}, so a
 * controller test checks the real access rules (e.g. a public page without sign-in). The test
 * includes those three classes with a component filter and mocks the engine's
 * {@code IdentityService}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PortalSecurityTestConfiguration {

	/** The component filter pattern of the security classes to include. */
	public static final String SECURITY_CLASSES = "vn\\.dvk\\.security\\.(SecurityConfiguration|SecurityAudit|MetricsScrapePort)";

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	ManagementServerProperties managementServerProperties() {
		return new ManagementServerProperties();
	}

	@Bean
	WebEndpointProperties webEndpointProperties() {
		return new WebEndpointProperties();
	}

}
