package vn.dvk.system.web;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;
import vn.dvk.security.CurrentUser;
import vn.dvk.shared.process.EngineIdentity;

/**
 * How many Tasklist tasks wait for a person: assigned to them or offered to one of their groups,
 * and how many of those are past due. The portal's home page shows the figures with a link to
 * Tasklist.
 */
@Component
class OpenTasks {

	private final TaskService tasks;

	private final IdentityService identity;

	OpenTasks(TaskService tasks, IdentityService identity) {
		this.tasks = tasks;
		this.identity = identity;
	}

	Counts of(CurrentUser user) {
		return EngineIdentity.trusted(identity,
				() -> new Counts(query(user).count(), query(user).dueBefore(new Date()).count()));
	}

	private TaskQuery query(CurrentUser user) {
		List<String> groups = new ArrayList<>(user.groups());
		TaskQuery query = tasks.createTaskQuery().active();
		if (groups.isEmpty()) {
			return query.taskAssignee(user.id());
		}
		return query.or().taskAssignee(user.id()).taskCandidateGroupIn(groups).endOr();
	}

	record Counts(long open, long overdue) {
	}

}
