package vn.dvk.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.dvk.recognition.RegisterQuery.Sort;
import vn.dvk.system.EmbeddedPostgresConfiguration;

/**
 * The public register's search, filters, pages and counts on embedded PostgreSQL (V9: the
 * folded name and its words, computed by the database for every row, imported ones included).
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ EmbeddedPostgresConfiguration.class, RecognizedModelRegister.class, RecognizedModelRepository.class,
		RegisterSearchTests.FixedClock.class })
@ActiveProfiles("test")
class RegisterSearchTests {

	@Autowired
	RecognizedModelRegister register;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void register() {
		register.add(model("Chợ cá an toàn, văn minh", "xa-cam-hai-dong", "KINH_TE", 2026,
				RecognitionOutcome.RECOGNIZED_TYPICAL, "DK-2026-000001"));
		register.add(model("Đường hoa nông thôn mới", "xa-cam-lam", "NONG_THON_MOI", 2026,
				RecognitionOutcome.RECOGNIZED, "DK-2026-000002"));
		register.importAll(List.of(
				model("Tổ tự quản an ninh trật tự", "phuong-nha-trang", "QUOC_PHONG_AN_NINH", 2023,
						RecognitionOutcome.RECOGNIZED, null),
				model("CHỢ ĐÊM văn minh, không rác thải", "phuong-nha-trang", "KINH_TE", 2024,
						RecognitionOutcome.RECOGNIZED, null),
				model("Dân vận khéo trong cải cách hành chính", "so-noi-vu", "XAY_DUNG_HE_THONG_CHINH_TRI", 2024,
						RecognitionOutcome.RECOGNIZED_TYPICAL, null),
				model("Ca đoàn thiện nguyện", "xa-cam-lam", "VAN_HOA_XA_HOI", 2021, RecognitionOutcome.RECOGNIZED,
						null)));
	}

	@Test
	void aSearchIgnoresDiacriticsAndCaseAndTakesEachWordAsTheStartOfAWord() {
		assertThat(names(search("cho ca"))).containsExactly("Chợ cá an toàn, văn minh");
		assertThat(names(search("CHỢ CÁ"))).containsExactly("Chợ cá an toàn, văn minh");
		assertThat(names(search("chợ"))).containsExactly("Chợ cá an toàn, văn minh", "CHỢ ĐÊM văn minh, không rác thải");
		// đ is d, and a word may be typed in part
		assertThat(names(search("duong ho"))).containsExactly("Đường hoa nông thôn mới");
		assertThat(names(search("van minh"))).hasSize(2);
		// "ca" starts "cá", "cách" and "Ca", never the middle of a word ("rác")
		assertThat(names(search("ca"))).containsExactlyInAnyOrder("Chợ cá an toàn, văn minh",
				"Dân vận khéo trong cải cách hành chính", "Ca đoàn thiện nguyện");
		assertThat(names(search("chợ cá nhân"))).isEmpty();
	}

	@Test
	void aSearchWithoutLettersOrDigitsIsNoCriterionAndQuerySyntaxIsJustText() {
		assertThat(search("  ").total()).isEqualTo(6);
		assertThat(search("'&|!:*()").total()).isEqualTo(6);
		// no operator: "!" does not negate, "|" does not mean "or"
		assertThat(names(search("chợ & !đêm |"))).containsExactly("CHỢ ĐÊM văn minh, không rác thải");
	}

	@Test
	void theFiltersCombineWithTheSearch() {
		assertThat(names(register.search(query(null, "KINH_TE", null, null, null, Sort.NEWEST, 0, 20))))
			.containsExactly("Chợ cá an toàn, văn minh", "CHỢ ĐÊM văn minh, không rác thải");
		assertThat(names(register.search(query(null, null, "phuong-nha-trang", 2024, null, Sort.NEWEST, 0, 20))))
			.containsExactly("CHỢ ĐÊM văn minh, không rác thải");
		assertThat(names(register.search(
				query(null, null, null, null, RecognitionOutcome.RECOGNIZED_TYPICAL, Sort.NEWEST, 0, 20))))
			.containsExactly("Chợ cá an toàn, văn minh", "Dân vận khéo trong cải cách hành chính");
		assertThat(names(register.search(query("van minh", "KINH_TE", null, 2024, RecognitionOutcome.RECOGNIZED,
				Sort.NEWEST, 0, 20)))).containsExactly("CHỢ ĐÊM văn minh, không rác thải");
		assertThat(register.search(query("van minh", "VAN_HOA_XA_HOI", null, null, null, Sort.NEWEST, 0, 20)).total())
			.isZero();
	}

	@Test
	void pagesFollowTheOrderAskedAndCountEveryMatch() {
		// newest year first, then by name without regard to diacritics
		assertThat(names(register.search(query(null, null, null, null, null, Sort.NEWEST, 0, 20)))).containsExactly(
				"Chợ cá an toàn, văn minh", "Đường hoa nông thôn mới", "CHỢ ĐÊM văn minh, không rác thải",
				"Dân vận khéo trong cải cách hành chính", "Tổ tự quản an ninh trật tự", "Ca đoàn thiện nguyện");
		// by name, đ sorted with d, capitals with small letters
		assertThat(names(register.search(query(null, null, null, null, null, Sort.NAME, 0, 20)))).containsExactly(
				"Ca đoàn thiện nguyện", "Chợ cá an toàn, văn minh", "CHỢ ĐÊM văn minh, không rác thải",
				"Dân vận khéo trong cải cách hành chính", "Đường hoa nông thôn mới", "Tổ tự quản an ninh trật tự");
		assertThat(names(register.search(query(null, null, null, null, null, Sort.OLDEST, 0, 2))))
			.containsExactly("Ca đoàn thiện nguyện", "Tổ tự quản an ninh trật tự");

		RegisterPage second = register.search(query(null, null, null, null, null, Sort.NAME, 1, 4));
		assertThat(second.total()).isEqualTo(6);
		assertThat(second.totalPages()).isEqualTo(2);
		assertThat(names(second)).containsExactly("Đường hoa nông thôn mới", "Tổ tự quản an ninh trật tự");
		assertThat(register.search(query(null, null, null, null, null, Sort.NAME, 5, 4)).items()).isEmpty();
	}

	@Test
	void theCountsAreAggregatedPerYearFieldAndUnit() {
		assertThat(register.countsByYear()).containsExactly(new RegisterCount("2021", 1, 0),
				new RegisterCount("2023", 1, 0), new RegisterCount("2024", 2, 1), new RegisterCount("2026", 2, 1));
		assertThat(register.countsByField()).first().isEqualTo(new RegisterCount("KINH_TE", 2, 1));
		assertThat(register.countsByField()).hasSize(5);
		assertThat(register.countsByUnit()).startsWith(new RegisterCount("phuong-nha-trang", 2, 0),
				new RegisterCount("xa-cam-lam", 2, 0));
	}

	@Test
	void aRegistrationThatWasNotRecognisedIsNeverInThePublicRegister() {
		// a rejected registration exists, with its name; the public list and counts know nothing of it
		jdbc.sql("insert into plan (code, title, plan_year, fields, scope_unit_codes, review_mode, "
				+ "registration_deadline, reminder_days_before, review_days, escalation_days, status, created_by, "
				+ "created_at) values ('KH-2026-01', 'Kế hoạch', 2026, '[]', '[]', 'EVERY_LEVEL', now(), 3, 10, 20, "
				+ "'CLOSED', 'drafter', now())").update();
		for (String[] r : List.of(new String[] { "DK-2026-000010", "REJECTED", "Chợ cá bí mật bị từ chối" },
				new String[] { "DK-2026-000011", "NOT_RECOGNIZED", "Chợ cá chưa đạt" },
				new String[] { "DK-2026-000012", "DRAFT", "Chợ cá bản nháp" })) {
			jdbc.sql("insert into registration (code, plan_code, unit_code, kind, field, name, status, created_by, "
					+ "created_at, updated_at) values (?, 'KH-2026-01', 'xa-cam-lam', 'MODEL', 'KINH_TE', ?, ?, "
					+ "'head-xa-cam-lam', now(), now())")
				.params(r[0], r[2], r[1])
				.update();
		}

		assertThat(names(search("cho ca"))).containsExactly("Chợ cá an toàn, văn minh");
		assertThat(search("bi mat").total()).isZero();
		assertThat(register.ofRegistration("DK-2026-000010")).isEmpty();
		assertThat(register.ofRegistration("DK-2026-000011")).isEmpty();
		assertThat(register.countsByYear().stream().mapToLong(RegisterCount::recognized).sum()).isEqualTo(6);
	}

	@Test
	void anEntryIsFoundByItsId() {
		RecognizedModel entry = register.ofRegistration("DK-2026-000001").orElseThrow();
		assertThat(register.find(entry.id())).contains(entry);
		assertThat(register.find(-1)).isEmpty();
	}

	private RegisterPage search(String text) {
		return register.search(query(text, null, null, null, null, Sort.NAME, 0, 20));
	}

	private static RegisterQuery query(String text, String field, String unit, Integer year,
			RecognitionOutcome outcome, Sort sort, int page, int size) {
		return new RegisterQuery(text, field, unit, year, outcome, sort, page, size);
	}

	private static List<String> names(RegisterPage page) {
		return page.items().stream().map(RecognizedModel::name).toList();
	}

	static RecognizedModel model(String name, String unit, String field, int year, RecognitionOutcome outcome,
			String registration) {
		return new RecognizedModel(0, name, unit, field, year, outcome, registration, null, null, null);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-12-10T02:00:00Z"), ZoneOffset.UTC);
		}

	}

}
