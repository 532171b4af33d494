package vn.dvk.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code keycloak} profile: refuses the requests of a person Keycloak no longer has as an enabled
 * user (disabled or deleted), within {@link KeycloakUserStatus#interval()}. A disabled person's
 * session is ended ({@code signOut}) and the request answered by {@code refused} (sign-in page for
 * browsers, 401 for bearer tokens); when Keycloak cannot answer, 503 (fail closed, the session is
 * kept). Requests without a Keycloak-signed person pass untouched.
 */
class ActiveUserFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(ActiveUserFilter.class);

	private final KeycloakUserStatus users;

	private final LogoutHandler signOut;

	private final AuthenticationEntryPoint refused;

	private final ProblemResponses problems;

	ActiveUserFilter(KeycloakUserStatus users, LogoutHandler signOut, AuthenticationEntryPoint refused,
			ProblemResponses problems) {
		this.users = users;
		this.signOut = signOut;
		this.refused = refused;
		this.problems = problems;
	}

	/** The Keycloak user id ({@code sub}) of a bearer token or of a person signed in with OIDC, else null. */
	static String keycloakUserId(Authentication auth) {
		if (auth instanceof JwtAuthenticationToken jwt) {
			return jwt.getToken().getSubject();
		}
		if (auth != null && auth.getPrincipal() instanceof OidcUser user) {
			return user.getSubject();
		}
		return null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		String userId = keycloakUserId(auth);
		if (userId == null) {
			chain.doFilter(request, response);
			return;
		}
		switch (users.of(userId)) {
			case ENABLED -> chain.doFilter(request, response);
			case DISABLED -> {
				log.info("User {} ({}) is disabled or deleted in Keycloak: {} {} refused, session ended",
						auth.getName(), userId, request.getMethod(), request.getRequestURI());
				signOut.logout(request, response, auth);
				SecurityContextHolder.clearContext();
				refused.commence(request, response, null);
			}
			case UNKNOWN -> problems.identityUnavailable(response);
		}
	}

}
