package vn.dvk;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import vn.dvk.plan.process.PlanIssuanceProcess;
import vn.dvk.registration.process.ModelRegistrationProcess;
import vn.dvk.review.process.LevelReviewProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The names in the constants classes and the names in bpmn/ stay in step: every id a constants
 * class names exists in its diagram, and every variable an expression or a form reads is declared.
 */
class ProcessNamesTests {

	/** A diagram and the constants class that names its ids and variables. */
	record Names(String key, Class<?> constants, Class<?> ids, Class<?> vars) {

		Path file() {
			return Path.of("bpmn", key + ".bpmn");
		}

		@Override
		public String toString() {
			return key;
		}

	}

	static final List<Names> PROCESSES = List.of(
			new Names(PlanIssuanceProcess.KEY, PlanIssuanceProcess.class, PlanIssuanceProcess.Ids.class,
					PlanIssuanceProcess.Vars.class),
			new Names(ModelRegistrationProcess.KEY, ModelRegistrationProcess.class, ModelRegistrationProcess.Ids.class,
					ModelRegistrationProcess.Vars.class),
			new Names(LevelReviewProcess.KEY, LevelReviewProcess.class, LevelReviewProcess.Ids.class,
					LevelReviewProcess.Vars.class));

	/** Names an expression may use that are not process variables. */
	static final Set<String> NOT_VARIABLES = Set.of("execution", "task", "null", "true", "false", "not", "and", "or",
			"eq", "ne", "lt", "gt", "le", "ge", "empty", "div", "mod", "instanceof");

	/**
	 * Passed into LevelReviewProcess as the contract asks, but LevelReviewProcess.Vars has no
	 * PLAN_CODE constant yet (reported; the constants class is not this module's to change).
	 */
	static final Set<String> KNOWN_UNDECLARED = Set.of("planCode");

	/** The confirmation checkbox of the revise forms (a form-only variable, read by nobody). */
	static final Set<String> FORM_ONLY = Set.of("revisionConfirmed");

	private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");

	private static final Pattern TEMPLATE = Pattern.compile("\\{\\{([^}]*)}}");

	private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)(?!\\w*\\s*\\()");

	private static final Pattern STRING_LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"");

	private static final Pattern DELEGATE_EXPRESSION = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");

	static Stream<Names> processes() {
		return PROCESSES.stream();
	}

	@ParameterizedTest
	@MethodSource("processes")
	void diagramFileIsNamedAfterItsExecutableProcess(Names names) {
		Process process = model(names).getModelElementById(names.key());

		assertThat(process).as("process %s in %s", names.key(), names.file()).isNotNull();
		assertThat(process.isExecutable()).isTrue();
		assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("3650");
	}

	@ParameterizedTest
	@MethodSource("processes")
	void everyIdOfTheConstantsClassExistsInTheDiagram(Names names) throws IllegalAccessException {
		BpmnModelInstance model = model(names);
		List<String> ids = constants(names.ids());

		assertThat(ids).isNotEmpty();
		for (String id : ids) {
			assertThat(model.<org.camunda.bpm.model.bpmn.instance.BaseElement>getModelElementById(id))
				.as("%s names %s but %s has no such element", names.ids().getName(), id, names.file())
				.isNotNull();
		}
	}

	@ParameterizedTest
	@MethodSource("processes")
	void everyVariableAnExpressionReadsIsDeclared(Names names) throws Exception {
		String xml = Files.readString(names.file(), StandardCharsets.UTF_8);
		Set<String> beans = matches(DELEGATE_EXPRESSION, xml);
		beans.addAll(Set.of("notifyCandidateGroupsListener", "decisionContractListener", "recordReviewDecisionListener"));
		Set<String> declared = new HashSet<>(constants(names.vars()));

		Set<String> used = new TreeSet<>();
		Matcher expression = EXPRESSION.matcher(xml);
		while (expression.find()) {
			used.addAll(identifiers(expression.group(1)));
		}
		used.removeAll(beans);

		assertThat(used).isNotEmpty();
		assertThat(declared).as("variables used in %s", names.file()).containsAll(used);
	}

	@Test
	void callActivityPassesOnlyDeclaredVariables() throws Exception {
		String xml = Files.readString(Path.of("bpmn", ModelRegistrationProcess.KEY + ".bpmn"), StandardCharsets.UTF_8);
		Set<String> caller = new HashSet<>(constants(ModelRegistrationProcess.Vars.class));
		Set<String> called = new HashSet<>(constants(LevelReviewProcess.Vars.class));
		called.addAll(KNOWN_UNDECLARED);

		Set<String> in = matches(Pattern.compile("<camunda:in source=\"(\\w+)\""), xml);
		Set<String> out = matches(Pattern.compile("<camunda:out source=\"\\w+\" target=\"(\\w+)\""), xml);
		Set<String> outSources = matches(Pattern.compile("<camunda:out source=\"(\\w+)\""), xml);

		assertThat(in).hasSize(8);
		assertThat(caller).containsAll(in).containsAll(out);
		assertThat(called).containsAll(in).containsAll(outSources);
		assertThat(matches(Pattern.compile("camunda:(?:resultVariable|elementVariable)=\"(\\w+)\""), xml))
			.containsExactlyInAnyOrder(ModelRegistrationProcess.Vars.REVIEW_LEVELS,
					ModelRegistrationProcess.Vars.REVIEW_UNIT_CODE);
	}

	@ParameterizedTest
	@MethodSource("processes")
	void everyFormOfAUserTaskExistsAndReadsOnlyDeclaredVariables(Names names) throws Exception {
		Map<String, JsonNode> forms = forms();
		Set<String> declared = new HashSet<>(constants(names.vars()));
		declared.addAll(FORM_ONLY);

		for (UserTask userTask : model(names).getModelElementsByType(UserTask.class)) {
			String formRef = userTask.getCamundaFormRef();
			assertThat(userTask.getCamundaFormRefBinding()).isEqualTo("deployment");
			assertThat(forms).as("form %s of %s", formRef, userTask.getId()).containsKey(formRef);

			Set<String> used = new TreeSet<>();
			forms.get(formRef).findValues("key").forEach(key -> used.add(key.asText()));
			for (JsonNode text : forms.get(formRef).findValues("text")) {
				Matcher template = TEMPLATE.matcher(text.asText());
				while (template.find()) {
					used.addAll(identifiers(template.group(1)));
				}
			}
			assertThat(declared).as("variables of form %s", formRef).containsAll(used);
		}
	}

	@Test
	void everyMessageNameOfTheConstantsClassesIsAMessageOfItsDiagram() throws IllegalAccessException {
		Map<Class<?>, Path> messages = Map.of(PlanIssuanceProcess.Messages.class,
				Path.of("bpmn", PlanIssuanceProcess.KEY + ".bpmn"), ModelRegistrationProcess.Messages.class,
				Path.of("bpmn", ModelRegistrationProcess.KEY + ".bpmn"));
		for (Map.Entry<Class<?>, Path> entry : messages.entrySet()) {
			Set<String> inDiagram = Bpmn.readModelFromFile(entry.getValue().toFile())
				.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Message.class)
				.stream()
				.map(org.camunda.bpm.model.bpmn.instance.Message::getName)
				.collect(Collectors.toSet());
			assertThat(inDiagram).as("messages of %s", entry.getValue())
				.containsExactlyInAnyOrderElementsOf(constants(entry.getKey()));
		}
		assertThat(ModelRegistrationProcess.Messages.EVALUATION_OPENED).isEqualTo("Msg_EvaluationOpened");
		assertThat(ModelRegistrationProcess.Messages.RECOGNITION_DECIDED).isEqualTo("Msg_RecognitionDecided");
	}

	@Test
	void routeDecisionIsNamedAfterItsFile() {
		DmnModelInstance dmn = Dmn.readModelFromFile(Path.of("bpmn", LevelReviewProcess.ROUTE_DECISION_KEY + ".dmn").toFile());
		Decision decision = dmn.getModelElementById(LevelReviewProcess.ROUTE_DECISION_KEY);

		assertThat(decision).isNotNull();
		assertThat(decision.getCamundaHistoryTimeToLiveString()).isEqualTo("3650");
	}

	private static BpmnModelInstance model(Names names) {
		return Bpmn.readModelFromFile(names.file().toFile());
	}

	private static Map<String, JsonNode> forms() throws IOException {
		ObjectMapper json = new ObjectMapper();
		Map<String, JsonNode> forms = new HashMap<>();
		try (Stream<Path> files = Files.list(Path.of("bpmn", "forms"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
				try (InputStream in = Files.newInputStream(file)) {
					JsonNode form = json.readTree(in);
					forms.put(form.get("id").asText(), form);
				}
			}
		}
		return forms;
	}

	private static Set<String> identifiers(String expression) {
		String withoutLiterals = STRING_LITERAL.matcher(expression).replaceAll(" ");
		return matches(IDENTIFIER, withoutLiterals).stream()
			.filter(name -> !NOT_VARIABLES.contains(name))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static Set<String> matches(Pattern pattern, String text) {
		Set<String> result = new TreeSet<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			result.add(matcher.group(1));
		}
		return result;
	}

	private static List<String> constants(Class<?> type) throws IllegalAccessException {
		List<String> values = new java.util.ArrayList<>();
		for (Field field : type.getDeclaredFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				values.add((String) field.get(null));
			}
		}
		return values;
	}

}
