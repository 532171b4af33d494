package vn.dvk.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.Unit;
import vn.dvk.security.Groups;

/**
 * The engine's group authorizations, created at every start-up where missing (an operator's own
 * additions are kept):
 * <ul>
 * <li>{@code camunda-admin}: everything (deploy, Cockpit, Admin, every instance and its history);</li>
 * <li>every other group of contract.md, and {@code reviewers-<code>} of every reviewing unit of the
 * tree: Tasklist, reading process definitions (names and forms in Tasklist), users and groups (names
 * of assignees and candidates), and creating their own Tasklist filters; the seeded filters are
 * readable by everyone signed in.</li>
 * </ul>
 * Nobody but {@code camunda-admin} gets Cockpit or Admin, may start a process through the engine
 * (our processes start through the services that keep our records), or reads instances. Tasks are
 * seen and worked on through the permissions the engine itself grants to a task's candidate groups
 * and assignee (READ and UPDATE, so they may claim, hand back and complete it, and READ on the historic task): a reviewer of one level sees
 * exactly the tasks of that level.
 */
@Component
class EngineAuthorizationSeeder {

	private static final Logger log = LoggerFactory.getLogger(EngineAuthorizationSeeder.class);

	static final String TASKLIST = "tasklist";

	/** One group's permissions on one resource (id or {@code *}). */
	record Grant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {

		Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
			this(groupId, resource, resourceId, List.of(permissions));
		}
	}

	private final AuthorizationService authorizations;

	private final OrganizationService organization;

	EngineAuthorizationSeeder(AuthorizationService authorizations, OrganizationService organization) {
		this.authorizations = authorizations;
		this.organization = organization;
	}

	/** The groups that work in Tasklist (every group of contract.md but the operators). */
	static List<String> tasklistGroups(OrganizationService organization) {
		List<String> groups = new ArrayList<>(List.of(Groups.PLAN_DRAFTERS, Groups.PLAN_APPROVERS, Groups.UNIT_HEADS,
				Groups.RECOGNITION_COUNCIL, Groups.AWARD_APPROVERS, Groups.AWARD_CLERKS));
		organization.all().stream().filter(Unit::reviews).map(unit -> Groups.reviewers(unit.code())).forEach(groups::add);
		return groups;
	}

	static List<Grant> grants(OrganizationService organization) {
		List<Grant> grants = new ArrayList<>();
		Arrays.stream(Resources.values())
			.forEach(resource -> grants.add(new Grant(Groups.CAMUNDA_ADMIN, resource, Authorization.ANY, Permissions.ALL)));
		for (String group : tasklistGroups(organization)) {
			grants.add(new Grant(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS));
			grants.add(new Grant(group, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ));
			grants.add(new Grant(group, Resources.USER, Authorization.ANY, Permissions.READ));
			grants.add(new Grant(group, Resources.GROUP, Authorization.ANY, Permissions.READ));
			grants.add(new Grant(group, Resources.FILTER, Authorization.ANY, Permissions.CREATE));
		}
		return grants;
	}

	/** Creates the missing grants and the global READ on the given (seeded) Tasklist filters. */
	void seed(Collection<String> sharedFilterIds) {
		int changed = 0;
		for (Grant grant : grants(organization)) {
			changed += apply(grant) ? 1 : 0;
		}
		for (String filterId : sharedFilterIds) {
			changed += shareFilter(filterId) ? 1 : 0;
		}
		log.info("Engine authorizations: {} created or extended", changed);
	}

	private boolean apply(Grant grant) {
		Authorization existing = authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(grant.groupId())
			.resourceType(grant.resource())
			.resourceId(grant.resourceId())
			.singleResult();
		Authorization authorization = existing != null ? existing
				: authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		if (existing != null && grant.permissions().stream().allMatch(existing::isPermissionGranted)) {
			return false;
		}
		authorization.setGroupId(grant.groupId());
		authorization.setResource(grant.resource());
		authorization.setResourceId(grant.resourceId());
		grant.permissions().forEach(authorization::addPermission);
		authorizations.saveAuthorization(authorization);
		return true;
	}

	private boolean shareFilter(String filterId) {
		if (authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GLOBAL)
			.resourceType(Resources.FILTER)
			.resourceId(filterId)
			.count() > 0) {
			return false;
		}
		Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
		authorization.setUserId(Authorization.ANY);
		authorization.setResource(Resources.FILTER);
		authorization.setResourceId(filterId);
		authorization.addPermission(Permissions.READ);
		authorizations.saveAuthorization(authorization);
		return true;
	}

}
