package vn.dvk.security;

import java.util.ArrayList;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Container-based authentication for the Camunda webapps ({@code keycloak} profile): the user id
 * and groups of the person Spring Security signed in (through Keycloak). Instantiated by
 * {@code ContainerBasedAuthenticationFilter} from its class name, hence public.
 */
public class SpringSecurityAuthenticationProvider extends ContainerBasedAuthenticationProvider {

	@Override
	public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
			return AuthenticationResult.unsuccessful();
		}
		CurrentUser user = CurrentUser.of(auth.getName(), auth.getAuthorities());
		AuthenticationResult result = AuthenticationResult.successful(user.id());
		result.setGroups(new ArrayList<>(user.groups()));
		return result;
	}

}
