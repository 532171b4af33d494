package vn.dvk.security;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.CompositeLogoutHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.client.RestClient;

/**
 * {@code keycloak} profile security: people and groups live in Keycloak (realm {@code dvk}, see
 * docs/keycloak.md).
 * <ul>
 * <li>{@code /api/**} and {@code /engine-rest/**}: OAuth2 resource server, Keycloak-issued JWT
 * bearer tokens only (issuer the realm, audience {@code dvk-portal}), 401 without one;</li>
 * <li>the portal and the Camunda webapps: {@code oauth2Login} with the client {@code dvk-portal}
 * (authorization code + PKCE); the webapps take the signed-in person from Spring Security
 * (container-based authentication), so one sign-in reaches Tasklist, Cockpit and Admin;</li>
 * <li>sign-out ends the Keycloak session too: the portal's is OIDC RP-initiated, the webapps' own
 * "Đăng xuất" (an XHR) ends the Spring session and the Keycloak session server to server;</li>
 * <li>a person disabled or deleted in Keycloak is refused within {@code dvk.keycloak.user-check-interval}
 * on every chain ({@link ActiveUserFilter}); their session is ended;</li>
 * <li>the engine reads users and groups from Keycloak ({@code camunda-platform-7-keycloak},
 * client {@code dvk-engine}); no password ever goes through it.</li>
 * </ul>
 * Groups come from the tokens' {@code groups} claim (group names = engine group ids) as
 * authorities {@code GROUP_<name>}; the user id is {@code preferred_username}.
 * Every chain sends the headers of {@link SecurityHeaders} and logs its 401s and 403s
 * ({@link SecurityAuditFilter}).
 */
@Configuration(proxyBeanMethods = false)
@Profile("keycloak")
class KeycloakSecurityConfiguration {

	static final String REGISTRATION_ID = "keycloak";

	static final String GROUPS_CLAIM = "groups";

	static final String USERNAME_CLAIM = "preferred_username";

	/** The client-credentials registration of the service account {@code dvk-engine} (admin REST reads). */
	static final String ENGINE_REGISTRATION_ID = "keycloak-engine";

	/** Tasklist's, Cockpit's and Admin's own sign-out (an XHR POST of the webapps). */
	static final String WEBAPP_LOGOUT = "/camunda/api/admin/auth/user/{engine}/logout";


	private static final String LOGIN_URL = OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI
			+ "/" + REGISTRATION_ID;

	private static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	/** {@code GROUP_<name>} for every group of a {@code groups} claim (a leading "/" of a path is dropped). */
	static List<GrantedAuthority> groupAuthorities(Collection<String> groups) {
		if (groups == null) {
			return List.of();
		}
		return groups.stream()
			.map(g -> g.startsWith("/") ? g.substring(g.lastIndexOf('/') + 1) : g)
			.filter(g -> !g.isBlank())
			.map(g -> (GrantedAuthority) new SimpleGrantedAuthority(CurrentUser.GROUP_AUTHORITY_PREFIX + g))
			.toList();
	}

	/** The engine's identity provider: users and groups from Keycloak, read-only. */
	@Bean
	@ConfigurationProperties("plugin.identity.keycloak")
	KeycloakIdentityProviderPlugin keycloakIdentityProviderPlugin() {
		return new KeycloakIdentityProviderPlugin();
	}

	@Bean
	ProblemResponses keycloakProblemResponses(MessageSource messages, ObjectMapper json) {
		return new ProblemResponses(messages, json);
	}

	/** Keycloak answers for the user checks and the server-to-server sign-out within seconds, or not at all. */
	private static RestClient.Builder withTimeouts(RestClient.Builder builder) {
		return builder.requestFactory(ClientHttpRequestFactoryBuilder.simple()
			.build(ClientHttpRequestFactorySettings.defaults()
				.withConnectTimeout(Duration.ofSeconds(2))
				.withReadTimeout(Duration.ofSeconds(5))));
	}

	/** Whether a person is still enabled in Keycloak, asked with the service account {@code dvk-engine}. */
	@Bean
	KeycloakUserStatus keycloakUserStatus(ClientRegistrationRepository clients,
			OAuth2AuthorizedClientService authorizedClientService, RestClient.Builder restClients, ObjectMapper json,
			@Value("${dvk.keycloak.url}/admin/realms/${dvk.keycloak.realm}") String realmAdminUrl,
			@Value("${dvk.keycloak.user-check-interval:60s}") Duration interval) {
		OAuth2ClientHttpRequestInterceptor serviceAccount = new OAuth2ClientHttpRequestInterceptor(
				new AuthorizedClientServiceOAuth2AuthorizedClientManager(clients, authorizedClientService));
		serviceAccount.setClientRegistrationIdResolver(request -> ENGINE_REGISTRATION_ID);
		// the service account's token is DVK's own, not the person's whose request is being checked
		AnonymousAuthenticationToken self = new AnonymousAuthenticationToken("dvk", "dvk-user-check",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
		serviceAccount.setPrincipalResolver(request -> self);
		serviceAccount.setAuthorizationFailureHandler(
				OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClientService));
		RestClient http = withTimeouts(restClients).requestInterceptor(serviceAccount).build();
		return new KeycloakUserStatus(KeycloakUserStatus.adminRest(http, realmAdminUrl, json), interval,
				Clock.systemUTC());
	}

	@Bean
	KeycloakSessionLogout keycloakSessionLogout(OAuth2AuthorizedClientRepository authorizedClients,
			RestClient.Builder restClients) {
		return new KeycloakSessionLogout(authorizedClients, withTimeouts(restClients).build());
	}

	/** Ends a browser session: Keycloak's (server to server), then DVK's (and with it the webapps'). */
	private static CompositeLogoutHandler endSession(KeycloakSessionLogout keycloakLogout) {
		return new CompositeLogoutHandler(keycloakLogout, new SecurityContextLogoutHandler());
	}

	@Bean
	@Order(1)
	SecurityFilterChain keycloakApiSecurity(HttpSecurity http, IdentityService identityService,
			ProblemResponses problems, KeycloakUserStatus users, SecurityAudit audit) throws Exception {
		JwtAuthenticationConverter tokens = new JwtAuthenticationConverter();
		tokens.setPrincipalClaimName(USERNAME_CLAIM);
		tokens.setJwtGrantedAuthoritiesConverter((Jwt jwt) -> List.copyOf(groupAuthorities(jwt.getClaimAsStringList(GROUPS_CLAIM))));
		// path patterns, not MVC matchers: /engine-rest is served by Jersey, not the DispatcherServlet
		http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
			.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
			.oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
				.authenticationEntryPoint(problems.bearerUnauthorized())
				.accessDeniedHandler(problems.forbidden()))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// stateless: a bearer token in every request, no session cookie, so no CSRF
			.csrf(csrf -> csrf.disable())
			.headers(SecurityHeaders.api())
			.exceptionHandling(ex -> ex.authenticationEntryPoint(problems.bearerUnauthorized())
				.accessDeniedHandler(problems.forbidden()))
			// stateless: nothing to sign out, the token is refused
			.addFilterBefore(new ActiveUserFilter(users, (request, response, auth) -> {
			}, problems.accountDisabled(), problems), AuthorizationFilter.class)
			.addFilterAfter(new SecurityAuditFilter(audit), SecurityContextHolderFilter.class)
			.addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class);
		return http.build();
	}

	/**
	 * The webapps' sign-out request, only with the webapps' own CSRF token (Camunda's
	 * CsrfPreventionFilter runs after Spring Security and would never see it): anything else falls
	 * through to the webapps, which refuse it.
	 */
	static RequestMatcher webappLogout() {
		RequestMatcher post = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, WEBAPP_LOGOUT);
		RequestMatcher csrfToken = request -> {
			HttpSession session = request.getSession(false);
			Object expected = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
			return expected != null && expected.equals(request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME));
		};
		return new AndRequestMatcher(post, csrfToken);
	}

	@Bean
	@Order(2)
	SecurityFilterChain keycloakCamundaWebappsSecurity(HttpSecurity http, KeycloakUserStatus users,
			KeycloakSessionLogout keycloakLogout, ProblemResponses problems, SecurityAudit audit) throws Exception {
		// signed in through Keycloak (the portal chain runs oauth2Login); the webapps keep their own CSRF
		// protection and read the person from Spring Security (ContainerBasedAuthenticationFilter)
		http.securityMatcher(path("/camunda/**"))
			.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
			.exceptionHandling(ex -> ex.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN_URL)))
			.csrf(csrf -> csrf.disable())
			.headers(SecurityHeaders.camundaWebapps())
			// Tasklist's, Cockpit's and Admin's "Đăng xuất" ends everything, not only the webapp's own
			// authentication (container-based authentication would sign the person straight back in)
			.logout(logout -> logout.logoutRequestMatcher(webappLogout())
				.addLogoutHandler(keycloakLogout)
				.logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK)))
			.addFilterBefore(new ActiveUserFilter(users, endSession(keycloakLogout),
					new LoginUrlAuthenticationEntryPoint(LOGIN_URL), problems), AuthorizationFilter.class)
			.addFilterAfter(new SecurityAuditFilter(audit), SecurityContextHolderFilter.class);
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain keycloakPortalSecurity(HttpSecurity http, ClientRegistrationRepository clients,
			KeycloakUserStatus users, KeycloakSessionLogout keycloakLogout,
			ProblemResponses problems, SecurityAudit audit, MetricsScrapePort metrics, @Value("${dvk.keycloak.url}") String keycloakUrl)
			throws Exception {
		// CSRF protection stays on (session cookie): every form posts its token (th:action adds it)
		DefaultOAuth2AuthorizationRequestResolver authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(
				clients, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
		// dvk-portal is confidential but the realm requires PKCE (S256)
		authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		OidcClientInitiatedLogoutSuccessHandler logoutSuccess = new OidcClientInitiatedLogoutSuccessHandler(clients);
		logoutSuccess.setPostLogoutRedirectUri("{baseUrl}/");
		http.authorizeHttpRequests(PortalAccess.rules(metrics))
			.oauth2Login(login -> login.loginPage(LOGIN_URL)
				.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
				.userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUserService())))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(logoutSuccess))
			// the portal's "Đăng nhập" link (/login) goes straight to Keycloak's sign-in page
			.addFilterBefore(redirect(path("/login"), LOGIN_URL), OAuth2AuthorizationRequestRedirectFilter.class)
			.addFilterBefore(new ActiveUserFilter(users, endSession(keycloakLogout),
					new LoginUrlAuthenticationEntryPoint(LOGIN_URL), problems), AuthorizationFilter.class)
			// sign-out posts to /logout, which redirects to Keycloak: form-action must allow it
			.headers(SecurityHeaders.portal(origin(keycloakUrl)))
			.addFilterAfter(new SecurityAuditFilter(audit), SecurityContextHolderFilter.class);
		return http.build();
	}

	/** {@code scheme://host[:port]} of a URL, as a CSP source. */
	static String origin(String url) {
		URI uri = URI.create(url);
		return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
	}

	private static Filter redirect(RequestMatcher matcher, String target) {
		return (request, response, chain) -> {
			if (matcher.matches((HttpServletRequest) request)) {
				HttpServletRequest http = (HttpServletRequest) request;
				((HttpServletResponse) response).sendRedirect(http.getContextPath() + target);
				return;
			}
			chain.doFilter(request, response);
		};
	}

	/** The OIDC user with {@code GROUP_<name>} authorities from the ID token's {@code groups}. */
	private static OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService() {
		OidcUserService delegate = new OidcUserService();
		return request -> {
			OidcUser user = delegate.loadUser(request);
			List<GrantedAuthority> authorities = groupAuthorities(user.getIdToken().getClaimAsStringList(GROUPS_CLAIM));
			return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), USERNAME_CLAIM);
		};
	}

	/** Tasklist, Cockpit and Admin take the person signed in through Keycloak: one sign-in. */
	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaContainerBasedAuthentication() {
		FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ContainerBasedAuthenticationFilter());
		registration.setName("dvk-container-based-authentication");
		registration.setInitParameters(
				Map.of("authentication-provider", SpringSecurityAuthenticationProvider.class.getName()));
		// after Spring Security's filter chain (order -100), which has set the person
		registration.setOrder(101);
		registration.addUrlPatterns("/camunda/*");
		return registration;
	}

}
