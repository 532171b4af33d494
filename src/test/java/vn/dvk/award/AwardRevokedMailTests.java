package vn.dvk.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The revocation email (templates/mail/award-revoked.html, on the mail layout) names the award,
 * the recipient, the reason and the legal basis; its subject is in messages/notification.properties.
 */
class AwardRevokedMailTests {

	@Test
	void theRevocationMailGivesTheReasonAndTheLegalBasis() {
		String html = engine().process("mail/" + AwardNominationService.REVOKED_MAIL,
				new Context(Locale.forLanguageTag("vi"), Map.of("nominationCode", "KT-2026-0002", "awardName",
						"Giấy khen của Ban Tuyên giáo và Dân vận Tỉnh ủy", "recipientKind", "INDIVIDUAL",
						"recipientName", "Trần Văn Hùng", "recipientUnitName", "Xã Cam Hải Đông", "decisionNumber",
						"12/QĐ-BTGDV", "decisionDate", "10/12/2026", "reason", "Khai man thành tích", "legalBasis",
						"Điều 96 Luật Thi đua, khen thưởng 2022", "revokedAt", "15/12/2026 09:00")));

		assertThat(html).contains("Thông báo thu hồi khen thưởng", "Lãnh đạo Xã Cam Hải Đông",
				"Giấy khen của Ban Tuyên giáo và Dân vận Tỉnh ủy", "đồng chí", "Trần Văn Hùng",
				"Quyết định số <span>12/QĐ-BTGDV</span>", "KT-2026-0002", "Lý do thu hồi:", "Khai man thành tích",
				"Căn cứ pháp lý:", "Điều 96 Luật Thi đua, khen thưởng 2022");
	}

	@Test
	void theRevocationMailHasAVietnameseSubject() throws IOException {
		Properties subjects = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/messages/notification.properties")) {
			subjects.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}

		assertThat(subjects.getProperty("mail.award-revoked.subject")).contains("Thu hồi khen thưởng",
				"{nominationCode}", "{awardName}", "{recipientName}");
	}

	private static SpringTemplateEngine engine() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		return engine;
	}

}
