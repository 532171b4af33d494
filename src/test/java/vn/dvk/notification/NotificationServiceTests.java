package vn.dvk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.thymeleaf.context.LazyContextVariable;
import vn.dvk.system.EmbeddedPostgresConfiguration;

@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ EmbeddedPostgresConfiguration.class, ThymeleafAutoConfiguration.class,
		MessageSourceAutoConfiguration.class, NotificationService.class, MailRenderer.class, MailOutbox.class,
		NotificationServiceTests.Config.class })
@ActiveProfiles("test")
class NotificationServiceTests {

	static final Instant NOW = Instant.parse("2026-03-02T01:30:00Z");

	@Autowired
	NotificationService notifications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@ParameterizedTest
	@ValueSource(strings = { "plan-published", "registration-reminder", "registration-received",
			"registration-returned", "registration-rejected", "registration-accepted", "task-assigned",
			"review-overdue", "review-escalated" })
	void rendersEveryTemplateInVietnameseWithTheSharedLayout(String template) {
		notifications.enqueue("key-" + template, template, List.of("unit-xa-cam-hai-dong"), model());

		Map<String, Object> row = row("key-" + template + "|head@cam-hai-dong.vn");
		assertThat((String) row.get("subject")).isNotBlank()
			.doesNotContain("{")
			.matches(s -> !s.chars().allMatch(c -> c < 128), "has Vietnamese diacritics");
		assertThat((String) row.get("body_html")).contains("Ban Tuyên giáo và Dân vận Tỉnh ủy")
			.contains("thư được gửi tự động")
			.contains("Kính gửi")
			.contains("Trân trọng.")
			.doesNotContain("th:text", "th:if", "xmlns:th")
			.doesNotContain("${");
		assertThat(row.get("status")).isEqualTo("PENDING");
		assertThat(row.get("template")).isEqualTo(template);
	}

	@Test
	void subjectsAndBodiesCarryTheModelWithVietnameseDatesAndLinks() {
		notifications.enqueue("p", "plan-published", List.of("unit-xa-cam-hai-dong"), model());
		notifications.enqueue("r", "registration-returned", List.of("unit-xa-cam-hai-dong"), model());
		notifications.enqueue("t", "task-assigned", List.of("unit-xa-cam-hai-dong"), model());
		notifications.enqueue("e", "review-escalated", List.of("unit-xa-cam-hai-dong"), model());

		Map<String, Object> published = row("p|head@cam-hai-dong.vn");
		assertThat(published.get("subject"))
			.isEqualTo("Ban hành Kế hoạch KH-2026-01: Kế hoạch thi đua “Dân vận khéo” năm 2026");
		assertThat((String) published.get("body_html")).contains("Hạn đăng ký: <strong>31/03/2026 17:00</strong>")
			.contains("href=\"http://localhost:8080/plans/KH-2026-01\"");

		Map<String, Object> returned = row("r|head@cam-hai-dong.vn");
		assertThat(returned.get("subject")).isEqualTo("Đăng ký DK-2026-000123 được trả lại để chỉnh sửa");
		assertThat((String) returned.get("body_html")).contains("Mô hình “Dân vận khéo” tổ tự quản an ninh")
			.contains("Bổ sung số liệu về kết quả 6 tháng &amp; ảnh minh họa.")
			.contains("Ban Thường vụ Đảng ủy phường Cam Linh")
			.contains("Kính gửi: Lãnh đạo Ủy ban MTTQ xã Cam Hải Đông")
			.contains("href=\"http://localhost:8080/registrations/DK-2026-000123\"");

		Map<String, Object> task = row("t|head@cam-hai-dong.vn");
		assertThat(task.get("subject")).isEqualTo("Công việc mới cần xử lý: Thẩm định đăng ký (DK-2026-000123)");
		assertThat((String) task.get("body_html")).contains("Hạn xử lý: <strong>15/04/2026 17:00</strong>")
			.contains("href=\"http://localhost:8080/camunda/app/tasklist/default/#/?task=task-42\"");

		Map<String, Object> escalated = row("e|head@cam-hai-dong.vn");
		assertThat(escalated.get("subject"))
			.isEqualTo("Đăng ký DK-2026-000123 chậm thẩm định tại Ban Thường vụ Đảng ủy phường Cam Linh");
		assertThat((String) escalated.get("body_html")).contains("15/04/2026 17:00");
	}

	@Test
	void anAcceptanceWithoutAReviewerCommentHasNoEmptyCommentLine() {
		Map<String, Object> blank = model();
		blank.put("comment", "");
		notifications.enqueue("a-blank", "registration-accepted", List.of("unit-xa-cam-hai-dong"), blank);
		Map<String, Object> withComment = model();
		withComment.put("comment", "Đồng ý.");
		notifications.enqueue("a-comment", "registration-accepted", List.of("unit-xa-cam-hai-dong"), withComment);

		assertThat((String) row("a-blank|head@cam-hai-dong.vn").get("body_html"))
			.doesNotContain("Ý kiến của cấp thẩm định");
		assertThat((String) row("a-comment|head@cam-hai-dong.vn").get("body_html"))
			.contains("Ý kiến của cấp thẩm định: <span>Đồng ý.</span>");
	}

	@Test
	void lazyValuesAreReadOnlyByATemplateThatUsesThem() {
		AtomicInteger lookups = new AtomicInteger();
		Map<String, Object> reminder = model();
		reminder.put("taskId", lazy(() -> {
			lookups.incrementAndGet();
			return "task-77";
		}));
		notifications.enqueue("lazy-overdue", "review-overdue", List.of("unit-xa-cam-hai-dong"), reminder);
		assertThat(lookups).hasValue(1);
		assertThat((String) row("lazy-overdue|head@cam-hai-dong.vn").get("body_html")).contains("task=task-77");

		Map<String, Object> accepted = model();
		accepted.put("taskId", lazy(() -> {
			lookups.incrementAndGet();
			return "task-78";
		}));
		notifications.enqueue("lazy-accepted", "registration-accepted", List.of("unit-xa-cam-hai-dong"), accepted);
		assertThat(lookups).hasValue(1);

		Map<String, Object> noTask = model();
		noTask.put("taskId", lazy(() -> null));
		notifications.enqueue("lazy-none", "review-overdue", List.of("unit-xa-cam-hai-dong"), noTask);
		assertThat((String) row("lazy-none|head@cam-hai-dong.vn").get("body_html"))
			.contains("/camunda/app/tasklist/default/\"")
			.doesNotContain("task=");
	}

	static LazyContextVariable<Object> lazy(java.util.function.Supplier<Object> value) {
		return new LazyContextVariable<>() {

			@Override
			protected Object loadValue() {
				return value.get();
			}

		};
	}

	@Test
	void leavesNoEmptyParenthesesOrDanglingColonWhenAnOptionalValueIsMissing() {
		Map<String, Object> model = model();
		model.remove("businessKey");
		model.remove("planTitle");
		notifications.enqueue("t2", "task-assigned", List.of("unit-xa-cam-hai-dong"), model);
		notifications.enqueue("p2", "plan-published", List.of("unit-xa-cam-hai-dong"), model);

		assertThat(row("t2|head@cam-hai-dong.vn").get("subject")).isEqualTo("Công việc mới cần xử lý: Thẩm định đăng ký");
		assertThat(row("p2|head@cam-hai-dong.vn").get("subject")).isEqualTo("Ban hành Kế hoạch KH-2026-01");
	}

	@Test
	void formatsDatesInHoChiMinhTimeWithTheTimeOnlyForDeadlines() {
		Instant lateEvening = Instant.parse("2026-12-31T18:30:00Z");
		assertThat(MailRenderer.format("registrationDeadline", Date.from(lateEvening))).isEqualTo("01/01/2027 01:30");
		assertThat(MailRenderer.format("reviewDueDate", lateEvening)).isEqualTo("01/01/2027 01:30");
		assertThat(MailRenderer.format("publishedOn", lateEvening)).isEqualTo("01/01/2027");
		assertThat(MailRenderer.format("legalBasisDate", LocalDate.of(2022, 11, 2))).isEqualTo("02/11/2022");
		assertThat(MailRenderer.format("unitName", "Xã Cam Hải Đông")).isEqualTo("Xã Cam Hải Đông");
	}

	@Test
	void queuesOneMessagePerDistinctAddressOfTheGroupsMembers() {
		notifications.enqueue("k1", "registration-received", List.of("unit-xa-cam-hai-dong", "reviewers-tinh", "unit-heads"),
				model());

		List<String> recipients = jdbc.sql("select recipients->>0 from mail_outbox where dedup_key like 'k1|%' order by 1")
			.query(String.class)
			.list();
		assertThat(recipients).containsExactly("chuyenvien@tinh.vn", "head@cam-hai-dong.vn", "lanhdao@tinh.vn");
	}

	@Test
	void theSameKeyTwiceQueuesTheMessageOnce() {
		notifications.enqueue("dup", "registration-accepted", List.of("unit-xa-cam-hai-dong"), model());
		notifications.enqueue("dup", "registration-accepted", List.of("unit-xa-cam-hai-dong"), model());

		assertThat(count("dup|%")).isEqualTo(1);
	}

	@Test
	void queuesNothingWhenNoMemberHasAnAddress() {
		notifications.enqueue("none1", "registration-accepted", List.of("unit-empty"), model());
		notifications.enqueue("none2", "registration-accepted", List.of(), model());
		notifications.enqueue("none3", "registration-accepted", null, model());

		assertThat(count("none%")).isZero();
	}

	@Test
	void theOutboxRowCommitsOrRollsBackWithTheCallersTransaction() {
		TransactionTemplate caller = new TransactionTemplate(transactionManager);
		caller.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		caller.executeWithoutResult(status -> {
			notifications.enqueue("rolled-back", "registration-accepted", List.of("unit-xa-cam-hai-dong"), model());
			status.setRollbackOnly();
		});

		assertThat(count("rolled-back%")).isZero();
	}

	private Map<String, Object> row(String dedupKey) {
		return jdbc.sql("select * from mail_outbox where dedup_key = ?").param(dedupKey).query().singleRow();
	}

	private int count(String keyPattern) {
		return jdbc.sql("select count(*) from mail_outbox where dedup_key like ?")
			.param(keyPattern)
			.query(Integer.class)
			.single();
	}

	static Map<String, Object> model() {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("planCode", "KH-2026-01");
		model.put("planTitle", "Kế hoạch thi đua “Dân vận khéo” năm 2026");
		model.put("registrationDeadline", Date.from(Instant.parse("2026-03-31T10:00:00Z")));
		model.put("registrationCode", "DK-2026-000123");
		model.put("registrationName", "Mô hình “Dân vận khéo” tổ tự quản an ninh");
		model.put("unitCode", "xa-cam-hai-dong");
		model.put("unitName", "Ủy ban MTTQ xã Cam Hải Đông");
		model.put("reviewUnitCode", "phuong-cam-linh");
		model.put("reviewUnitName", "Ban Thường vụ Đảng ủy phường Cam Linh");
		model.put("reviewDueDate", Date.from(Instant.parse("2026-04-15T10:00:00Z")));
		model.put("dueDate", Date.from(Instant.parse("2026-04-15T10:00:00Z")));
		model.put("decision", "RETURN");
		model.put("comment", "Bổ sung số liệu về kết quả 6 tháng & ảnh minh họa.");
		model.put("taskId", "task-42");
		model.put("taskName", "Thẩm định đăng ký");
		model.put("businessKey", "DK-2026-000123");
		return model;
	}

	@TestConfiguration
	@EnableConfigurationProperties(DvkMailProperties.class)
	static class Config {

		@Bean
		MutableClock clock() {
			return new MutableClock(NOW);
		}

		@Bean
		RecipientDirectory fakeDirectory() {
			Map<String, List<String>> members = Map.of("unit-xa-cam-hai-dong", List.of("Head@Cam-Hai-Dong.vn"),
					"reviewers-tinh", List.of("chuyenvien@tinh.vn", "lanhdao@tinh.vn"), "unit-heads",
					List.of("head@cam-hai-dong.vn", "lanhdao@tinh.vn"), "unit-empty", List.of());
			return new RecipientDirectory() {
				@Override
				public Set<String> emailsOf(Collection<String> groupIds) {
					Set<String> emails = new LinkedHashSet<>();
					groupIds.forEach(g -> members.getOrDefault(g, List.of()).forEach(e -> emails.add(e.toLowerCase())));
					return emails;
				}
			};
		}

	}

}
