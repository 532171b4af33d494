package vn.dvk.review.process;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
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

/** ReviewRouteDecision: one test per rule, plus the orders and the gaps that matter. */
class ReviewRouteDecisionTests {

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
		try (InputStream dmn = getClass().getResourceAsStream("/bpmn/ReviewRouteDecision.dmn")) {
			decision = engine.parseDecision(LevelReviewProcess.ROUTE_DECISION_KEY, dmn);
		}
	}

	@Test
	void rule1EveryLevelSendsACommuneUnderADistrictToTheDistrictFirst() {
		assertThat(evaluate("EVERY_LEVEL", "COMMUNE", "DISTRICT")).first().isEqualTo("DISTRICT");
		assertThat(matchedRules).first().isEqualTo("Rule_1");
	}

	@Test
	void rule2EveryLevelThenSendsACommuneUnderADistrictToTheProvince() {
		assertThat(evaluate("EVERY_LEVEL", "COMMUNE", "DISTRICT")).containsExactly("DISTRICT", "PROVINCE");
		assertThat(matchedRules).containsExactly("Rule_1", "Rule_2");
	}

	@Test
	void rule3EveryLevelSendsAUnitDirectlyUnderTheProvinceToTheProvince() {
		assertThat(evaluate("EVERY_LEVEL", "COMMUNE", "PROVINCE")).containsExactly("PROVINCE");
		assertThat(evaluate("EVERY_LEVEL", "PROVINCE", "PROVINCE")).containsExactly("PROVINCE");
		assertThat(evaluate("EVERY_LEVEL", "DISTRICT", "PROVINCE")).containsExactly("PROVINCE");
		assertThat(matchedRules).containsExactly("Rule_3", "Rule_3", "Rule_3");
	}

	@Test
	void rule4DirectParentSendsEveryUnitToItsParent() {
		assertThat(evaluate("DIRECT_PARENT", "COMMUNE", "DISTRICT")).containsExactly("PARENT");
		assertThat(evaluate("DIRECT_PARENT", "PROVINCE", "PROVINCE")).containsExactly("PARENT");
		assertThat(matchedRules).containsExactly("Rule_4", "Rule_4");
	}

	@Test
	void rule5ProvinceOnlySendsEveryUnitToTheProvince() {
		assertThat(evaluate("PROVINCE_ONLY", "COMMUNE", "DISTRICT")).containsExactly("PROVINCE");
		assertThat(evaluate("PROVINCE_ONLY", "COMMUNE", "PROVINCE")).containsExactly("PROVINCE");
		assertThat(matchedRules).containsExactly("Rule_5", "Rule_5");
	}

	@Test
	void rootUnitHasNoReviewingLevel() {
		assertThat(evaluate("EVERY_LEVEL", "PROVINCE", null)).isEmpty();
		assertThat(evaluate("DIRECT_PARENT", "PROVINCE", null)).isEmpty();
		assertThat(evaluate("PROVINCE_ONLY", "PROVINCE", null)).isEmpty();
		assertThat(matchedRules).isEmpty();
	}

	private List<Object> evaluate(String reviewMode, String unitLevel, String parentLevel) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("reviewMode", reviewMode);
		variables.put("unitLevel", unitLevel);
		variables.put("parentLevel", parentLevel);
		return engine.evaluateDecisionTable(decision, variables).collectEntries("reviewLevel");
	}

}
