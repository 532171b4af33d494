package vn.dvk.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.dvk.plan.PlanTestSupport.FakePlanWorkflow;
import vn.dvk.plan.PlanTestSupport.MutableClock;
import vn.dvk.shared.DvkException;
import vn.dvk.shared.DvkException.FieldProblem;
import vn.dvk.system.EmbeddedPostgresConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** A plan's rules on real PostgreSQL: defaults, validation, storage, when they may change. */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ EmbeddedPostgresConfiguration.class, PlanTestSupport.class, PlanService.class, PlanRepository.class,
		PlanValidator.class, PlanRulesRepository.class, PlanRulesValidator.class })
@ActiveProfiles("test")
class PlanRulesServiceTests {

	static final Instant DEADLINE = PlanTestSupport.NOW.plus(Duration.ofDays(45));

	@Autowired
	PlanService plans;

	@Autowired
	FakePlanWorkflow workflow;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	String code;

	@BeforeEach
	void plan() {
		workflow.reset();
		clock.set(PlanTestSupport.NOW);
		code = plans.create(PlanServiceTests.minimal("Kế hoạch có tiêu chí"), "drafter").code();
	}

	@Test
	void aPlanWithoutRulesHasTheUsualChecklistOutcomesScoresAndAwardCatalogue() {
		PlanRules rules = plans.rules(code);

		assertThat(plans.hasOwnRules(code)).isFalse();
		assertThat(rules.criteria()).extracting(Criterion::text, Criterion::required)
			.containsExactly(tuple("Có kế hoạch triển khai cụ thể, phân công rõ ràng", true),
					tuple("Đạt mục tiêu đề ra", true), tuple("Được nhân dân đồng tình, hưởng ứng", true),
					tuple("Có khả năng duy trì, nhân rộng", false), tuple("Có sản phẩm, minh chứng cụ thể", false));
		assertThat(rules.scored()).isFalse();
		assertThat(rules.recognitionOutcomes()).containsExactly("RECOGNIZED", "RECOGNIZED_TYPICAL", "NOT_RECOGNIZED");
		assertThat(rules.recognizeMinScore()).isEqualTo(50);
		assertThat(rules.typicalMinScore()).isEqualTo(85);
		assertThat(rules.award("BANG_KHEN_UBND")).get()
			.satisfies(a -> {
				assertThat(a.name()).isEqualTo("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh");
				assertThat(a.authority()).isEqualTo("Chủ tịch UBND tỉnh");
				assertThat(a.external()).isTrue();
				assertThat(a.quota()).isEqualTo(5);
			});
		assertThat(rules.award("KY_NIEM_CHUONG")).get()
			.satisfies(a -> assertThat(a.recipients()).isEqualTo(RecipientKind.INDIVIDUAL));
		assertThat(rules.award("GIAY_KHEN_BAN")).get().satisfies(a -> assertThat(a.external()).isFalse());
		assertThat(rules.season().evaluationScheduled()).isFalse();
		assertThatThrownBy(() -> plans.rules("KH-2026-99")).isInstanceOfSatisfying(DvkException.class,
				ex -> assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND));
	}

	@Test
	void rulesAreStoredWithWeightsAndSeasonDatesAndTheWorkflowIsTold() {
		SeasonDates season = season(10, 40, 50, 60);
		PlanRules given = new PlanRules(List.of(new Criterion("TC1", " Hiệu quả ", true, 60),
				new Criterion("TC2", "Lan tỏa", false, 40)), null, 60, 90, null, season);

		PlanRules saved = plans.updateRules(code, given, "drafter");

		assertThat(plans.hasOwnRules(code)).isTrue();
		assertThat(plans.rules(code)).isEqualTo(saved);
		assertThat(saved.scored()).isTrue();
		assertThat(saved.criteria()).extracting(Criterion::text).containsExactly("Hiệu quả", "Lan tỏa");
		assertThat(saved.awards()).hasSize(3);
		assertThat(saved.recognitionOutcomes()).containsExactly("RECOGNIZED", "RECOGNIZED_TYPICAL", "NOT_RECOGNIZED");
		assertThat(saved.season()).isEqualTo(season);
		assertThat(workflow.seasons).containsExactly(code + ":" + season.evaluationOpensAt());
	}

	@Test
	void invalidRulesAreRefusedWithEveryFieldError() {
		PlanRules bad = new PlanRules(
				List.of(new Criterion("TC1", "Một", true, 0), new Criterion("TC1", " ", false, 101),
						new Criterion("tc 3", "Ba", false, null)),
				List.of("RECOGNIZED", "MAYBE"), 70, 60,
				List.of(new AwardType("GK", "Giấy khen", "Ban", false, RecipientKind.BOTH, 0),
						new AwardType("GK", "Bằng khen", null, true, null, 2)),
				season(10, 5, 50, 40));

		assertThatThrownBy(() -> plans.updateRules(code, bad, "drafter"))
			.isInstanceOfSatisfying(DvkException.class, ex -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(ex.fieldErrors()).extracting(FieldProblem::field)
					.containsExactlyInAnyOrder("criteria[0].weight", "criteria[1].code", "criteria[1].text",
							"criteria[1].weight", "criteria[2].code", "criteria[2].weight", "recognitionOutcomes[1]",
							"recognitionOutcomes", "typicalMinScore", "awards[0].quota", "awards[1].code",
							"awards[1].authority", "awards[1].recipients", "season.resultReportDeadline",
							"season.awardDossierDeadline");
			});
		assertThat(plans.hasOwnRules(code)).isFalse();
	}

	@Test
	void theEvaluationMustOpenAfterTheRegistrationDeadline() {
		SeasonDates early = new SeasonDates(DEADLINE.minusSeconds(60), DEADLINE.plus(Duration.ofDays(20)), null, null,
				null);
		assertThatThrownBy(() -> plans.updateRules(code, withSeason(early), "drafter"))
			.isInstanceOfSatisfying(DvkException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldProblem::field)
				.containsExactly("season.evaluationOpensAt"));
	}

	@Test
	void rulesCannotChangeOnceTheEvaluationHasOpened() {
		jdbc.sql("update plan set status = 'EVALUATION' where code = ?").param(code).update();

		assertThatThrownBy(() -> plans.updateRules(code, withSeason(season(10, 40, 50, 60)), "drafter"))
			.isInstanceOfSatisfying(DvkException.class,
					ex -> assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT));
	}

	@Test
	void theOpenedEvaluationIsKnownOnlyOnceThePlanIsInEvaluation() {
		SeasonDates season = season(10, 40, 50, 60);
		plans.updateRules(code, withSeason(season), "drafter");
		assertThat(plans.openedEvaluation(code)).isEmpty();

		jdbc.sql("update plan set status = 'EVALUATION' where code = ?").param(code).update();

		assertThat(plans.openedEvaluation(code)).contains(season);
		assertThatThrownBy(() -> plans.openedEvaluation("KH-2026-99")).isInstanceOfSatisfying(DvkException.class,
				ex -> assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND));
	}

	private static PlanRules withSeason(SeasonDates season) {
		PlanRules d = PlanRules.defaults();
		return new PlanRules(d.criteria(), d.recognitionOutcomes(), d.recognizeMinScore(), d.typicalMinScore(),
				d.awards(), season);
	}

	/** Days after the registration deadline. */
	@Test
	void theEditorSavesAPlanAndItsRulesTogetherOrNothingWithEveryErrorOfBoth() {
		int before = plans.list().size();
		PlanDraft noTitle = PlanServiceTests.minimal(" ");
		PlanRules badWeights = new PlanRules(List.of(new Criterion("TC1", "Một", true, 60),
				new Criterion("TC2", "Hai", false, null)), null, 50, 85, null, season(10, 5, 50, 60));

		assertThatThrownBy(() -> plans.saveWithRules(null, noTitle, badWeights, "drafter"))
			.isInstanceOfSatisfying(DvkException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(DvkException.FieldProblem::field)
				.containsExactly("title", "criteria[1].weight", "season.resultReportDeadline"));
		assertThat(plans.list()).hasSize(before);
		// a valid plan with invalid rules is refused too (its insert is rolled back with the
		// method's transaction; here it joins the test's transaction, so only the refusal is checked)
		assertThatThrownBy(() -> plans.saveWithRules(code, PlanServiceTests.minimal("Kế hoạch tốt"), badWeights,
				"drafter"))
			.isInstanceOfSatisfying(DvkException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(DvkException.FieldProblem::field)
				.containsExactly("criteria[1].weight", "season.resultReportDeadline"));

		PlanRules good = new PlanRules(List.of(new Criterion("TC1", "Một", true, 60),
				new Criterion("TC2", "Hai", false, 40)), null, 50, 85, null, season(10, 40, 50, 60));
		Plan saved = plans.saveWithRules(null, PlanServiceTests.minimal("Kế hoạch tốt"), good, "drafter");
		assertThat(plans.rules(saved.code()).criteria()).extracting(Criterion::weight).containsExactly(60, 40);
		assertThat(workflow.seasons).contains(saved.code() + ":" + good.season().evaluationOpensAt());

		Plan renamed = plans.saveWithRules(saved.code(), PlanServiceTests.minimal("Kế hoạch đổi tên"),
				PlanRules.defaults(), "drafter");
		assertThat(renamed.title()).isEqualTo("Kế hoạch đổi tên");
		assertThat(plans.rules(saved.code()).scored()).isFalse();
	}

	private static SeasonDates season(int opens, int reportsDue, int council, int dossiers) {
		return new SeasonDates(DEADLINE.plus(Duration.ofDays(opens)), DEADLINE.plus(Duration.ofDays(reportsDue)),
				DEADLINE.plus(Duration.ofDays(council)), DEADLINE.plus(Duration.ofDays(dossiers)),
				java.time.LocalDate.of(2026, 12, 20));
	}

}
