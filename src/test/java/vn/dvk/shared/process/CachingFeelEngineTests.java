package vn.dvk.shared.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * The caching FEEL engine decides every table of bpmn/ exactly as Camunda's own, and parses each
 * expression once however often a table is evaluated.
 */
class CachingFeelEngineTests {

	static final List<String> MODES = Arrays.asList("EVERY_LEVEL", "DIRECT_PARENT", "PROVINCE_ONLY", "OTHER", null);

	static final List<String> LEVELS = Arrays.asList("PROVINCE", "DISTRICT", "COMMUNE", null);

	@Test
	void reviewRoutesAreTheSameAsWithCamundasOwnEngineForEveryInput() throws Exception {
		CachingFeelEngine feel = new CachingFeelEngine(List.of());
		DmnEngine cachedEngine = engine(feel);
		DmnEngine plainEngine = engine(null);
		DmnDecision cached = decision(cachedEngine, "ReviewRouteDecision");
		DmnDecision plain = decision(plainEngine, "ReviewRouteDecision");
		int evaluations = 0;
		for (int round = 0; round < 3; round++) {
			for (String mode : MODES) {
				for (String level : LEVELS) {
					for (String parent : LEVELS) {
						var variables = Variables.createVariables()
							.putValue("reviewMode", mode)
							.putValue("unitLevel", level)
							.putValue("parentLevel", parent);
						assertThat(routes(cachedEngine, cached, variables)).as(mode + " " + level + " " + parent)
							.isEqualTo(routes(plainEngine, plain, variables));
						evaluations++;
					}
				}
			}
		}
		assertThat(evaluations).isEqualTo(3 * MODES.size() * LEVELS.size() * LEVELS.size());
		// one parse per distinct input entry of the table, not one per evaluation
		assertThat(feel.cachedExpressions()).isBetween(1, 40);
	}

	@Test
	void recognitionAndAwardRoutesAreTheSameAsWithCamundasOwnEngine() throws Exception {
		CachingFeelEngine feel = new CachingFeelEngine(List.of());
		DmnEngine cachedEngine = engine(feel);
		DmnEngine plainEngine = engine(null);
		DmnDecision cachedRecognition = decision(cachedEngine, "RecognitionDecision");
		DmnDecision plainRecognition = decision(plainEngine, "RecognitionDecision");
		for (boolean requiredMet : new boolean[] { true, false }) {
			for (double score = 0; score <= 100; score += 12.5) {
				// the thresholds are variables: a parsed expression must be evaluated against each context
				for (int recognize : new int[] { 50, 70 }) {
					var variables = Variables.createVariables()
						.putValue("requiredMet", requiredMet)
						.putValue("score", score)
						.putValue("recognizeMinScore", recognize)
						.putValue("typicalMinScore", recognize + 20);
					assertThat(routes(cachedEngine, cachedRecognition, variables)).as(requiredMet + " " + score)
						.isEqualTo(routes(plainEngine, plainRecognition, variables));
				}
			}
		}
		DmnDecision cachedAward = decision(cachedEngine, "AwardRouteDecision");
		DmnDecision plainAward = decision(plainEngine, "AwardRouteDecision");
		for (String type : Arrays.asList("GIAY_KHEN_BAN", "BANG_KHEN_UBND", "KY_NIEM_CHUONG", "OTHER")) {
			for (boolean external : new boolean[] { true, false }) {
				var variables = Variables.createVariables().putValue("awardType", type).putValue("external", external);
				assertThat(routes(cachedEngine, cachedAward, variables)).as(type + " " + external)
					.isEqualTo(routes(plainEngine, plainAward, variables));
			}
		}
	}

	private static List<Object> routes(DmnEngine engine, DmnDecision decision,
			org.camunda.bpm.engine.variable.VariableMap variables) {
		List<Object> routes = new ArrayList<>();
		engine.evaluateDecisionTable(decision, variables).forEach(row -> routes.add(row.getSingleEntry()));
		return routes;
	}

	private static DmnEngine engine(CachingFeelEngine feel) {
		DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
			.createDefaultDmnEngineConfiguration();
		if (feel != null) {
			configuration.setFeelEngineFactory(() -> feel);
		}
		return configuration.buildEngine();
	}

	private static DmnDecision decision(DmnEngine engine, String key) throws Exception {
		try (InputStream dmn = CachingFeelEngineTests.class.getResourceAsStream("/bpmn/" + key + ".dmn")) {
			return engine.parseDecision(key, dmn);
		}
	}

}
