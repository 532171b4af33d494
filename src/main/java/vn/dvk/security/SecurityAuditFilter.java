package vn.dvk.security;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Placed in every security chain right after {@code SecurityContextHolderFilter}: it wraps
 * authentication, CSRF and authorization filters and the application, so after the chain the
 * response status is final and the security context still names the caller. Logs every 401
 * and 403 through {@link SecurityAudit}.
 */
class SecurityAuditFilter extends OncePerRequestFilter {

	/** Where the Camunda webapps keep their own sign-in (default profile) in the HTTP session. */
	private static final String CAMUNDA_SESSION_ATTRIBUTE = "authenticatedUser";

	private final SecurityAudit audit;

	SecurityAuditFilter(SecurityAudit audit) {
		this.audit = audit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			int status = response.getStatus();
			if (status == HttpServletResponse.SC_UNAUTHORIZED || status == HttpServletResponse.SC_FORBIDDEN) {
				log(request, status);
			}
		}
	}

	private void log(HttpServletRequest request, int status) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
			CurrentUser user = CurrentUser.of(auth.getName(), auth.getAuthorities());
			audit.denied(request, status, user.id(), user.groups());
			return;
		}
		UserAuthentication camunda = camundaUser(request);
		if (camunda != null) {
			audit.denied(request, status, camunda.getIdentityId(), groupsOf(camunda));
			return;
		}
		audit.denied(request, status, null, List.of());
	}

	/** The person signed in to Tasklist/Cockpit/Admin by the webapps themselves, if any. */
	private static UserAuthentication camundaUser(HttpServletRequest request) {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/camunda/")) {
			return null;
		}
		try {
			HttpSession session = request.getSession(false);
			if (session != null && session.getAttribute(CAMUNDA_SESSION_ATTRIBUTE) instanceof Authentications auths) {
				return auths.getAuthentications().stream().findFirst().orElse(null);
			}
		}
		catch (IllegalStateException invalidated) {
			// the session ended during the request
		}
		return null;
	}

	private static Collection<String> groupsOf(UserAuthentication user) {
		return user.getGroupIds() == null ? List.of() : user.getGroupIds();
	}

}
