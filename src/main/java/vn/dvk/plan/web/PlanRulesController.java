package vn.dvk.plan.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dvk.plan.AwardType;
import vn.dvk.plan.Criterion;
import vn.dvk.plan.PlanRules;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.SeasonDates;
import vn.dvk.security.CurrentUser;
import vn.dvk.security.Groups;
import vn.dvk.shared.DvkException;

@RestController
@RequestMapping("/api/plans/{code}/rules")
@Tag(name = "Kế hoạch", description = "Soạn thảo, trình duyệt và tra cứu kế hoạch thi đua \"Dân vận khéo\"")
class PlanRulesController {

	private final PlanService plans;

	PlanRulesController(PlanService plans) {
		this.plans = plans;
	}

	@GetMapping
	@Operation(summary = "Tiêu chí, kết quả công nhận, danh mục khen thưởng và lịch đánh giá của kế hoạch (mặc định nếu chưa nhập)")
	@ApiResponse(responseCode = "404", description = "Không có kế hoạch mang mã này")
	RulesView get(@Parameter(description = "Mã kế hoạch", example = "KH-2026-01") @PathVariable String code) {
		return RulesView.of(code, plans.rules(code), !plans.hasOwnRules(code));
	}

	@PutMapping
	@Operation(summary = "Đặt tiêu chí, kết quả công nhận, danh mục khen thưởng và lịch đánh giá; chỉ chuyên viên soạn thảo kế hoạch, trước khi bắt đầu đánh giá")
	@ApiResponse(responseCode = "400", description = "Dữ liệu không hợp lệ, kèm lỗi của từng trường")
	@ApiResponse(responseCode = "403", description = "Không phải chuyên viên soạn thảo kế hoạch")
	@ApiResponse(responseCode = "404", description = "Không có kế hoạch mang mã này")
	@ApiResponse(responseCode = "409", description = "Kế hoạch đã bắt đầu đánh giá, đã kết thúc hoặc không được phê duyệt")
	RulesView put(@Parameter(description = "Mã kế hoạch", example = "KH-2026-01") @PathVariable String code,
			@RequestBody RulesRequest request) {
		CurrentUser user = CurrentUser.get();
		if (!user.isMemberOf(Groups.PLAN_DRAFTERS)) {
			throw DvkException.forbidden("plan.forbidden.drafter");
		}
		return RulesView.of(code, plans.updateRules(code, request.toRules(), user.id()), false);
	}

	/** Missing lists and scores take the defaults; a missing season means "no dates yet". */
	record RulesRequest(List<Criterion> criteria, List<String> recognitionOutcomes, Integer recognizeMinScore,
			Integer typicalMinScore, List<AwardType> awards, SeasonDates season) {

		PlanRules toRules() {
			return new PlanRules(criteria, recognitionOutcomes,
					recognizeMinScore == null ? PlanRules.DEFAULT_RECOGNIZE_MIN_SCORE : recognizeMinScore,
					typicalMinScore == null ? PlanRules.DEFAULT_TYPICAL_MIN_SCORE : typicalMinScore, awards,
					season == null ? SeasonDates.unset() : season);
		}
	}

	record RulesView(String planCode, boolean defaults, boolean scored, List<Criterion> criteria,
			List<String> recognitionOutcomes, int recognizeMinScore, int typicalMinScore, List<AwardView> awards,
			SeasonView season) {

		static RulesView of(String planCode, PlanRules rules, boolean defaults) {
			SeasonDates s = rules.season();
			return new RulesView(planCode, defaults, rules.scored(), rules.criteria(), rules.recognitionOutcomes(),
					rules.recognizeMinScore(), rules.typicalMinScore(),
					rules.awards().stream().map(AwardView::of).toList(),
					new SeasonView(s.evaluationOpensAt(), s.resultReportDeadline(), s.councilSessionAt(),
							s.awardDossierDeadline(), s.summaryDate()));
		}
	}

	record AwardView(String code, String name, String authority, boolean external, String recipients,
			String recipientsName, Integer quota) {

		static AwardView of(AwardType a) {
			return new AwardView(a.code(), a.name(), a.authority(), a.external(),
					a.recipients() == null ? null : a.recipients().name(),
					a.recipients() == null ? null : a.recipients().label(), a.quota());
		}
	}

	record SeasonView(Instant evaluationOpensAt, Instant resultReportDeadline, Instant councilSessionAt,
			Instant awardDossierDeadline, LocalDate summaryDate) {
	}

}
