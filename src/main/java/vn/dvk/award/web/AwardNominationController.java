package vn.dvk.award.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.dvk.award.AuthorityDecision;
import vn.dvk.award.AuthorityDecisionRequest;
import vn.dvk.award.AwardDocumentInfo;
import vn.dvk.award.AwardNominationService;
import vn.dvk.award.Nomination;
import vn.dvk.award.NominationDetails;
import vn.dvk.award.NominationHistoryEntry;
import vn.dvk.award.NominationRequest;
import vn.dvk.award.Revocation;
import vn.dvk.security.CurrentUser;
import vn.dvk.shared.DvkException;

@RestController
@RequestMapping(AwardNominationController.BASE)
@Tag(name = "Khen thưởng", description = "Đề nghị khen thưởng, quyết định của cấp có thẩm quyền, thu hồi, giấy chứng nhận")
class AwardNominationController {

	static final String BASE = "/api/awards/nominations";

	private final AwardNominationService nominations;

	AwardNominationController(AwardNominationService nominations) {
		this.nominations = nominations;
	}

	@PostMapping
	@Operation(summary = "Chuyên viên đề nghị khen thưởng một tập thể (mô hình đã được công nhận) hoặc một cá nhân")
	ResponseEntity<NominationView> nominate(@RequestBody NominationRequest body) {
		CurrentUser user = CurrentUser.get();
		Nomination created = nominations.nominate(body, user);
		return ResponseEntity.created(URI.create(BASE + "/" + created.code()))
			.body(view(nominations.get(created.code(), user)));
	}

	@GetMapping
	@Operation(summary = "Danh sách đề nghị khen thưởng, mới nhất trước (lọc theo kế hoạch, trạng thái)")
	List<NominationView> list(@RequestParam(required = false) String plan,
			@RequestParam(required = false) String status) {
		return nominations.list(plan, status, CurrentUser.get())
			.stream()
			.map(n -> view(n, List.of(), List.of()))
			.toList();
	}

	@GetMapping("/{code}")
	@Operation(summary = "Một đề nghị khen thưởng, kèm lịch sử và liên kết tài liệu")
	NominationView one(@PathVariable String code) {
		return view(nominations.get(code, CurrentUser.get()));
	}

	@PostMapping(path = "/{code}/authority-decision", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Cán bộ theo dõi ghi nhận quyết định của cấp có thẩm quyền (số, ngày, cơ quan, kết quả, bản quét)")
	NominationView authorityDecision(@PathVariable String code, @RequestParam(required = false) String number,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String authority, @RequestParam(required = false) String outcome,
			@RequestPart(name = "file", required = false) MultipartFile file) {
		CurrentUser user = CurrentUser.get();
		byte[] content = null;
		String fileName = null;
		if (file != null && !file.isEmpty()) {
			if (file.getSize() > AwardNominationService.DECISION_FILE_MAX_BYTES) {
				throw new DvkException(HttpStatus.PAYLOAD_TOO_LARGE, "award.decision.file.tooLarge",
						file.getOriginalFilename());
			}
			try {
				content = file.getBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			fileName = file.getOriginalFilename();
		}
		nominations.recordAuthorityDecision(code,
				new AuthorityDecisionRequest(number, date, authority, outcome, fileName, content), user);
		return view(nominations.get(code, user));
	}

	@PostMapping("/{code}/revoke")
	@Operation(summary = "Thu hồi khen thưởng (lý do và căn cứ pháp lý bắt buộc); hồ sơ và lịch sử được giữ")
	NominationView revoke(@PathVariable String code, @RequestBody RevokeBody body) {
		CurrentUser user = CurrentUser.get();
		nominations.revoke(code, body == null ? null : body.reason(), body == null ? null : body.legalBasis(), user);
		return view(nominations.get(code, user));
	}

	@GetMapping("/{code}/documents/{name}.pdf")
	@Operation(summary = "Tài liệu PDF: to-trinh, danh-sach (hồ sơ đề nghị), chung-nhan (giấy chứng nhận)")
	ResponseEntity<byte[]> document(@PathVariable String code, @PathVariable String name) {
		return AwardDownloads.document(nominations, code, name);
	}

	@GetMapping("/{code}/authority-decision/file")
	@Operation(summary = "Bản quét quyết định của cấp có thẩm quyền")
	ResponseEntity<byte[]> decisionFile(@PathVariable String code) {
		return AwardDownloads.decisionFile(nominations, code);
	}

	private static NominationView view(NominationDetails details) {
		return view(details.nomination(), details.history(), details.documents());
	}

	private static NominationView view(Nomination n, List<NominationHistoryEntry> history,
			List<AwardDocumentInfo> documents) {
		AuthorityDecision d = n.decision();
		DecisionView decision = d == null ? null
				: new DecisionView(d.number(), d.date(), d.authority(), d.fileName(), d.decidedBy(), d.decidedAt(),
						d.hasFile() ? BASE + "/" + n.code() + "/authority-decision/file" : null);
		Revocation r = n.revocation();
		RevocationView revocation = r == null ? null
				: new RevocationView(r.reason(), r.legalBasis(), r.revokedBy(), r.revokedAt());
		PersonView person = n.collective() ? null : new PersonView(n.personName(), n.personPosition(), n.unitCode());
		return new NominationView(n.code(), n.planCode(), n.awardType(), n.awardName(), n.awardAuthority(),
				n.external(), n.recipientKind().name(), n.recipientKind().label(), n.registrationCode(), person,
				n.recipientName(), n.unitCode(), n.achievement(), n.status().name(), n.status().label(),
				n.nominatedBy(), n.nominatedAt(), decision, revocation,
				history.stream()
					.map(h -> new HistoryView(h.status().name(), h.status().label(), h.action(), h.actor(),
							h.comment(), h.occurredAt()))
					.toList(),
				documents.stream()
					.map(doc -> new DocumentView(doc.name(), doc.title(), doc.sizeBytes(), doc.createdAt(),
							BASE + "/" + n.code() + "/documents/" + doc.name() + ".pdf"))
					.toList());
	}

	record RevokeBody(String reason, String legalBasis) {
	}

	record NominationView(String code, String planCode, String awardType, String awardName, String awardAuthority,
			boolean external, String recipientKind, String recipientKindName, String registrationCode,
			PersonView person, String recipientName, String unitCode, String achievement, String status,
			String statusName, String nominatedBy, Instant nominatedAt, DecisionView decision,
			RevocationView revocation, List<HistoryView> history, List<DocumentView> documents) {
	}

	record PersonView(String fullName, String position, String unitCode) {
	}

	record DecisionView(String number, LocalDate date, String authority, String fileName, String decidedBy,
			Instant decidedAt, String fileUrl) {
	}

	record RevocationView(String reason, String legalBasis, String revokedBy, Instant revokedAt) {
	}

	record HistoryView(String status, String statusName, String action, String actor, String comment,
			Instant occurredAt) {
	}

	record DocumentView(String name, String title, long sizeBytes, Instant createdAt, String url) {
	}

}
