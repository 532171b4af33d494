package vn.dvk.award.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.junit.jupiter.api.Test;

import vn.dvk.award.process.AwardNominationProcess.Ids;
import vn.dvk.award.process.AwardNominationProcess.Mails;
import vn.dvk.award.process.AwardNominationProcess.Vars;

/**
 * The names of AwardNominationProcess (constants class) and of bpmn/AwardNominationProcess.bpmn,
 * bpmn/AwardRouteDecision.dmn and the award forms stay in step: every id named exists, every
 * variable an expression, the decision table or a form reads is declared, every mail template
 * the diagram sends is named and exists.
 */
class AwardProcessNamesTests {

	static final Path BPMN = Path.of("bpmn", AwardNominationProcess.KEY + ".bpmn");

	static final Path DMN = Path.of("bpmn", AwardNominationProcess.ROUTE_DECISION + ".dmn");

	/** Names an expression may use that are not process variables. */
	static final Set<String> NOT_VARIABLES = Set.of("execution", "task", "null", "true", "false", "not", "and", "or",
			"eq", "ne", "lt", "gt", "le", "ge", "empty", "div", "mod", "instanceof");

	private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");

	private static final Pattern TEMPLATE = Pattern.compile("\\{\\{([^}]*)}}");

	private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)(?!\\w*\\s*\\()");

	private static final Pattern STRING_LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"|&#39;[^&]*&#39;");

	private static final Pattern DELEGATE_EXPRESSION = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");

	@Test
	void theDiagramIsNamedAfterItsExecutableProcess() {
		Process process = model().getModelElementById(AwardNominationProcess.KEY);

		assertThat(process).as("process %s in %s", AwardNominationProcess.KEY, BPMN).isNotNull();
		assertThat(process.isExecutable()).isTrue();
		assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("3650");
	}

	@Test
	void everyIdOfTheConstantsClassExistsInTheDiagram() throws IllegalAccessException {
		BpmnModelInstance model = model();
		List<String> ids = constants(Ids.class);

		assertThat(ids).isNotEmpty();
		for (String id : ids) {
			assertThat(model.<BaseElement>getModelElementById(id)).as("%s names %s but %s has no such element",
					Ids.class.getName(), id, BPMN).isNotNull();
		}
	}

	@Test
	void everyUserTaskAndServiceStepOfTheDiagramIsNamedByTheConstantsClass() throws IllegalAccessException {
		Set<String> named = Set.copyOf(constants(Ids.class));
		Set<String> steps = model().getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Activity.class)
			.stream()
			.map(BaseElement::getId)
			.collect(Collectors.toCollection(TreeSet::new));

		assertThat(named).containsAll(steps);
	}

	@Test
	void everyVariableAnExpressionReadsIsDeclared() throws Exception {
		String xml = Files.readString(BPMN, StandardCharsets.UTF_8);
		Set<String> beans = matches(DELEGATE_EXPRESSION, xml);
		beans.addAll(Set.of("notifyCandidateGroupsListener", "decisionContractListener"));

		Set<String> used = new TreeSet<>();
		Matcher expression = EXPRESSION.matcher(xml);
		while (expression.find()) {
			used.addAll(identifiers(expression.group(1)));
		}
		used.removeAll(beans);
		used.addAll(matches(Pattern.compile("camunda:resultVariable=\"(\\w+)\""), xml));
		used.addAll(matches(Pattern.compile("<camunda:inputParameter name=\"(\\w+)\""), xml).stream()
			.filter(name -> !Set.of("mailTemplate", "recipientGroups").contains(name))
			.toList());

		assertThat(used).contains(Vars.ROUTE, Vars.DECISION, Vars.AUTHORITY_OUTCOME, Vars.REMINDER_CYCLE,
				Vars.RECIPIENT_UNIT_CODE, Vars.STATUS, Vars.ACTION);
		assertThat(constants(Vars.class)).as("variables used in %s", BPMN).containsAll(used);
	}

	@Test
	void theRouteDecisionReadsDeclaredVariablesAndIsNamedAfterItsFile() throws IllegalAccessException {
		DmnModelInstance dmn = Dmn.readModelFromFile(DMN.toFile());
		Decision decision = dmn.getModelElementById(AwardNominationProcess.ROUTE_DECISION);

		assertThat(decision).isNotNull();
		assertThat(decision.getCamundaHistoryTimeToLiveString()).isEqualTo("3650");
		Set<String> inputs = dmn.getModelElementsByType(InputExpression.class)
			.stream()
			.map(input -> input.getText().getTextContent().strip())
			.collect(Collectors.toSet());
		assertThat(inputs).containsExactlyInAnyOrder(Vars.AWARD_TYPE, Vars.EXTERNAL);
		assertThat(constants(Vars.class)).containsAll(inputs);
		assertThat(model().getModelElementById(Ids.DETERMINE_ROUTE).getAttributeValueNs(
				"http://camunda.org/schema/1.0/bpmn", "decisionRef")).isEqualTo(AwardNominationProcess.ROUTE_DECISION);
	}

	@Test
	void everyFormOfAUserTaskExistsAndReadsOnlyDeclaredVariables() throws Exception {
		Map<String, JsonNode> forms = forms();
		Set<String> declared = Set.copyOf(constants(Vars.class));

		List<UserTask> userTasks = new ArrayList<>(model().getModelElementsByType(UserTask.class));
		assertThat(userTasks).extracting(UserTask::getId)
			.containsExactlyInAnyOrder(Ids.APPROVE_AWARD, Ids.REVISE_NOMINATION, Ids.RECORD_AUTHORITY_DECISION);
		for (UserTask userTask : userTasks) {
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
	void theClerksFormAsksForWhatTheEngineChecks() throws IOException {
		JsonNode form = forms().get("Form_RecordAuthorityDecision");
		Set<String> keys = form.findValues("key").stream().map(JsonNode::asText).collect(Collectors.toSet());

		assertThat(keys).contains(Vars.AUTHORITY_OUTCOME, Vars.DECISION_NUMBER, Vars.DECISION_DATE);
		assertThat(form.findValues("value").stream().map(JsonNode::asText).collect(Collectors.toSet()))
			.containsAll(AuthorityDecisionContract.OUTCOMES);
	}

	@Test
	void everyMailTheDiagramSendsIsNamedAndHasATemplate() throws Exception {
		String xml = Files.readString(BPMN, StandardCharsets.UTF_8);
		Set<String> sent = matches(Pattern.compile("<camunda:inputParameter name=\"mailTemplate\">([\\w-]+)<"), xml);

		assertThat(sent).isNotEmpty();
		assertThat(constants(Mails.class)).containsAll(sent);
		for (String template : constants(Mails.class)) {
			assertThat(Path.of("src/main/resources/templates/mail", template + ".html")).exists();
		}
	}

	private static BpmnModelInstance model() {
		return Bpmn.readModelFromFile(BPMN.toFile());
	}

	private static Map<String, JsonNode> forms() throws IOException {
		ObjectMapper json = new ObjectMapper();
		Map<String, JsonNode> forms = new HashMap<>();
		for (String file : List.of("approve-award.form", "record-authority-decision.form", "revise-nomination.form")) {
			JsonNode form = json.readTree(Path.of("bpmn", "forms", file).toFile());
			forms.put(form.get("id").asText(), form);
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
		List<String> values = new ArrayList<>();
		for (Field field : type.getDeclaredFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				values.add((String) field.get(null));
			}
		}
		return values;
	}

}
