package vn.dvk.testsupport;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Stands in for a bean another module provides (status changes, notifications): records which
 * activity called it with which input parameters.
 */
public class RecordingDelegate implements JavaDelegate {

	/** One call: the activity and its local variables (the input parameters). */
	public record Call(String activityId, Map<String, Object> inputs) {

		public Object input(String name) {
			return inputs.get(name);
		}

	}

	private final List<Call> calls = new ArrayList<>();

	@Override
	public void execute(DelegateExecution execution) {
		calls.add(new Call(execution.getCurrentActivityId(), Map.copyOf(withoutNulls(execution.getVariablesLocal()))));
	}

	public List<Call> calls() {
		return List.copyOf(calls);
	}

	public List<Call> callsAt(String activityId) {
		return calls.stream().filter(call -> call.activityId().equals(activityId)).toList();
	}

	public Call onlyCallAt(String activityId) {
		List<Call> matching = callsAt(activityId);
		if (matching.size() != 1) {
			throw new AssertionError("Expected one call at " + activityId + " but got " + matching + " in " + calls);
		}
		return matching.get(0);
	}

	/** The {@code status} inputs in call order. */
	public List<Object> statuses() {
		return calls.stream().map(call -> call.input("status")).toList();
	}

	/** The recipients input as a list, whether given as a collection or a comma-separated string. */
	public static List<String> recipients(Call call) {
		Object value = call.input("recipientGroups");
		if (value instanceof Collection<?> collection) {
			return collection.stream().map(String::valueOf).toList();
		}
		return value == null ? List.of() : List.of(value.toString().split("\\s*,\\s*"));
	}

	private static Map<String, Object> withoutNulls(Map<String, Object> variables) {
		Map<String, Object> copy = new java.util.LinkedHashMap<>();
		variables.forEach((name, value) -> {
			if (value != null) {
				copy.put(name, value);
			}
		});
		return copy;
	}

}
