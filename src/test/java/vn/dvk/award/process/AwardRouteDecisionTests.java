package vn.dvk.award.process;

import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of {@code bpmn/AwardRouteDecision.dmn}. */
class AwardRouteDecisionTests {

	static DmnEngine engine;

	static DmnDecision decision;

	@BeforeAll
	static void parse() throws Exception {
		engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream in = AwardRouteDecisionTests.class.getResourceAsStream("/bpmn/AwardRouteDecision.dmn")) {
			decision = engine.parseDecision(AwardNominationProcess.ROUTE_DECISION, in);
		}
	}

	static String route(String awardType, boolean external) {
		return engine.evaluateDecisionTable(decision, Map.of("awardType", awardType, "external", external))
			.getSingleEntry();
	}

	@Test
	void kyNiemChuongIsDecidedCentrallyWhateverTheCatalogueSays() {
		assertThat(route("KY_NIEM_CHUONG", false)).isEqualTo("EXTERNAL");
	}

	@Test
	void bangKhenOfTheProvincialChairmanIsDecidedOutside() {
		assertThat(route("BANG_KHEN_UBND", false)).isEqualTo("EXTERNAL");
	}

	@Test
	void anyTypeTheCatalogueMarksExternalGoesOutside() {
		assertThat(route("BANG_KHEN_BO", true)).isEqualTo("EXTERNAL");
	}

	@Test
	void theBoardsOwnAwardsAreApprovedInside() {
		assertThat(route("GIAY_KHEN_BAN", false)).isEqualTo("INTERNAL");
	}

}
