package vn.dvk.recognition.process;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RecognitionDecision: one test per rule (thresholds 70 to be recognised, 90 to be typical). */
class RecognitionDecisionTests {

	private final List<String> matchedRules = new ArrayList<>();

	private DmnEngine engine;

	private DmnDecision decision;

	@BeforeEach
	void parseDecision() throws Exception {
		DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
			.createDefaultDmnEngineConfiguration();
		DmnDecisionTableEvaluationListener listener = (DmnDecisionTableEvaluationEvent event) -> event
			.getMatchingRules()
			.stream()
			.map(DmnEvaluatedDecisionRule::getId)
			.forEach(matchedRules::add);
		configuration.customPostDecisionTableEvaluationListeners(List.of(listener));
		engine = configuration.buildEngine();
		try (InputStream dmn = getClass().getResourceAsStream("/bpmn/RecognitionDecision.dmn")) {
			decision = engine.parseDecision(RecognitionReviewProcess.DECISION_KEY, dmn);
		}
	}

	@Test
	void rule1ARequiredCriterionNotMetIsNotRecognisedWhateverTheScore() {
		assertThat(evaluate(100.0, false)).isEqualTo("NOT_RECOGNIZE");
		assertThat(matchedRules).containsExactly("Rule_1");
	}

	@Test
	void rule2AScoreFromTheTypicalThresholdIsTypical() {
		assertThat(evaluate(90.0, true)).isEqualTo("RECOGNIZE_TYPICAL");
		assertThat(matchedRules).containsExactly("Rule_2");
	}

	@Test
	void rule3AScoreFromTheRecognitionThresholdIsRecognised() {
		assertThat(evaluate(89.99, true)).isEqualTo("RECOGNIZE");
		assertThat(matchedRules).containsExactly("Rule_3");
		matchedRules.clear();
		assertThat(evaluate(70.0, true)).isEqualTo("RECOGNIZE");
	}

	@Test
	void rule4AScoreBelowTheRecognitionThresholdIsNotRecognised() {
		assertThat(evaluate(69.99, true)).isEqualTo("NOT_RECOGNIZE");
		assertThat(matchedRules).containsExactly("Rule_4");
	}

	private String evaluate(double score, boolean requiredMet) {
		return engine
			.evaluateDecisionTable(decision, Map.of("score", score, "requiredMet", requiredMet, "recognizeMinScore", 70,
					"typicalMinScore", 90))
			.getSingleResult()
			.getSingleEntry();
	}

}
