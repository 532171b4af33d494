package vn.dvk.security;

import java.io.IOException;
import java.util.ArrayList;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine who calls {@code /engine-rest} (user id and groups) for the duration of the
 * request, so that the engine's authorization checks apply to that person and history names them.
 * Our own services pass the person to the engine themselves ({@code EngineIdentity}); the Camunda
 * webapps keep their own authentication.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

	static final String ENGINE_REST = "/engine-rest/";

	private final IdentityService identityService;

	EngineAuthenticationFilter(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + ENGINE_REST);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getPrincipal())) {
			chain.doFilter(request, response);
			return;
		}
		CurrentUser user = CurrentUser.of(auth.getName(), auth.getAuthorities());
		identityService.setAuthentication(user.id(), new ArrayList<>(user.groups()));
		try {
			chain.doFilter(request, response);
		}
		finally {
			identityService.clearAuthentication();
		}
	}

}
