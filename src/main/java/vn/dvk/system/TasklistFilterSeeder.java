package vn.dvk.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tasklist opens with useful filters in Vietnamese instead of an empty list: my tasks, my
 * groups' tasks, overdue tasks. Created once; an operator may change them afterwards.
 */
@Component
class TasklistFilterSeeder {

	private static final Logger log = LoggerFactory.getLogger(TasklistFilterSeeder.class);

	/** Variables shown on every task card. */
	private static final List<Map<String, String>> CARD_VARIABLES = List.of(
			Map.of("name", "registrationName", "label", "Mô hình"), Map.of("name", "unitName", "label", "Đơn vị"),
			Map.of("name", "planTitle", "label", "Kế hoạch"));

	private final FilterService filters;

	private final TaskService tasks;

	TasklistFilterSeeder(FilterService filters, TaskService tasks) {
		this.filters = filters;
		this.tasks = tasks;
	}

	/** Creates the missing filters; returns the ids of all of them. */
	List<String> seed() {
		// reviewers' tasks wait unassigned for their group: that list opens first
		List<String> ids = new ArrayList<>();
		ids.add(create("Việc của nhóm tôi", "Các việc chờ nhóm của tôi nhận xử lý", -10, "#0d6efd",
				tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()));
		ids.add(create("Việc của tôi", "Các việc đang giao cho tôi", -5, "#1f6f43",
				tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
		ids.add(create("Quá hạn", "Các việc của tôi hoặc nhóm tôi đã quá hạn xử lý", 0, "#b02a37",
				tasks.createTaskQuery()
					.or()
					.taskAssigneeExpression("${currentUser()}")
					.taskCandidateGroupInExpression("${currentUserGroups()}")
					.endOr()
					.dueBeforeExpression("${now()}")));
		return ids;
	}

	private String create(String name, String description, int priority, String color, TaskQuery query) {
		Filter existing = filters.createFilterQuery().filterName(name).list().stream().findFirst().orElse(null);
		if (existing != null) {
			return existing.getId();
		}
		Filter filter = filters.newTaskFilter(name);
		filter.setQuery(query);
		filter.setProperties(Map.of("description", description, "priority", priority, "color", color, "refresh",
				true, "variables", CARD_VARIABLES));
		filters.saveFilter(filter);
		log.info("Tasklist filter created: {}", name);
		return filter.getId();
	}

}
