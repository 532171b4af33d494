package vn.dvk.system;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.dvk.organization.OrganizationService;

/**
 * Creates the demo users and groups in the engine's identity store; existing ones are left as
 * they are, so an operator's changes survive restarts.
 */
@Component
class DemoIdentitySeeder {

	private static final Logger log = LoggerFactory.getLogger(DemoIdentitySeeder.class);

	private final IdentityService identity;

	private final OrganizationService organization;

	DemoIdentitySeeder(IdentityService identity, OrganizationService organization) {
		this.identity = identity;
		this.organization = organization;
	}

	void seed(String password) {
		int created = 0;
		for (DemoIdentity.DemoGroup g : DemoIdentity.groups(organization)) {
			if (identity.createGroupQuery().groupId(g.id()).count() == 0) {
				Group group = identity.newGroup(g.id());
				group.setName(g.name());
				group.setType(g.type());
				identity.saveGroup(group);
				created++;
			}
		}
		for (DemoIdentity.DemoUser u : DemoIdentity.users(organization)) {
			if (identity.createUserQuery().userId(u.id()).count() > 0) {
				continue;
			}
			User user = identity.newUser(u.id());
			user.setFirstName(u.firstName());
			user.setLastName(u.lastName());
			user.setEmail(u.email());
			user.setPassword(password);
			identity.saveUser(user);
			for (String groupId : u.groups()) {
				identity.createMembership(u.id(), groupId);
			}
			created++;
		}
		log.info("Demo identity: {} users/groups created", created);
	}

}
