package vn.dvk.notification;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Reads group members through the engine's {@link IdentityService}: the built-in identity tables
 * by default, Keycloak once the identity provider plugin is configured.
 */
@Component
class CamundaRecipientDirectory implements RecipientDirectory {

	private final IdentityService identityService;

	CamundaRecipientDirectory(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public Set<String> emailsOf(Collection<String> groupIds) {
		Set<String> emails = new LinkedHashSet<>();
		for (String groupId : groupIds) {
			for (User user : identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list()) {
				String email = user.getEmail();
				if (email != null && !email.isBlank()) {
					emails.add(email.trim().toLowerCase(Locale.ROOT));
				}
			}
		}
		return emails;
	}

}
