package vn.dvk.recognition.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.dvk.recognition.Assessment;
import vn.dvk.recognition.CriterionMark;
import vn.dvk.recognition.RecognitionSession;
import vn.dvk.recognition.RecognitionSessionService;
import vn.dvk.recognition.SessionDetails;
import vn.dvk.security.CurrentUser;

@RestController
@Tag(name = "Bình xét, công nhận", description = "Phiên bình xét của Hội đồng, đánh giá mô hình, quyết định công nhận")
class RecognitionController {

	private final RecognitionSessionService sessions;

	RecognitionController(RecognitionSessionService sessions) {
		this.sessions = sessions;
	}

	record SessionBody(String field, List<String> registrationCodes) {
	}

	record AssessmentBody(String registrationCode, List<CriterionMark> criteria, String comment) {
	}

	@PostMapping("/api/plans/{code}/recognition-sessions")
	@Operation(summary = "Chuyên viên lập phiên bình xét (mặc định: mọi đăng ký đã báo cáo kết quả của kế hoạch, hoặc của lĩnh vực)")
	ResponseEntity<SessionView> create(@PathVariable String code, @RequestBody(required = false) SessionBody body) {
		CurrentUser user = CurrentUser.get();
		RecognitionSession session = sessions.create(code, body == null ? null : body.field(),
				body == null ? null : body.registrationCodes(), user);
		return ResponseEntity.created(URI.create("/api/recognition-sessions/" + session.key()))
			.body(view(sessions.get(session.key(), user)));
	}

	@GetMapping("/api/recognition-sessions/{key}")
	@Operation(summary = "Một phiên bình xét: mô hình, tự đánh giá, đánh giá của thành viên, không tham gia, đề xuất và kết quả")
	SessionView get(@PathVariable String key) {
		return view(sessions.get(key, CurrentUser.get()));
	}

	@PostMapping("/api/recognition-sessions/{key}/assessments")
	@Operation(summary = "Thành viên Hội đồng đánh giá một mô hình theo mọi tiêu chí của kế hoạch")
	ResponseEntity<Assessment> assess(@PathVariable String key, @RequestBody AssessmentBody body) {
		Assessment assessment = sessions.assess(key, body.registrationCode(), body.criteria(), body.comment(),
				CurrentUser.get());
		return ResponseEntity.status(201).body(assessment);
	}

	@GetMapping("/api/recognition-decisions/{id}/pdf")
	@Operation(summary = "Quyết định công nhận (PDF)")
	ResponseEntity<byte[]> pdf(@PathVariable long id) {
		byte[] pdf = sessions.decisionPdf(id, CurrentUser.get());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("quyet-dinh-cong-nhan-" + id + ".pdf").build().toString())
			.body(pdf);
	}

	private SessionView view(SessionDetails details) {
		return SessionView.of(details, sessions::unitName);
	}


}
