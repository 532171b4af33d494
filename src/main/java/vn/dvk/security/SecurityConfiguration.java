package vn.dvk.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Default profile security (every profile but {@code keycloak}, see {@link KeycloakSecurityConfiguration}).
 * Users and groups are the engine's own identity (the demo users).
 * <ul>
 * <li>{@code /engine-rest/**} and {@code /api/**}: HTTP Basic, stateless, never anonymous;</li>
 * <li>{@code /camunda/**}: the Camunda webapps authenticate themselves (login page, CSRF);</li>
 * <li>{@code /ops/**}: operators ({@code camunda-admin});</li>
 * <li>the portal: form login; the home page, static files, health and API docs are public.</li>
 * </ul>
 * Every chain sends the headers of {@link SecurityHeaders} and logs its 401s and 403s
 * ({@link SecurityAuditFilter}).
 */
@Configuration(proxyBeanMethods = false)
@Profile("!keycloak")
class SecurityConfiguration {

	private static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	@Bean
	AuthenticationManager authenticationManager(IdentityService identityService,
			AuthenticationEventPublisher events) {
		ProviderManager manager = new ProviderManager(new CamundaIdentityAuthenticationProvider(identityService));
		// failed sign-ins reach SecurityAudit
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}

	@Bean
	ProblemResponses problemResponses(MessageSource messages, ObjectMapper json) {
		return new ProblemResponses(messages, json);
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
			IdentityService identityService, ProblemResponses problems, SecurityAudit audit) throws Exception {
		// path patterns, not MVC matchers: /engine-rest is served by Jersey, not the DispatcherServlet
		http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
			.authenticationManager(authenticationManager)
			.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized(true)))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// stateless: credentials in every request (HTTP Basic), no session cookie, so no CSRF
			.csrf(csrf -> csrf.disable())
			.headers(SecurityHeaders.api())
			.exceptionHandling(ex -> ex.authenticationEntryPoint(problems.unauthorized(true))
				.accessDeniedHandler(problems.forbidden()))
			.addFilterAfter(new SecurityAuditFilter(audit), SecurityContextHolderFilter.class)
			.addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain camundaWebappsSecurity(HttpSecurity http, SecurityAudit audit) throws Exception {
		// Tasklist, Cockpit and Admin run their own authentication and CSRF protection
		// (CsrfPreventionFilter: X-XSRF-TOKEN header, camunda.bpm.webapp.csrf) and send their own CSP
		http.securityMatcher(path("/camunda/**"))
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.headers(SecurityHeaders.camundaWebapps())
			.addFilterAfter(new SecurityAuditFilter(audit), SecurityContextHolderFilter.class);
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain portalSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
			SecurityAudit audit, MetricsScrapePort metrics) throws Exception {
		// CSRF protection stays on (session cookie): every form posts its token (th:action adds it)
		http.authenticationManager(authenticationManager)
			.authorizeHttpRequests(PortalAccess.rules(metrics))
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
			.headers(SecurityHeaders.portal())
			.addFilterAfter(new SecurityAuditFilter(audit), SecurityContextHolderFilter.class);
		return http.build();
	}

}
