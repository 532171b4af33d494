package vn.dvk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.dvk.award.AwardService;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.TestOrganizations;
import vn.dvk.plan.PlanService;
import vn.dvk.recognition.RecognizedModelRegister;
import vn.dvk.registration.RegistrationService;
import vn.dvk.reporting.Summary.Figures;
import vn.dvk.reporting.Summary.Line;
import vn.dvk.system.EmbeddedPostgresConfiguration;

/**
 * The summary's figures from faked registrations and awards and the real register (with
 * imported history) on embedded PostgreSQL.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ EmbeddedPostgresConfiguration.class, SummaryReport.class, SummaryReportTests.Context.class })
@ActiveProfiles("test")
class SummaryReportTests {

	@Autowired
	SummaryReport report;

	@Autowired
	RecognizedModelRegister register;

	@MockitoBean
	PlanService plans;

	@MockitoBean
	RegistrationService registrations;

	@MockitoBean
	AwardService awards;

	@BeforeEach
	void season() {
		SummaryFixtures.stub(plans, registrations, awards);
		SummaryFixtures.RECOGNISED_THIS_YEAR.forEach(register::add);
		register.importAll(SummaryFixtures.IMPORTED);
	}

	@Test
	void theTotalsCountEveryRegistrationSentAndTheRegisterUpToThePlansYear() {
		Summary summary = report.of(SummaryFixtures.PLAN);

		assertThat(summary.planCode()).isEqualTo("KH-2026-01");
		assertThat(summary.year()).isEqualTo(2026);
		// 9 sent (the draft is not), 5 accepted, 4 reported, 2 recognised of which 1 typical;
		// cumulative: 2 of this year + 3 imported before 2026 (the 2027 entry does not count)
		assertThat(summary.totals()).isEqualTo(new Figures(9, 5, 4, 2, 1, 5, 2));
		assertThat(summary.totals().recognizedOnly()).isEqualTo(1);
		// grouped counts only: the registrations themselves are never read (10^5 of them in a large plan)
		verify(registrations, never()).inStatus(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
				org.mockito.ArgumentMatchers.any());
	}

	@Test
	void byFieldListsThePlansFieldsThenFieldsOnlyTheHistoryKnows() {
		Summary summary = report.of(SummaryFixtures.PLAN);

		assertThat(summary.byField()).extracting(Line::code)
			.containsExactly("KINH_TE", "VAN_HOA_XA_HOI", "QUOC_PHONG_AN_NINH", "XAY_DUNG_HE_THONG_CHINH_TRI",
					"NONG_THON_MOI");
		assertThat(line(summary.byField(), "KINH_TE").figures()).isEqualTo(new Figures(5, 2, 2, 1, 1, 2, 1));
		assertThat(line(summary.byField(), "VAN_HOA_XA_HOI").name()).isEqualTo("Văn hóa – xã hội");
		assertThat(line(summary.byField(), "VAN_HOA_XA_HOI").figures()).isEqualTo(new Figures(2, 2, 1, 0, 0, 1, 1));
		assertThat(line(summary.byField(), "NONG_THON_MOI").name()).isEqualTo("Nông thôn mới");
		assertThat(line(summary.byField(), "NONG_THON_MOI").figures()).isEqualTo(new Figures(0, 0, 0, 0, 0, 1, 0));
		assertThat(summary.byField().stream().map(Line::figures).reduce(Figures.ZERO, Figures::plus))
			.isEqualTo(summary.totals());
	}

	@Test
	void byUnitNamesEachUnitWithItsLevelInTheOrderOfTheTree() {
		Summary summary = report.of(SummaryFixtures.PLAN);

		assertThat(summary.byUnit()).extracting(Line::code)
			.containsExactly("phuong-nha-trang", "xa-cam-lam", "so-y-te", "hoi-phu-nu-tinh", "huyen-cam-lam",
					"xa-cam-hai-dong");
		Line camHaiDong = line(summary.byUnit(), "xa-cam-hai-dong");
		assertThat(camHaiDong.name()).isEqualTo("Xã Cam Hải Đông");
		assertThat(camHaiDong.levelName()).isEqualTo("Cấp xã");
		assertThat(camHaiDong.figures()).isEqualTo(new Figures(2, 2, 2, 1, 1, 2, 1));
		assertThat(line(summary.byUnit(), "hoi-phu-nu-tinh").figures()).isEqualTo(new Figures(1, 0, 0, 0, 0, 1, 0));
		assertThat(line(summary.byUnit(), "huyen-cam-lam").levelName()).isEqualTo("Cấp huyện");
	}

	@Test
	void byLevelSplitsProvinceDistrictAndCommuneWithVietnameseLabels() {
		Summary summary = report.of(SummaryFixtures.PLAN);

		assertThat(summary.byLevel()).extracting(Line::name).containsExactly("Cấp tỉnh", "Cấp huyện", "Cấp xã");
		assertThat(line(summary.byLevel(), "PROVINCE").figures()).isEqualTo(new Figures(2, 1, 0, 0, 0, 1, 0));
		assertThat(line(summary.byLevel(), "DISTRICT").figures()).isEqualTo(new Figures(1, 0, 0, 0, 0, 0, 0));
		assertThat(line(summary.byLevel(), "COMMUNE").figures()).isEqualTo(new Figures(6, 4, 4, 2, 1, 4, 2));
	}

	@Test
	void awardsAreCountedByTypeAndByCollectiveOrIndividual() {
		Summary.Awards awarded = report.of(SummaryFixtures.PLAN).awards();

		assertThat(awarded.byType()).extracting(Summary.AwardLine::awardType, Summary.AwardLine::collective,
				Summary.AwardLine::individual, Summary.AwardLine::total)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("GIAY_KHEN_BAN", 3L, 2L, 5L),
					org.assertj.core.groups.Tuple.tuple("BANG_KHEN_UBND", 1L, 0L, 1L),
					org.assertj.core.groups.Tuple.tuple("KY_NIEM_CHUONG", 0L, 4L, 4L));
		assertThat(awarded.collective()).isEqualTo(4);
		assertThat(awarded.individual()).isEqualTo(6);
		assertThat(awarded.total()).isEqualTo(10);
	}

	@Test
	void importedHistoryOfTheYearsBeforeCountsOnlyInTheCumulativeFigure() {
		register.importAll(java.util.List.of(SummaryFixtures.model("Mô hình cũ thêm", "xa-cam-lam", "KINH_TE", 2019,
				vn.dvk.recognition.RecognitionOutcome.RECOGNIZED, null)));

		Summary summary = report.of(SummaryFixtures.PLAN);

		assertThat(summary.totals().recognized()).isEqualTo(2);
		assertThat(summary.totals().cumulative()).isEqualTo(6);
		assertThat(line(summary.byUnit(), "xa-cam-lam").figures()).isEqualTo(new Figures(2, 0, 0, 0, 0, 1, 0));
	}

	static Line line(java.util.List<Line> lines, String code) {
		return lines.stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
	}

	@TestConfiguration(proxyBeanMethods = false)
	@org.springframework.context.annotation.ComponentScan(basePackages = "vn.dvk.recognition", useDefaultFilters = false,
			includeFilters = @org.springframework.context.annotation.ComponentScan.Filter(
					type = org.springframework.context.annotation.FilterType.REGEX,
					pattern = "vn\\.dvk\\.recognition\\.RecognizedModel(Register|Repository)"))
	static class Context {

		@Bean
		OrganizationService organizationService() {
			return TestOrganizations.khanhHoa();
		}

		@Bean
		Clock clock() {
			return Clock.fixed(SummaryFixtures.T, ZoneOffset.UTC);
		}

	}

}
