package vn.dvk.testsupport;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/** Stands in for {@code notifyCandidateGroupsListener}: records the tasks it was told about. */
public class RecordingTaskListener implements TaskListener {

	private final List<String> taskDefinitionKeys = new ArrayList<>();

	@Override
	public void notify(DelegateTask task) {
		taskDefinitionKeys.add(task.getTaskDefinitionKey() + ":" + task.getEventName());
	}

	/** Entries {@code <taskDefinitionKey>:<event>} in order. */
	public List<String> events() {
		return List.copyOf(taskDefinitionKeys);
	}

}
