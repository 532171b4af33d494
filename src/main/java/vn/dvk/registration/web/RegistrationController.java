package vn.dvk.registration.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.Unit;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanField;
import vn.dvk.plan.PlanService;
import vn.dvk.registration.AttachmentContent;
import vn.dvk.registration.AttachmentInfo;
import vn.dvk.registration.CreatedRegistration;
import vn.dvk.registration.HistoryEntry;
import vn.dvk.registration.Registration;
import vn.dvk.registration.RegistrationDetails;
import vn.dvk.registration.RegistrationFilter;
import vn.dvk.registration.RegistrationItems;
import vn.dvk.registration.RegistrationPage;
import vn.dvk.registration.RegistrationRequest;
import vn.dvk.registration.RegistrationService;
import vn.dvk.registration.ResultReport;
import vn.dvk.registration.ResultReportRequest;
import vn.dvk.registration.SelfEvaluation;
import vn.dvk.security.CurrentUser;

@RestController
@RequestMapping("/api/registrations")
@Tag(name = "Đăng ký mô hình, điển hình", description = "Đơn vị đăng ký, chỉnh sửa khi bị trả lại, tra cứu, tệp đính kèm")
class RegistrationController {

	static final String BASE = "/api/registrations";

	private final RegistrationService registrations;

	private final OrganizationService organization;

	private final PlanService plans;

	RegistrationController(RegistrationService registrations, OrganizationService organization, PlanService plans) {
		this.registrations = registrations;
		this.organization = organization;
		this.plans = plans;
	}

	@PostMapping
	@Operation(summary = "Đơn vị đăng ký một mô hình hoặc điển hình (gửi ngay, hoặc lưu nháp khi submit=false)")
	@ApiResponse(responseCode = "201", description = "Đã tạo bản đăng ký")
	@ApiResponse(responseCode = "200", description = "Idempotency-Key đã dùng: trả lại bản đăng ký đã tạo trước đó")
	ResponseEntity<RegistrationView> create(@RequestBody RegistrationBody body,
			@Parameter(description = "Khóa chống gửi trùng: cùng khóa, cùng người gửi thì trả lại bản đăng ký đã tạo")
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		CurrentUser user = CurrentUser.get();
		CreatedRegistration created = registrations.create(body.toRequest(), user, idempotencyKey);
		RegistrationView view = detail(registrations.get(created.registration().code(), user));
		if (created.replayed()) {
			return ResponseEntity.ok(view);
		}
		return ResponseEntity.created(URI.create(BASE + "/" + view.code())).body(view);
	}

	@GetMapping
	@Operation(summary = "Danh sách bản đăng ký mà người dùng được xem, mới nhất trước")
	PageView list(@Parameter(description = "Mã kế hoạch") @RequestParam(required = false) String plan,
			@Parameter(description = "Mã đơn vị") @RequestParam(required = false) String unit,
			@Parameter(description = "Trạng thái") @RequestParam(required = false) String status,
			@Parameter(description = "Mã lĩnh vực") @RequestParam(required = false) String field,
			@Parameter(description = "Trang, bắt đầu từ 0") @RequestParam(required = false) Integer page,
			@Parameter(description = "Số bản ghi mỗi trang (mặc định 20, tối đa 100)") @RequestParam(required = false) Integer size,
			@Parameter(description = "true: chỉ các bản đăng ký quá hạn nộp báo cáo kết quả") @RequestParam(required = false) Boolean reportOverdue) {
		RegistrationPage result = registrations.search(
				new RegistrationFilter(plan, unit, status, field, page, size, reportOverdue), CurrentUser.get());
		Map<String, Optional<Plan>> planCache = new HashMap<>();
		java.util.Set<String> overdue = registrations
			.resultReportOverdueAmong(result.items().stream().map(Registration::code).toList());
		return new PageView(result.items().stream().map(r -> summary(r, planCache, overdue)).toList(), result.page(),
				result.size(), result.totalItems(), result.totalPages());
	}

	@GetMapping("/{code}")
	@Operation(summary = "Một bản đăng ký, kèm lịch sử trạng thái và tệp đính kèm")
	RegistrationView one(@PathVariable String code) {
		return detail(registrations.get(code, CurrentUser.get()));
	}

	@PutMapping("/{code}")
	@Operation(summary = "Chỉnh sửa bản nháp hoặc bản bị trả lại; submit (mặc định true) gửi lại để thẩm định")
	RegistrationView revise(@PathVariable String code, @RequestBody RegistrationBody body) {
		CurrentUser user = CurrentUser.get();
		registrations.revise(code, body.toRequest(), user);
		return detail(registrations.get(code, user));
	}

	@PostMapping(path = "/{code}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Đính kèm tệp (PDF, ảnh, tài liệu văn phòng; tối đa 10 MB, 20 tệp mỗi bản đăng ký)")
	@ApiResponse(responseCode = "201", description = "Đã lưu tệp")
	ResponseEntity<AttachmentView> upload(@PathVariable String code, @RequestPart("file") MultipartFile file) {
		CurrentUser user = CurrentUser.get();
		if (file.getSize() > RegistrationService.ATTACHMENT_MAX_BYTES) {
			throw RegistrationService.attachmentTooLarge(file.getOriginalFilename());
		}
		byte[] content;
		try {
			content = file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		AttachmentInfo info = registrations.addAttachment(code, file.getOriginalFilename(), content, user);
		AttachmentView view = attachment(info);
		return ResponseEntity.created(URI.create(view.downloadUrl())).body(view);
	}

	@PostMapping("/{code}/result-report")
	@Operation(summary = "Đơn vị nộp báo cáo kết quả: kết quả, sản phẩm, tự đánh giá theo từng tiêu chí của kế hoạch, tệp minh chứng")
	@ApiResponse(responseCode = "201", description = "Đã nộp; bản đăng ký chuyển sang Đã báo cáo kết quả")
	@ApiResponse(responseCode = "400", description = "Thiếu hoặc sai nội dung, kèm lỗi của từng trường")
	@ApiResponse(responseCode = "403", description = "Không phải lãnh đạo đơn vị đã đăng ký")
	@ApiResponse(responseCode = "404", description = "Không có bản đăng ký này, hoặc không được xem")
	@ApiResponse(responseCode = "409", description = "Không có bước báo cáo kết quả đang chờ (chưa bắt đầu đánh giá, hoặc đã nộp)")
	ResponseEntity<RegistrationView> fileResultReport(@PathVariable String code,
			@RequestBody ResultReportRequest body) {
		CurrentUser user = CurrentUser.get();
		registrations.fileResultReport(code, body, user);
		return ResponseEntity.created(URI.create(BASE + "/" + code)).body(detail(registrations.get(code, user)));
	}

	@GetMapping("/{code}/attachments/{id}")
	@Operation(summary = "Tải tệp đính kèm")
	ResponseEntity<byte[]> download(@PathVariable String code, @PathVariable long id) {
		return AttachmentDownload.of(registrations.attachment(code, id, CurrentUser.get()));
	}

	private RegistrationView detail(RegistrationDetails details) {
		Registration r = details.registration();
		RegistrationItems i = r.items();
		return new RegistrationView(r.code(), r.planCode(), r.unitCode(), unitName(r.unitCode()), r.kind().name(),
				r.kind().label(), r.field(), fieldName(r, new HashMap<>()), r.continuing(), r.previousRegistrationCode(),
				r.status().name(), r.status().label(), i.name(), i.situation(), i.objectives(), i.approach(),
				i.beneficiaries(), i.implementers(), i.resources(), i.timeframe(), i.outputs(), i.sustainability(),
				r.createdBy(), r.createdAt(), r.updatedAt(), r.submittedAt(),
				details.history().stream().map(RegistrationController::history).toList(),
				details.attachments().stream().map(RegistrationController::attachment).toList(),
				registrations.resultReportOverdue(r.code()),
				registrations.resultReport(r.code()).map(this::report).orElse(null));
	}

	private RegistrationSummaryView summary(Registration r, Map<String, Optional<Plan>> planCache,
			java.util.Set<String> overdue) {
		return new RegistrationSummaryView(r.code(), r.planCode(), r.unitCode(), unitName(r.unitCode()),
				r.kind().name(), r.kind().label(), r.field(), fieldName(r, planCache), r.continuing(), r.status().name(),
				r.status().label(), r.name(), r.createdBy(), r.createdAt(), r.updatedAt(), r.submittedAt(),
				overdue.contains(r.code()));
	}

	private ResultReportView report(ResultReport report) {
		return new ResultReportView(report.results(), report.outputs(), report.selfEvaluation(),
				report.attachmentIds(), report.filedBy(), report.filedAt());
	}

	private String unitName(String unitCode) {
		return organization.find(unitCode).map(Unit::name).orElse(unitCode);
	}

	private String fieldName(Registration r, Map<String, Optional<Plan>> planCache) {
		return planCache.computeIfAbsent(r.planCode(), plans::find)
			.flatMap(plan -> plan.field(r.field()))
			.map(PlanField::name)
			.orElse(r.field());
	}

	private static HistoryView history(HistoryEntry h) {
		return new HistoryView(h.status().name(), h.status().label(), h.action(), h.reviewUnitCode(), h.actor(),
				h.comment(), h.occurredAt());
	}

	private static AttachmentView attachment(AttachmentInfo a) {
		return new AttachmentView(a.id(), a.fileName(), a.contentType(), a.sizeBytes(),
				BASE + "/" + a.registrationCode() + "/attachments/" + a.id());
	}

	/** Request of POST and PUT: the ten items are flat properties. */
	record RegistrationBody(String planCode, String unitCode, String kind, String field, Boolean continuing,
			String previousRegistrationCode, Boolean submit, String name, String situation, String objectives,
			String approach, String beneficiaries, String implementers, String resources, String timeframe,
			String outputs, String sustainability) {

		RegistrationRequest toRequest() {
			return new RegistrationRequest(planCode, unitCode, kind, field, continuing, previousRegistrationCode,
					submit, new RegistrationItems(name, situation, objectives, approach, beneficiaries, implementers,
							resources, timeframe, outputs, sustainability));
		}
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record RegistrationView(String code, String planCode, String unitCode, String unitName, String kind,
			String kindName, String field, String fieldName, boolean continuing, String previousRegistrationCode,
			String status, String statusName, String name, String situation, String objectives, String approach,
			String beneficiaries, String implementers, String resources, String timeframe, String outputs,
			String sustainability, String createdBy, Instant createdAt, Instant updatedAt, Instant submittedAt,
			List<HistoryView> history, List<AttachmentView> attachments, boolean resultReportOverdue,
			@JsonInclude(JsonInclude.Include.NON_NULL) ResultReportView resultReport) {
	}

	/** The filed result report (only when filed). */
	record ResultReportView(String results, String outputs, List<SelfEvaluation> selfEvaluation,
			List<Long> attachmentIds, String filedBy, Instant filedAt) {
	}

	/** A list row: without the long texts of the ten items. */
	record RegistrationSummaryView(String code, String planCode, String unitCode, String unitName, String kind,
			String kindName, String field, String fieldName, boolean continuing, String status, String statusName,
			String name, String createdBy, Instant createdAt, Instant updatedAt, Instant submittedAt,
			boolean resultReportOverdue) {
	}

	record PageView(List<RegistrationSummaryView> items, int page, int size, long totalItems, int totalPages) {
	}

	record HistoryView(String status, String statusName, String action, String reviewUnitCode, String actor,
			String comment, Instant occurredAt) {
	}

	record AttachmentView(long id, String fileName, String contentType, long sizeBytes, String downloadUrl) {
	}

}
