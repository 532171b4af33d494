package vn.dvk.system;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Once per database: the task permissions the engine grants to a task's candidate groups, candidate
 * users and assignee (READ and UPDATE, READ on the historic task) for the tasks that were opened
 * before engine authorization was switched on, so that their reviewers still see them in Tasklist.
 * Done in pages; marked done in the engine's property table ({@value #DONE}).
 */
@Component
class TaskAuthorizationBackfill {

	static final String DONE = "dvk.task-authorizations-backfilled";

	private static final Logger log = LoggerFactory.getLogger(TaskAuthorizationBackfill.class);

	private static final int PAGE = 500;

	private final TaskService tasks;

	private final AuthorizationService authorizations;

	private final ManagementService management;

	TaskAuthorizationBackfill(TaskService tasks, AuthorizationService authorizations, ManagementService management) {
		this.tasks = tasks;
		this.authorizations = authorizations;
		this.management = management;
	}

	/** Runs once; returns how many authorizations it created (0 when already done). */
	int runOnce() {
		if (management.getProperties().containsKey(DONE)) {
			return 0;
		}
		int created = 0;
		for (int first = 0;; first += PAGE) {
			List<Task> page = tasks.createTaskQuery().orderByTaskId().asc().listPage(first, PAGE);
			for (Task task : page) {
				created += grant(task);
			}
			if (page.size() < PAGE) {
				break;
			}
		}
		management.setProperty(DONE, "true");
		log.info("Task authorizations of open tasks: {} created", created);
		return created;
	}

	private int grant(Task task) {
		int created = 0;
		for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
			created += grant(task.getId(), link.getGroupId(), link.getUserId());
		}
		if (task.getAssignee() != null) {
			created += grant(task.getId(), null, task.getAssignee());
		}
		return created;
	}

	private int grant(String taskId, String groupId, String userId) {
		return ensure(Resources.TASK, taskId, groupId, userId, Permissions.READ, Permissions.UPDATE)
				+ ensure(Resources.HISTORIC_TASK, taskId, groupId, userId, HistoricTaskPermissions.READ);
	}

	private int ensure(Resource resource, String taskId, String groupId, String userId, Permission... permissions) {
		var query = authorizations.createAuthorizationQuery().resourceType(resource).resourceId(taskId);
		long existing = groupId != null ? query.groupIdIn(groupId).count() : query.userIdIn(userId).count();
		if (existing > 0 || (groupId == null && userId == null)) {
			return 0;
		}
		Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setResource(resource);
		authorization.setResourceId(taskId);
		authorization.setGroupId(groupId);
		authorization.setUserId(groupId == null ? userId : null);
		for (Permission permission : permissions) {
			authorization.addPermission(permission);
		}
		authorizations.saveAuthorization(authorization);
		return 1;
	}

}
