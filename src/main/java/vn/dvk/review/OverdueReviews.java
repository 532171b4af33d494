package vn.dvk.review;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import vn.dvk.review.process.LevelReviewProcess;
import vn.dvk.security.CurrentUser;
import vn.dvk.shared.DvkException;
import vn.dvk.shared.process.EngineIdentity;

/**
 * Review tasks of a plan past their due date (the plan's {@code reviewDays} after the level's
 * review began), asked of the engine: one counting query and one page of the oldest, with the
 * registration and the reviewing unit read from the review's variables in one more query. For
 * staff who see every unit (403 otherwise).
 */
@Service
public class OverdueReviews {

	private static final String PLAN_CODE = "planCode";

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final IdentityService identity;

	private final Clock clock;

	OverdueReviews(TaskService tasks, RuntimeService runtime, IdentityService identity, ObjectProvider<Clock> clock) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.identity = identity;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** One waiting review past its due date. */
	public record OverdueReview(String registrationCode, String registrationName, String unitName,
			String reviewUnitName, Instant dueAt, Instant since) {
	}

	/** At most {@code limit} overdue reviews (the longest overdue first) and how many there are. */
	public record Overdue(List<OverdueReview> items, long total) {
	}

	public Overdue of(String planCode, int limit, CurrentUser user) {
		if (!user.seesAllUnits()) {
			throw DvkException.forbidden("registration.staffOnly");
		}
		Date now = Date.from(clock.instant());
		return EngineIdentity.trusted(identity, () -> {
			long total = query(planCode, now).count();
			if (total == 0) {
				return new Overdue(List.of(), 0);
			}
			List<Task> page = query(planCode, now).orderByDueDate().asc().listPage(0, limit);
			Map<String, Map<String, Object>> variables = variables(page);
			List<OverdueReview> items = page.stream().map(task -> {
				Map<String, Object> v = variables.getOrDefault(task.getProcessInstanceId(), Map.of());
				return new OverdueReview(text(v.get(LevelReviewProcess.Vars.REGISTRATION_CODE)),
						text(v.get(LevelReviewProcess.Vars.REGISTRATION_NAME)),
						text(v.get(LevelReviewProcess.Vars.UNIT_NAME)),
						text(v.get(LevelReviewProcess.Vars.REVIEW_UNIT_NAME)), task.getDueDate().toInstant(),
						task.getCreateTime().toInstant());
			}).toList();
			return new Overdue(items, total);
		});
	}

	private TaskQuery query(String planCode, Date now) {
		return tasks.createTaskQuery()
			.processDefinitionKey(LevelReviewProcess.KEY)
			.taskDefinitionKey(LevelReviewProcess.Ids.REVIEW_REGISTRATION)
			.processVariableValueEquals(PLAN_CODE, planCode)
			.dueBefore(now);
	}

	private Map<String, Map<String, Object>> variables(List<Task> page) {
		String[] instances = page.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new);
		String[] names = { LevelReviewProcess.Vars.REGISTRATION_CODE, LevelReviewProcess.Vars.REGISTRATION_NAME,
				LevelReviewProcess.Vars.UNIT_NAME, LevelReviewProcess.Vars.REVIEW_UNIT_NAME };
		Map<String, Map<String, Object>> byInstance = new HashMap<>();
		for (VariableInstance v : runtime.createVariableInstanceQuery()
			.processInstanceIdIn(instances)
			.variableNameIn(names)
			.disableCustomObjectDeserialization()
			.listPage(0, instances.length * names.length * 2)) {
			byInstance.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).putIfAbsent(v.getName(), v.getValue());
		}
		return byInstance;
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

}
