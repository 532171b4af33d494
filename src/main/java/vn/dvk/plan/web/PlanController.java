package vn.dvk.plan.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanService;
import vn.dvk.security.CurrentUser;
import vn.dvk.security.Groups;
import vn.dvk.shared.DvkException;

@RestController
@RequestMapping("/api/plans")
@Tag(name = "Kế hoạch", description = "Soạn thảo, trình duyệt và tra cứu kế hoạch thi đua \"Dân vận khéo\"")
class PlanController {

	private final PlanService plans;

	PlanController(PlanService plans) {
		this.plans = plans;
	}

	@PostMapping
	@Operation(summary = "Soạn thảo kế hoạch mới (trạng thái Dự thảo); chỉ chuyên viên soạn thảo kế hoạch")
	@ApiResponse(responseCode = "201", description = "Đã tạo; Location trỏ tới kế hoạch")
	@ApiResponse(responseCode = "400", description = "Dữ liệu không hợp lệ, kèm lỗi của từng trường")
	@ApiResponse(responseCode = "403", description = "Không phải chuyên viên soạn thảo kế hoạch")
	@ApiResponse(responseCode = "409", description = "Mã kế hoạch đã được sử dụng")
	ResponseEntity<PlanView> create(@RequestBody PlanRequest request) {
		String actor = drafter();
		Plan plan = plans.create(request.toDraft(), actor);
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{code}")
			.buildAndExpand(plan.code())
			.toUri();
		return ResponseEntity.created(location).body(PlanView.of(plan, plans.history(plan.code())));
	}

	@GetMapping
	@Operation(summary = "Danh sách kế hoạch, năm mới nhất trước")
	List<PlanView> list() {
		return plans.list().stream().map(plan -> PlanView.of(plan, null)).toList();
	}

	@GetMapping("/{code}")
	@Operation(summary = "Một kế hoạch, kèm lịch sử trạng thái và quy định (tiêu chí, kết quả công nhận, khen thưởng, lịch đánh giá) như GET /api/plans/{code}/rules")
	@ApiResponse(responseCode = "404", description = "Không có kế hoạch mang mã này")
	PlanView one(@Parameter(description = "Mã kế hoạch", example = "KH-2026-01") @PathVariable String code) {
		return PlanView.of(plans.require(code), plans.history(code),
				PlanRulesController.RulesView.of(code, plans.rules(code), !plans.hasOwnRules(code)));
	}

	@PutMapping("/{code}")
	@Operation(summary = "Sửa kế hoạch đang ở trạng thái Dự thảo hoặc Trả lại để chỉnh sửa; chỉ chuyên viên soạn thảo kế hoạch")
	@ApiResponse(responseCode = "400", description = "Dữ liệu không hợp lệ, kèm lỗi của từng trường")
	@ApiResponse(responseCode = "403", description = "Không phải chuyên viên soạn thảo kế hoạch")
	@ApiResponse(responseCode = "404", description = "Không có kế hoạch mang mã này")
	@ApiResponse(responseCode = "409", description = "Kế hoạch không còn được sửa ở trạng thái hiện tại")
	PlanView update(@Parameter(description = "Mã kế hoạch", example = "KH-2026-01") @PathVariable String code,
			@RequestBody PlanRequest request) {
		String actor = drafter();
		Plan plan = plans.update(code, request.toDraft(), actor);
		return PlanView.of(plan, plans.history(code));
	}

	@PostMapping("/{code}/submit")
	@Operation(summary = "Trình lãnh đạo phê duyệt kế hoạch (lần đầu hoặc sau khi chỉnh sửa); chỉ chuyên viên soạn thảo kế hoạch")
	@ApiResponse(responseCode = "400", description = "Kế hoạch chưa hợp lệ (ví dụ hạn đăng ký đã qua)")
	@ApiResponse(responseCode = "403", description = "Không phải chuyên viên soạn thảo kế hoạch")
	@ApiResponse(responseCode = "404", description = "Không có kế hoạch mang mã này")
	@ApiResponse(responseCode = "409", description = "Kế hoạch không ở trạng thái Dự thảo hoặc Trả lại để chỉnh sửa")
	PlanView submit(@Parameter(description = "Mã kế hoạch", example = "KH-2026-01") @PathVariable String code) {
		String actor = drafter();
		Plan plan = plans.submit(code, actor);
		return PlanView.of(plan, plans.history(code));
	}

	/** The caller's user id, if they draft plans; 403 otherwise. */
	private static String drafter() {
		CurrentUser user = CurrentUser.get();
		if (!user.isMemberOf(Groups.PLAN_DRAFTERS)) {
			throw DvkException.forbidden("plan.forbidden.drafter");
		}
		return user.id();
	}

}
