package vn.dvk.notification;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.dvk.shared.process.EngineIdentity;

/**
 * Reads group members through the engine's {@link IdentityService}: the built-in identity tables
 * by default, Keycloak once the identity provider plugin is configured.
 */
@Component
class CamundaRecipientDirectory implements RecipientDirectory {

	/** Looked up on first use: creating this bean must not start the engine before Flyway has run. */
	private final ObjectProvider<IdentityService> identityService;

	CamundaRecipientDirectory(ObjectProvider<IdentityService> identityService) {
		this.identityService = identityService;
	}

	@Override
	public Set<String> emailsOf(Collection<String> groupIds) {
		IdentityService identity = identityService.getObject();
		// every recipient, whoever's request or step sends the mail
		return EngineIdentity.trusted(identity, () -> {
			Set<String> emails = new LinkedHashSet<>();
			for (String groupId : groupIds) {
				for (User user : identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().unlimitedList()) {
					String email = user.getEmail();
					if (email != null && !email.isBlank()) {
						emails.add(email.trim().toLowerCase(Locale.ROOT));
					}
				}
			}
			return emails;
		});
	}

}
