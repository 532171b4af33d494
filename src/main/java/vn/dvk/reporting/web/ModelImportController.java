package vn.dvk.reporting.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.dvk.reporting.ModelImport;
import vn.dvk.reporting.ModelImportRejected;
import vn.dvk.security.CurrentUser;

/**
 * {@code POST /api/models/import}: models recognised before the system, for cumulative figures.
 * A refused file is answered with problem+json whose errors name each bad line with its
 * line number, column and reason.
 */
@RestController
@Tag(name = "Nhập mô hình đã công nhận", description = "Nhập từ tệp CSV hoặc XLSX các mô hình được công nhận trước khi có hệ thống")
class ModelImportController {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final ModelImport modelImport;

	private final MessageSource messages;

	ModelImportController(ModelImport modelImport, MessageSource messages) {
		this.modelImport = modelImport;
		this.messages = messages;
	}

	@PostMapping(path = "/api/models/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Nhập danh sách mô hình đã được công nhận (CSV UTF-8 hoặc XLSX; tất cả hoặc không dòng nào)")
	@ApiResponse(responseCode = "201", description = "Đã nhập tất cả các dòng: {\"imported\": n}")
	@ApiResponse(responseCode = "400", description = "Tệp rỗng hoặc có dòng sai: errors = [{line, field, message}]; không dòng nào được nhập")
	@ApiResponse(responseCode = "403", description = "Chỉ chuyên viên (plan-drafters) được nhập")
	@ApiResponse(responseCode = "415", description = "Tệp không phải CSV hoặc XLSX")
	ResponseEntity<Map<String, Object>> importModels(@RequestPart("file") MultipartFile file) {
		CurrentUser user = CurrentUser.get();
		byte[] content;
		try {
			content = file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		int imported = modelImport.importFile(content, user);
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("imported", imported));
	}

	@ExceptionHandler(ModelImportRejected.class)
	ResponseEntity<ProblemDetail> rejected(ModelImportRejected ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				text(ex.messageKey(), ex.args()));
		problem.setTitle(text("error.title.400"));
		problem.setProperty("errors", ex.lines()
			.stream()
			.map(line -> Map.of("line", line.line(), "field", line.field(), "message",
					text(line.messageKey(), line.args())))
			.toList());
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, VI);
	}

}
