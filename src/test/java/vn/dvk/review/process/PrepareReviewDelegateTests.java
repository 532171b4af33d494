package vn.dvk.review.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import vn.dvk.plan.PlanService;
import vn.dvk.registration.AttachmentInfo;
import vn.dvk.registration.HistoryEntry;
import vn.dvk.registration.Registration;
import vn.dvk.registration.RegistrationKind;
import vn.dvk.registration.RegistrationService;
import vn.dvk.registration.RegistrationStatus;
import vn.dvk.shared.DvkException;
import vn.dvk.testsupport.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class PrepareReviewDelegateTests {

	static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

	private final RegistrationService registrations = mock(RegistrationService.class);

	private final PlanService plans = mock(PlanService.class);

	private final PrepareReviewDelegate delegate = new PrepareReviewDelegate(registrations, plans,
			Fixtures.organization(), Clock.fixed(NOW, ZoneId.of("Asia/Ho_Chi_Minh")));

	@BeforeEach
	void data() {
		when(registrations.find(Fixtures.REGISTRATION))
			.thenReturn(Optional.of(Fixtures.registration(Fixtures.COMMUNE_UNDER_DISTRICT)));
		when(plans.find(Fixtures.PLAN)).thenReturn(Optional.of(Fixtures.plan()));
		when(registrations.attachments(Fixtures.REGISTRATION)).thenReturn(List.of(
				new AttachmentInfo(3, Fixtures.REGISTRATION, "bien-ban [hop].docx", "application/msword", 900, "a", "h",
						NOW),
				new AttachmentInfo(4, Fixtures.REGISTRATION, "anh.jpg", "image/jpeg", 3_250_000, "b", "h", NOW)));
		when(registrations.history(Fixtures.REGISTRATION)).thenReturn(List.of(
				new HistoryEntry(RegistrationStatus.SUBMITTED, "SUBMITTED", null, "head-xa-cam-hai-dong", null,
						Instant.parse("2026-03-01T01:00:00Z")),
				new HistoryEntry(RegistrationStatus.IN_REVIEW, "RETURNED", Fixtures.DISTRICT, "reviewer-huyen-cam-lam",
						"Bổ sung dự toán", Instant.parse("2026-03-01T09:30:00Z"))));
	}

	@Test
	void setsTheFormVariablesAndTheDates() {
		DelegateExecution execution = execution(7, 12);

		delegate.execute(execution);

		Map<String, Object> variables = captured(execution);
		assertThat(variables).containsEntry("registrationName", "Dân vận khéo trong xây dựng nông thôn mới")
			.containsEntry("situation", "Đường giao thông nông thôn xuống cấp")
			.containsEntry("objectives", "Bê tông hóa 2 km đường")
			.containsEntry("approach", "Vận động nhân dân hiến đất, góp công")
			.containsEntry("beneficiaries", "Thôn Bãi Giếng, 320 hộ")
			.containsEntry("implementers", "Chi bộ, Mặt trận, các đoàn thể")
			.containsEntry("resources", "Nhân dân đóng góp 40%")
			.containsEntry("timeframe", "Tháng 3 đến tháng 11/2026")
			.containsEntry("outputs", "2 km đường bê tông")
			.containsEntry("sustainability", "Nhân rộng ra các thôn khác")
			.containsEntry("fieldName", "Kinh tế")
			.containsEntry("kindName", "Mô hình")
			.containsEntry("planTitle", "Kế hoạch thi đua “Dân vận khéo” năm 2026")
			.containsEntry("continuingText", "Tiếp nối từ năm trước (đăng ký trước: DK-2025-000045)")
			.containsEntry("reviewUnitName", "Huyện Cam Lâm (trước 01/07/2025)")
			.containsEntry("reviewDueDate", Date.from(NOW.plus(Duration.ofDays(7))))
			.containsEntry("escalationDate", Date.from(NOW.plus(Duration.ofDays(12))));
		assertThat(variables.get("attachmentLinks")).isEqualTo("""
				- [bien-ban \\[hop\\].docx](/registrations/DK-2026-000123/attachments/3) (900 B)
				- [anh.jpg](/registrations/DK-2026-000123/attachments/4) (3,1 MB)""");
		assertThat(variables.get("historyText")).isEqualTo("""
				- 01/03/2026 08:00 — Gửi đăng ký — head-xa-cam-hai-dong
				- 01/03/2026 16:30 — Trả lại để chỉnh sửa — Huyện Cam Lâm (trước 01/07/2025) — reviewer-huyen-cam-lam: “Bổ sung dự toán”""");
		assertThat(variables.values()).allSatisfy(value -> assertThat(value).isInstanceOfAny(String.class, Date.class));
	}

	@Test
	void newExemplarWithoutAttachmentsOrHistoryAndAnUnknownPlan() {
		Registration registration = Fixtures.registration(Fixtures.DEPARTMENT);
		Registration exemplar = new Registration(registration.code(), "KH-KHAC", registration.unitCode(),
				RegistrationKind.EXEMPLAR, "VHXH", false, null, registration.items(), registration.status(),
				registration.createdBy(), registration.createdAt(), registration.updatedAt(), registration.submittedAt());
		when(registrations.find(Fixtures.REGISTRATION)).thenReturn(Optional.of(exemplar));
		when(registrations.attachments(Fixtures.REGISTRATION)).thenReturn(List.of());
		when(registrations.history(Fixtures.REGISTRATION)).thenReturn(List.of());
		DelegateExecution execution = execution(5, 10);

		delegate.execute(execution);

		assertThat(captured(execution)).containsEntry("kindName", "Điển hình")
			.containsEntry("continuingText", "Đăng ký mới")
			.containsEntry("planTitle", "KH-KHAC")
			.containsEntry("fieldName", "VHXH")
			.containsEntry("attachmentLinks", "_Không có tệp đính kèm._")
			.containsEntry("historyText", "_Chưa có lịch sử xử lý._");
	}

	@Test
	void missingReviewDaysFailClearly() {
		DelegateExecution execution = execution(7, 12);
		when(execution.getVariable("reviewDays")).thenReturn(null);

		assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(DvkException.class)
			.satisfies(e -> assertThat(((DvkException) e).messageKey()).isEqualTo("review.days.missing"));
		verify(execution, never()).setVariables(anyMap());
	}

	@Test
	void unknownRegistrationFailsClearly() {
		DelegateExecution execution = execution(7, 12);
		when(execution.getVariable("registrationCode")).thenReturn("DK-KHONG-CO");
		when(registrations.find("DK-KHONG-CO")).thenReturn(Optional.empty());

		assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(DvkException.class)
			.satisfies(e -> assertThat(((DvkException) e).messageKey()).isEqualTo("review.registration.notFound"));
	}

	private static DelegateExecution execution(int reviewDays, int escalationDays) {
		DelegateExecution execution = mock(DelegateExecution.class);
		when(execution.getVariable("registrationCode")).thenReturn(Fixtures.REGISTRATION);
		when(execution.getVariable("reviewUnitCode")).thenReturn(Fixtures.DISTRICT);
		when(execution.getVariable("reviewDays")).thenReturn(reviewDays);
		when(execution.getVariable("escalationDays")).thenReturn(escalationDays);
		return execution;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> captured(DelegateExecution execution) {
		ArgumentCaptor<Map<String, Object>> captor = ArgumentCaptor.forClass(Map.class);
		verify(execution).setVariables(captor.capture());
		return captor.getValue();
	}

}
