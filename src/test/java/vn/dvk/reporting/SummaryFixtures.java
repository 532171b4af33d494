package vn.dvk.reporting;

import static org.mockito.BDDMockito.given;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import vn.dvk.award.AwardCount;
import vn.dvk.award.AwardService;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanField;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.PlanStatus;
import vn.dvk.plan.ReviewMode;
import vn.dvk.recognition.RecognitionOutcome;
import vn.dvk.recognition.RecognizedCount;
import vn.dvk.recognition.RecognizedModel;
import vn.dvk.registration.Registration;
import vn.dvk.registration.RegistrationCount;
import vn.dvk.registration.RegistrationItems;
import vn.dvk.registration.RegistrationKind;
import vn.dvk.registration.RegistrationService;
import vn.dvk.registration.RegistrationStatus;

/**
 * One season of plan KH-2026-01 for the summary's tests: registrations in every status across
 * units, levels and fields, awards, and the register's entries (two recognised this year, three
 * imported from before, one of a later year that must not count).
 */
final class SummaryFixtures {

	static final String PLAN = "KH-2026-01";

	static final Instant T = Instant.parse("2026-03-01T03:00:00Z");

	static final List<Registration> REGISTRATIONS = List.of(
			registration(1, "xa-cam-hai-dong", "KINH_TE", RegistrationStatus.RECOGNIZED_TYPICAL),
			registration(2, "xa-cam-hai-dong", "VAN_HOA_XA_HOI", RegistrationStatus.NOT_RECOGNIZED),
			registration(3, "phuong-nha-trang", "QUOC_PHONG_AN_NINH", RegistrationStatus.RECOGNIZED),
			registration(4, "phuong-nha-trang", "KINH_TE", RegistrationStatus.REPORTED),
			registration(5, "so-y-te", "VAN_HOA_XA_HOI", RegistrationStatus.ACCEPTED),
			registration(6, "huyen-cam-lam", "XAY_DUNG_HE_THONG_CHINH_TRI", RegistrationStatus.IN_REVIEW),
			registration(7, "xa-cam-lam", "KINH_TE", RegistrationStatus.SUBMITTED),
			registration(8, "xa-cam-lam", "KINH_TE", RegistrationStatus.RETURNED),
			registration(9, "hoi-phu-nu-tinh", "KINH_TE", RegistrationStatus.REJECTED),
			registration(10, "xa-van-ninh", "KINH_TE", RegistrationStatus.DRAFT));

	/** Recognised by this plan's council (source SYSTEM). */
	static final List<RecognizedModel> RECOGNISED_THIS_YEAR = List.of(
			model("Mô hình DK-2026-000001", "xa-cam-hai-dong", "KINH_TE", 2026, RecognitionOutcome.RECOGNIZED_TYPICAL,
					"DK-2026-000001"),
			model("Mô hình DK-2026-000003", "phuong-nha-trang", "QUOC_PHONG_AN_NINH", 2026,
					RecognitionOutcome.RECOGNIZED, "DK-2026-000003"));

	/** Imported history: three before the plan's year, one after it. */
	static final List<RecognizedModel> IMPORTED = List.of(
			model("Chợ cá an toàn, văn minh", "xa-cam-hai-dong", "KINH_TE", 2021, RecognitionOutcome.RECOGNIZED, null),
			model("Khu phố văn minh", "phuong-nha-trang", "VAN_HOA_XA_HOI", 2023,
					RecognitionOutcome.RECOGNIZED_TYPICAL, null),
			model("Phụ nữ chung tay xây dựng nông thôn mới", "hoi-phu-nu-tinh", "NONG_THON_MOI", 2025,
					RecognitionOutcome.RECOGNIZED, null),
			model("Mô hình của năm sau", "xa-cam-lam", "KINH_TE", 2027, RecognitionOutcome.RECOGNIZED, null));

	static final List<AwardCount> AWARDS = List.of(
			new AwardCount("GIAY_KHEN_BAN", "Giấy khen của Ban Tuyên giáo và Dân vận Tỉnh ủy", "COLLECTIVE", 3),
			new AwardCount("GIAY_KHEN_BAN", "Giấy khen của Ban Tuyên giáo và Dân vận Tỉnh ủy", "INDIVIDUAL", 2),
			new AwardCount("BANG_KHEN_UBND", "Bằng khen của Chủ tịch UBND tỉnh", "COLLECTIVE", 1),
			new AwardCount("KY_NIEM_CHUONG", "Kỷ niệm chương “Vì sự nghiệp dân vận”", "INDIVIDUAL", 4));

	private SummaryFixtures() {
	}

	static Plan plan() {
		return new Plan(PLAN, "Kế hoạch thi đua “Dân vận khéo” năm 2026", 2026, "35-CT/TU",
				java.time.LocalDate.of(2022, 11, 2), "", PlanField.standard(),
				List.of("xa-cam-hai-dong", "phuong-nha-trang"), ReviewMode.EVERY_LEVEL, T, 3, 5, 10,
				PlanStatus.EVALUATION, "drafter", T, T);
	}

	/** The plan, registration and award modules answer from the fixtures. */
	static void stub(PlanService plans, RegistrationService registrations, AwardService awards) {
		given(plans.require(PLAN)).willReturn(plan());
		given(registrations.counts(PLAN)).willReturn(counts(REGISTRATIONS));
		given(awards.counts(PLAN)).willReturn(AWARDS);
	}

	/** What RegistrationService#counts answers for these registrations (one per registration: no grouping needed). */
	static List<RegistrationCount> counts(List<Registration> registrations) {
		List<RegistrationCount> counts = new ArrayList<>();
		registrations.forEach(r -> counts.add(new RegistrationCount(r.unitCode(), r.field(), r.status(), 1)));
		return counts;
	}

	/** What RecognizedModelRegister#countsUpToYear answers for these entries. */
	static List<RecognizedCount> counts(List<RecognizedModel> models, int year) {
		java.util.Map<List<Object>, Long> grouped = new java.util.LinkedHashMap<>();
		models.stream()
			.filter(m -> m.year() <= year)
			.forEach(m -> grouped.merge(List.of(m.unitCode(), m.field(), m.outcome()), 1L, Long::sum));
		List<RecognizedCount> counts = new ArrayList<>();
		grouped.forEach((k, n) -> counts.add(new RecognizedCount((String) k.get(0), (String) k.get(1),
				(RecognitionOutcome) k.get(2), n)));
		return counts;
	}

	static Registration registration(int n, String unit, String field, RegistrationStatus status) {
		String code = "DK-2026-%06d".formatted(n);
		return new Registration(code, PLAN, unit, RegistrationKind.MODEL, field, false, null,
				new RegistrationItems("Mô hình " + code, "", "", "", "", "", "", "", "", ""), status, "head-" + unit, T,
				T, T);
	}

	static RecognizedModel model(String name, String unit, String field, int year, RecognitionOutcome outcome,
			String registration) {
		return new RecognizedModel(0, name, unit, field, year, outcome, registration, null, null, null);
	}

}
