package vn.dvk.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.dvk.system.EmbeddedPostgresConfiguration;

/** The public figures' count of registrations sent, on embedded PostgreSQL. */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ EmbeddedPostgresConfiguration.class, RegistrationRepository.class })
@ActiveProfiles("test")
class SentCountsTests {

	@Autowired
	RegistrationRepository repository;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyStatusButDraftIsCountedPerPlanAndField() {
		plan("KH-2025-01", 2025);
		plan("KH-2026-01", 2026);
		int n = 0;
		for (String status : new String[] { "SUBMITTED", "IN_REVIEW", "REJECTED", "RECOGNIZED", "DRAFT", "DRAFT" }) {
			registration("DK-2026-00000" + n++, "KH-2026-01", "KINH_TE", status);
		}
		registration("DK-2026-00000" + n++, "KH-2026-01", "VAN_HOA_XA_HOI", "NOT_RECOGNIZED");
		registration("DK-2025-00000" + n++, "KH-2025-01", "KINH_TE", "RECOGNIZED_TYPICAL");
		registration("DK-2025-00000" + n++, "KH-2025-01", "KINH_TE", "DRAFT");

		assertThat(repository.sentCounts()).containsExactly(new SentCount("KH-2025-01", "KINH_TE", 1),
				new SentCount("KH-2026-01", "KINH_TE", 4), new SentCount("KH-2026-01", "VAN_HOA_XA_HOI", 1));
	}

	@Test
	void noRegistrationsNoCounts() {
		assertThat(repository.sentCounts()).isEmpty();
	}

	private void plan(String code, int year) {
		jdbc.sql("insert into plan (code, title, plan_year, fields, scope_unit_codes, review_mode, "
				+ "registration_deadline, reminder_days_before, review_days, escalation_days, status, created_by, "
				+ "created_at) values (?, 'Kế hoạch', ?, '[]', '[]', 'EVERY_LEVEL', now(), 3, 10, 20, 'CLOSED', "
				+ "'drafter', now())")
			.params(code, year)
			.update();
	}

	private void registration(String code, String plan, String field, String status) {
		jdbc.sql("insert into registration (code, plan_code, unit_code, kind, field, name, status, created_by, "
				+ "created_at, updated_at) values (?, ?, 'xa-cam-lam', 'MODEL', ?, 'Mô hình', ?, 'head-xa-cam-lam', "
				+ "now(), now())")
			.params(code, plan, field, status)
			.update();
	}

}
