package vn.dvk.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.dvk.system.EmbeddedPostgresConfiguration;

@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ EmbeddedPostgresConfiguration.class, RecognizedModelRegister.class, RecognizedModelRepository.class,
		RecognizedModelRegisterTests.FixedClock.class })
@ActiveProfiles("test")
class RecognizedModelRegisterTests {

	static final Instant NOW = Instant.parse("2026-12-10T02:00:00Z");

	@Autowired
	RecognizedModelRegister register;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aModelRecognisedInTheSystemIsStoredOnceWhateverHowOftenItIsAdded() {
		RecognizedModel added = register.add(model("Chợ cá an toàn, văn minh", "xa-cam-hai-dong", 2026,
				RecognitionOutcome.RECOGNIZED_TYPICAL, "DK-2026-000001"));
		RecognizedModel again = register.add(model("Chợ cá an toàn, văn minh", "xa-cam-hai-dong", 2026,
				RecognitionOutcome.RECOGNIZED_TYPICAL, "DK-2026-000001"));

		assertThat(added.id()).isPositive();
		assertThat(again.id()).isEqualTo(added.id());
		assertThat(added.source()).isEqualTo("SYSTEM");
		assertThat(added.recordedAt()).isEqualTo(NOW);
		assertThat(register.ofRegistration("DK-2026-000001")).get()
			.satisfies(m -> {
				assertThat(m.name()).isEqualTo("Chợ cá an toàn, văn minh");
				assertThat(m.outcome()).isEqualTo(RecognitionOutcome.RECOGNIZED_TYPICAL);
				assertThat(m.decisionNumber()).isEqualTo("12/QĐ-BTGDV");
			});
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void aModelThatWasNotRecognisedNeverEntersTheRegister() {
		assertThatThrownBy(() -> register.add(model("Mô hình chưa đạt", "xa-cam-lam", 2026,
				RecognitionOutcome.NOT_RECOGNIZED, "DK-2026-000002")))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(count()).isZero();
	}

	@Test
	void anImportStoresEveryModelWithoutRegistrationAndCountsUpToTheYearAsked() {
		List<RecognizedModel> stored = register.importAll(List.of(
				model("Dân vận khéo trong xây dựng nông thôn mới", "xa-cam-lam", 2021, RecognitionOutcome.RECOGNIZED,
						"ignored"),
				model("Tổ tự quản an ninh trật tự", "phuong-nha-trang", 2023, RecognitionOutcome.RECOGNIZED, null),
				model("Phụ nữ tiết kiệm", "hoi-phu-nu-tinh", 2025, RecognitionOutcome.RECOGNIZED_TYPICAL, null)));

		assertThat(stored).hasSize(3).allSatisfy(m -> {
			assertThat(m.id()).isPositive();
			assertThat(m.source()).isEqualTo("IMPORT");
			assertThat(m.registrationCode()).isNull();
		});
		assertThat(register.upToYear(2023)).extracting(RecognizedModel::year).containsExactly(2021, 2023);
		assertThat(register.upToYear(2020)).isEmpty();
		assertThat(register.upToYear(2026)).hasSize(3);
	}

	@Test
	void anImportWithOneInvalidModelStoresNothing() {
		assertThatThrownBy(() -> register.importAll(List.of(
				model("Tổ tự quản an ninh trật tự", "phuong-nha-trang", 2023, RecognitionOutcome.RECOGNIZED, null),
				model("Mô hình không đạt", "phuong-nha-trang", 2023, RecognitionOutcome.NOT_RECOGNIZED, null))))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(count()).isZero();
	}

	@Test
	void theSameModelIsFoundWhateverItsCaseAndSpacing() {
		register.importAll(List.of(
				model("Tổ tự quản an ninh trật tự", "phuong-nha-trang", 2023, RecognitionOutcome.RECOGNIZED, null)));

		assertThat(register.sameAs(List.of(
				model("  TỔ TỰ QUẢN  an ninh trật tự ", "phuong-nha-trang", 2023, RecognitionOutcome.RECOGNIZED, null),
				model("Tổ tự quản an ninh trật tự", "phuong-nha-trang", 2024, RecognitionOutcome.RECOGNIZED, null))))
			.singleElement()
			.extracting(RecognizedModel::year)
			.isEqualTo(2023);
	}

	long count() {
		return jdbc.sql("select count(*) from recognized_model").query(Long.class).single();
	}

	static RecognizedModel model(String name, String unit, int year, RecognitionOutcome outcome, String registration) {
		return new RecognizedModel(0, name, unit, "KINH_TE", year, outcome, registration, "12/QĐ-BTGDV", null, null);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

}
