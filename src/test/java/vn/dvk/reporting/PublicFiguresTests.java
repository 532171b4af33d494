package vn.dvk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.TestOrganizations;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanField;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.PlanStatus;
import vn.dvk.plan.ReviewMode;
import vn.dvk.recognition.RecognitionOutcome;
import vn.dvk.recognition.RecognizedModel;
import vn.dvk.recognition.RecognizedModelRegister;
import vn.dvk.registration.RegistrationService;
import vn.dvk.registration.SentCount;
import vn.dvk.reporting.MovementFigures.FieldLine;
import vn.dvk.reporting.MovementFigures.UnitLine;
import vn.dvk.reporting.MovementFigures.YearLine;
import vn.dvk.system.EmbeddedPostgresConfiguration;

/**
 * The public figures from the real register on embedded PostgreSQL (counted there) and the
 * registrations' counts per plan and field.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ EmbeddedPostgresConfiguration.class, PublicFigures.class, PublicFiguresTests.Context.class })
@ActiveProfiles("test")
class PublicFiguresTests {

	static final Instant T = Instant.parse("2026-12-10T02:00:00Z");

	/** Twelve units: the ten with most models one by one, the other two grouped. */
	static final List<String> UNITS = List.of("xa-cam-hai-dong", "phuong-nha-trang", "xa-cam-lam", "so-y-te",
			"so-noi-vu", "hoi-phu-nu-tinh", "xa-van-ninh", "phuong-cam-ranh", "phuong-ba-ngoi", "xa-dien-khanh",
			"xa-khanh-son", "xa-bac-ai");

	@Autowired
	PublicFigures figures;

	@Autowired
	RecognizedModelRegister register;

	@MockitoBean
	RegistrationService registrations;

	@MockitoBean
	PlanService plans;

	@BeforeEach
	void history() {
		given(plans.list()).willReturn(List.of(plan("KH-2026-01", 2026), plan("KH-2025-01", 2025)));
		given(registrations.sentCounts()).willReturn(List.of(new SentCount("KH-2025-01", "KINH_TE", 30),
				new SentCount("KH-2025-01", "NONG_THON_MOI", 2), new SentCount("KH-2026-01", "KINH_TE", 1200),
				new SentCount("KH-2026-01", "VAN_HOA_XA_HOI", 40)));
		List<RecognizedModel> imported = new ArrayList<>();
		// unit i has 12 - i models: 2021 for the first six units, 2023 for the others
		for (int i = 0; i < UNITS.size(); i++) {
			for (int k = 0; k < UNITS.size() - i; k++) {
				imported.add(model("Mô hình " + i + "-" + k, UNITS.get(i), k % 2 == 0 ? "KINH_TE" : "VAN_HOA_XA_HOI",
						i < 6 ? 2021 : 2023, k == 0 ? RecognitionOutcome.RECOGNIZED_TYPICAL : RecognitionOutcome.RECOGNIZED,
						null));
			}
		}
		register.importAll(imported);
		register.add(model("Chợ cá an toàn, văn minh", "xa-cam-hai-dong", "KINH_TE", 2026,
				RecognitionOutcome.RECOGNIZED_TYPICAL, "DK-2026-000001"));
		register.add(model("Đường hoa", "xa-cam-lam", "NONG_THON_MOI", 2026, RecognitionOutcome.RECOGNIZED,
				"DK-2026-000002"));
	}

	@Test
	void perYearRegisteredAndRecognisedWithTheCumulativeOverTheYears() {
		MovementFigures f = figures.figures();

		// 2021: 12+11+10+9+8+7 = 57; 2023: 6+5+4+3+2+1 = 21; 2025: none recognised; 2026: 2
		assertThat(f.byYear()).containsExactly(new YearLine(2021, null, 57, 6, 57), new YearLine(2023, null, 21, 6, 78),
				new YearLine(2025, 32L, 0, 0, 78), new YearLine(2026, 1240L, 2, 1, 80));
		assertThat(f.registered()).isEqualTo(1272);
		assertThat(f.recognized()).isEqualTo(80);
		assertThat(f.typical()).isEqualTo(13);
	}

	@Test
	void perFieldTheStandardFieldsAlwaysThenOthersWithFigures() {
		MovementFigures f = figures.figures();

		assertThat(f.byField()).extracting(FieldLine::code)
			.containsExactly("KINH_TE", "VAN_HOA_XA_HOI", "QUOC_PHONG_AN_NINH", "XAY_DUNG_HE_THONG_CHINH_TRI",
					"NONG_THON_MOI");
		assertThat(f.byField().get(0).name()).isEqualTo("Kinh tế");
		assertThat(f.byField().get(0).registered()).isEqualTo(1230);
		assertThat(f.byField().get(2)).isEqualTo(new FieldLine("QUOC_PHONG_AN_NINH", "Quốc phòng – an ninh", 0, 0, 0));
		assertThat(f.byField().get(4)).isEqualTo(new FieldLine("NONG_THON_MOI", "Nông thôn mới", 2, 1, 0));
		assertThat(f.byField().stream().mapToLong(FieldLine::recognized).sum()).isEqualTo(80);
	}

	@Test
	void perUnitTheTenWithMostModelsThenTheRestGrouped() {
		MovementFigures f = figures.figures();

		assertThat(f.byUnit()).hasSize(PublicFigures.TOP_UNITS + 1);
		assertThat(f.byUnit().get(0)).isEqualTo(new UnitLine("xa-cam-hai-dong", "Xã Cam Hải Đông", 1, 13, 2));
		assertThat(f.byUnit().get(1).code()).isEqualTo("phuong-nha-trang");
		assertThat(f.byUnit().get(1).recognized()).isEqualTo(11);
		UnitLine rest = f.byUnit().get(PublicFigures.TOP_UNITS);
		assertThat(rest.rest()).isTrue();
		assertThat(rest).isEqualTo(new UnitLine(null, null, 2, 3, 2));
		assertThat(f.byUnit().stream().mapToLong(UnitLine::recognized).sum()).isEqualTo(80);
	}

	private static Plan plan(String code, int year) {
		return new Plan(code, "Kế hoạch " + year, year, null, null, null, PlanField.standard(), List.of(),
				ReviewMode.EVERY_LEVEL, T, 3, 10, 20, PlanStatus.CLOSED, "drafter", T, T);
	}

	static RecognizedModel model(String name, String unit, String field, int year, RecognitionOutcome outcome,
			String registration) {
		return new RecognizedModel(0, name, unit, field, year, outcome, registration, null, null, null);
	}

	@TestConfiguration(proxyBeanMethods = false)
	@ComponentScan(basePackages = "vn.dvk.recognition", useDefaultFilters = false,
			includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
					pattern = "vn\\.dvk\\.recognition\\.RecognizedModel(Register|Repository)"))
	static class Context {

		@Bean
		OrganizationService organizationService() {
			return TestOrganizations.khanhHoa();
		}

		@Bean
		Clock clock() {
			return Clock.fixed(T, ZoneOffset.UTC);
		}

	}

}
