package vn.dvk.notification.process;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.thymeleaf.context.LazyContextVariable;

/**
 * The variables of a process step as a mail template's model. Serialized object variables (lists
 * such as {@code reviewUnitCodes}, stored as JSON) are read only if the template uses them:
 * deserializing every one for every email was about a twentieth of the application's CPU during a
 * deadline rush (docs/benchmarks.md).
 */
final class MailModel {

	private MailModel() {
	}

	static Map<String, Object> of(VariableScope scope) {
		VariableMap variables = scope.getVariablesTyped(false);
		Map<String, Object> model = new LinkedHashMap<>();
		for (String name : variables.keySet()) {
			TypedValue value = variables.getValueTyped(name);
			if (value instanceof ObjectValue object && !object.isDeserialized()) {
				model.put(name, lazy(() -> scope.getVariable(name)));
			}
			else {
				model.put(name, value == null ? null : value.getValue());
			}
		}
		return model;
	}

	/** A model value computed only if the template reads it. */
	static LazyContextVariable<Object> lazy(Supplier<?> value) {
		return new LazyContextVariable<>() {

			@Override
			protected Object loadValue() {
				return value.get();
			}

		};
	}

}
