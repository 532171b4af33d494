package vn.dvk.recognition.process;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every id RecognitionReviewProcess names exists in its diagram, and every variable the diagram and forms read is declared. */
class RecognitionProcessNamesTests {

	@Test
	void everyIdOfTheConstantsClassIsInTheDiagram() throws Exception {
		String bpmn = Files.readString(Path.of("bpmn/RecognitionReviewProcess.bpmn"), StandardCharsets.UTF_8);
		assertThat(bpmn).contains("id=\"" + RecognitionReviewProcess.KEY + "\"");
		for (String id : constants(RecognitionReviewProcess.Ids.class)) {
			assertThat(bpmn).as(id).contains("id=\"" + id + "\"");
		}
		String dmn = Files.readString(Path.of("bpmn/RecognitionDecision.dmn"), StandardCharsets.UTF_8);
		assertThat(dmn).contains("id=\"" + RecognitionReviewProcess.DECISION_KEY + "\"");
		assertThat(Files.readString(Path.of("bpmn/forms/assess-models.form")))
			.contains("\"id\": \"" + RecognitionReviewProcess.Forms.ASSESS_MODELS + "\"");
		assertThat(Files.readString(Path.of("bpmn/forms/confirm-outcomes.form")))
			.contains("\"id\": \"" + RecognitionReviewProcess.Forms.CONFIRM_OUTCOMES + "\"");
	}

	@Test
	void everyVariableTheDiagramDecisionAndFormsReadIsDeclared() throws Exception {
		List<String> declared = constants(RecognitionReviewProcess.Vars.class);
		List<String> read = new ArrayList<>();
		collect(Files.readString(Path.of("bpmn/RecognitionReviewProcess.bpmn")), Pattern.compile("\\$\\{(\\w+)"), read);
		collect(Files.readString(Path.of("bpmn/RecognitionReviewProcess.bpmn")), Pattern.compile("\\[(\\w+)\\]"), read);
		collect(Files.readString(Path.of("bpmn/RecognitionDecision.dmn")), Pattern.compile("<text>(\\w+)</text>"), read);
		collect(Files.readString(Path.of("bpmn/forms/assess-models.form")), Pattern.compile("\\{\\{(\\w+)\\}\\}"), read);
		collect(Files.readString(Path.of("bpmn/forms/confirm-outcomes.form")), Pattern.compile("\\{\\{(\\w+)\\}\\}"), read);
		collect(Files.readString(Path.of("bpmn/forms/confirm-outcomes.form")), Pattern.compile("\"key\": \"(\\w+)\""), read);
		read.removeIf(name -> name.endsWith("Delegate") || name.endsWith("Listener") || name.equals("true")
				|| name.equals("false"));
		assertThat(declared).containsAll(read);
	}

	private static void collect(String text, Pattern pattern, List<String> into) {
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			into.add(matcher.group(1));
		}
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
