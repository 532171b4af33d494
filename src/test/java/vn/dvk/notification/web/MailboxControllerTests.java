package vn.dvk.notification.web;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.time.OffsetDateTime;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.dvk.notification.web.OutboxListing.OutboxRow;

// the shared ProblemDetailsAdvice is left out: it does not start in a web context yet (an
// ambiguous handler for MaxUploadSizeExceededException, reported to the shared kernel's owner)
@WebMvcTest(controllers = MailboxController.class,
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "vn\\.dvk\\.shared\\.web\\..*"))
@Import({ EmbeddedMailbox.class, MailboxControllerTests.Server.class })
@ActiveProfiles("test")
@WithMockUser(authorities = "GROUP_camunda-admin")
class MailboxControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	GreenMail server;

	@MockitoBean
	OutboxListing outbox;

	@Test
	void listsReceivedMailAndTheOutboxInVietnamese() throws Exception {
		deliver("Đăng ký DK-2026-000123 đã được tiếp nhận", "<p>Chúc mừng đơn vị!</p>");
		when(outbox.pendingOrFailed()).thenReturn(List.of(new OutboxRow(7, "plan-published", "a@tinh.vn",
				"Ban hành Kế hoạch KH-2026-01", "FAILED", 10, OffsetDateTime.now(), "Máy chủ SMTP không phản hồi",
				OffsetDateTime.now(), null)));
		when(outbox.lastSent()).thenReturn(List.of());

		mvc.perform(get("/ops/mailbox"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Hộp thư hệ thống")))
			.andExpect(content().string(containsString("Thư đã nhận")))
			.andExpect(content().string(containsString("Hàng đợi gửi thư")))
			.andExpect(content().string(containsString("Đăng ký DK-2026-000123 đã được tiếp nhận")))
			.andExpect(content().string(containsString("truong.ban@cam-hai-dong.vn")))
			.andExpect(content().string(containsString("href=\"/ops/mailbox/0\"")))
			.andExpect(content().string(containsString("Thất bại")))
			.andExpect(content().string(containsString("Máy chủ SMTP không phản hồi")))
			.andExpect(content().string(matchesPattern("(?s).*/webjars/bootstrap/[^\"]*css/bootstrap.min.css.*")))
			.andExpect(content().string(containsString("tên đăng nhập và mật khẩu đều là địa chỉ thư")))
			// a port is a number without grouping: 3143, not 3.143
			.andExpect(content().string(containsString("cổng " + server.getImap().getPort() + ",")));
	}

	@Test
	void showsOneMessageInASandboxedFrame() throws Exception {
		deliver("Nhắc thẩm định: đăng ký DK-2026-000124 đã quá hạn xử lý", "<p>Đề nghị xử lý</p><script>alert(1)</script>");

		mvc.perform(get("/ops/mailbox/{index}", server.getReceivedMessages().length - 1))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nhắc thẩm định: đăng ký DK-2026-000124 đã quá hạn xử lý")))
			.andExpect(content().string(containsString("sandbox=\"\"")))
			.andExpect(content().string(containsString("srcdoc=\"&lt;p&gt;Đề nghị xử lý&lt;/p&gt;")))
			.andExpect(content().string(not(containsString("<script>alert(1)</script>"))))
			.andExpect(content().string(containsString("Quay lại hộp thư")));
	}

	@Test
	void answersNotFoundForAnUnknownMessage() throws Exception {
		mvc.perform(get("/ops/mailbox/{index}", 9999)).andExpect(status().isNotFound());
	}

	private void deliver(String subject, String html) throws Exception {
		java.util.Properties smtp = new java.util.Properties();
		smtp.put("mail.smtp.host", "127.0.0.1");
		smtp.put("mail.smtp.port", String.valueOf(server.getSmtp().getPort()));
		MimeMessage message = new MimeMessage(Session.getInstance(smtp));
		message.setFrom(new InternetAddress("dvk@localhost", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "UTF-8"));
		message.setRecipients(MimeMessage.RecipientType.TO, "truong.ban@cam-hai-dong.vn");
		message.setSubject(subject, "UTF-8");
		message.setContent(html, "text/html; charset=UTF-8");
		int before = server.getReceivedMessages().length;
		Transport.send(message);
		server.waitForIncomingEmail(5000, before + 1);
	}

	@TestConfiguration
	static class Server {

		@Bean(destroyMethod = "stop")
		GreenMail embeddedMailServer() {
			GreenMail greenMail = new GreenMail(new ServerSetup[] { new ServerSetup(0, "127.0.0.1", "smtp"),
					new ServerSetup(0, "127.0.0.1", "imap") });
			greenMail.start();
			return greenMail;
		}

	}

}
