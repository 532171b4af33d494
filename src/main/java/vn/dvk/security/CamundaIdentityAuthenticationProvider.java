package vn.dvk.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Default profile: users, passwords and groups come from the engine's own identity service
 * (the demo users seeded at start-up). Groups become authorities {@code GROUP_<groupId>}.
 */
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	private final IdentityService identityService;

	CamundaIdentityAuthenticationProvider(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (userId == null || userId.isBlank() || credentials == null
				|| !identityService.checkPassword(userId, credentials.toString())) {
			throw new BadCredentialsException("Bad credentials");
		}
		User user = identityService.createUserQuery().userId(userId).singleResult();
		List<GrantedAuthority> authorities = groupAuthorities(identityService, userId);
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user.getId(),
				null, authorities);
		result.setDetails(authentication.getDetails());
		return result;
	}

	static List<GrantedAuthority> groupAuthorities(IdentityService identityService, String userId) {
		return identityService.createGroupQuery()
			.groupMember(userId)
			.unlimitedList()
			.stream()
			.map(Group::getId)
			.map(id -> (GrantedAuthority) new SimpleGrantedAuthority(CurrentUser.GROUP_AUTHORITY_PREFIX + id))
			.toList();
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
