package vn.dvk.plan.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.media.Schema;
import vn.dvk.plan.PlanDraft;
import vn.dvk.plan.PlanField;
import vn.dvk.plan.ReviewMode;
import vn.dvk.shared.DvkException;
import vn.dvk.shared.DvkException.FieldProblem;

/**
 * The body of {@code POST /api/plans} and {@code PUT /api/plans/{code}}. Properties it does not
 * know are collected (instead of silently ignored) and rejected with a 400.
 */
@Schema(description = "Nội dung kế hoạch do chuyên viên soạn thảo")
record PlanRequest(
		@Schema(description = "Mã kế hoạch; bỏ trống để hệ thống tự cấp (KH-<năm>-<số>)", example = "KH-2026-01") String code,
		@Schema(description = "Tên kế hoạch", example = "Kế hoạch thực hiện phong trào thi đua \"Dân vận khéo\" năm 2026") String title,
		@Schema(description = "Năm của kế hoạch", example = "2026") Integer year,
		@Schema(description = "Số văn bản căn cứ", example = "35-CT/TU") String legalBasisNumber,
		@Schema(description = "Ngày ban hành văn bản căn cứ", example = "2022-11-02") LocalDate legalBasisDate,
		@Schema(description = "Mô tả") String description,
		@Schema(description = "Các lĩnh vực; bỏ trống để dùng bốn lĩnh vực chuẩn") List<PlanField> fields,
		@Schema(description = "Mã các đơn vị thuộc phạm vi; bỏ trống để chọn mọi đơn vị đăng ký") List<String> scopeUnitCodes,
		@Schema(description = "Cách thẩm định (mặc định EVERY_LEVEL)", allowableValues = { "EVERY_LEVEL", "DIRECT_PARENT",
				"PROVINCE_ONLY" }) String reviewMode,
		@Schema(description = "Hạn đăng ký (ISO-8601)", example = "2026-03-31T10:00:00Z") Instant registrationDeadline,
		@Schema(description = "Nhắc các đơn vị chưa đăng ký trước hạn bao nhiêu ngày (mặc định 3)") Integer reminderDaysBefore,
		@Schema(description = "Thời hạn thẩm định của mỗi cấp, tính bằng ngày (mặc định 10)") Integer reviewDays,
		@Schema(description = "Quá bao nhiêu ngày thì báo lãnh đạo đơn vị thẩm định (mặc định 20)") Integer escalationDays,
		@Hidden @JsonAnySetter Map<String, Object> unknownProperties) {

	PlanRequest {
		unknownProperties = unknownProperties == null ? new LinkedHashMap<>() : unknownProperties;
	}

	/** The draft, or a 400 naming every unknown property and an unknown review mode. */
	PlanDraft toDraft() {
		List<FieldProblem> problems = new ArrayList<>();
		unknownProperties.keySet()
			.forEach(name -> problems.add(new FieldProblem(name, "plan.request.unknownProperty")));
		ReviewMode mode = null;
		if (reviewMode != null && !reviewMode.isBlank()) {
			try {
				mode = ReviewMode.valueOf(reviewMode.strip());
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("reviewMode", "plan.reviewMode.invalid", Arrays.stream(ReviewMode.values())
					.map(Enum::name)
					.collect(Collectors.joining(", "))));
			}
		}
		if (!problems.isEmpty()) {
			throw DvkException.invalid(problems);
		}
		return new PlanDraft(code, title, year, legalBasisNumber, legalBasisDate, description, fields, scopeUnitCodes,
				mode, registrationDeadline, reminderDaysBefore, reviewDays, escalationDays);
	}

}
