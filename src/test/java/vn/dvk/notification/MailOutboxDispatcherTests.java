package vn.dvk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.system.EmbeddedPostgresConfiguration;

/**
 * The dispatcher against a real SMTP server (GreenMail on free loopback ports) and real
 * PostgreSQL; no test transaction, because the dispatcher commits its own.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(EmbeddedPostgresConfiguration.class)
@ActiveProfiles("test")
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class MailOutboxDispatcherTests {

	static final String SUBJECT = "Đăng ký DK-2026-000123 được trả lại để chỉnh sửa";

	static final String BODY = "<p>Lý do trả lại: bổ sung số liệu, ảnh minh họa – “Dân vận khéo”.</p>";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactionManager;

	MutableClock clock = new MutableClock(Instant.parse("2026-03-02T01:30:00Z"));

	SimpleMeterRegistry meters = new SimpleMeterRegistry();

	MailOutbox outbox;

	GreenMail server;

	int smtpPort;

	@BeforeEach
	void setUp() {
		jdbc.sql("delete from mail_outbox").update();
		outbox = new MailOutbox(jdbc, transactionManager);
		server = startServer(0);
		smtpPort = server.getSmtp().getPort();
	}

	@AfterEach
	void tearDown() {
		server.stop();
	}

	@Test
	void deliversUtf8HtmlMailAndMarksItSent() throws Exception {
		long id = queue("k1", "truong.ban@cam-hai-dong.vn");

		assertThat(dispatcher(20).dispatchDue()).isEqualTo(1);

		MimeMessage[] received = server.getReceivedMessages();
		assertThat(received).hasSize(1);
		MimeMessage mail = received[0];
		assertThat(mail.getSubject()).isEqualTo(SUBJECT);
		assertThat(mail.getContentType()).contains("text/html").containsIgnoringCase("UTF-8");
		assertThat((String) mail.getContent()).contains(BODY);
		assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
			.containsExactly("truong.ban@cam-hai-dong.vn");
		InternetAddress from = (InternetAddress) mail.getFrom()[0];
		assertThat(from.getAddress()).isEqualTo("dvk@localhost");
		assertThat(from.getPersonal()).isEqualTo("Ban Tuyên giáo và Dân vận Tỉnh ủy");

		Map<String, Object> row = row(id);
		assertThat(row.get("status")).isEqualTo("SENT");
		assertThat(row.get("attempts")).isEqualTo(1);
		assertThat(row.get("sent_at")).isNotNull();
		assertThat(meters.counter("dvk.mail.sent").count()).isEqualTo(1.0);

		// an operator reads it over IMAP: login = password = the recipient address
		Store store = Session.getInstance(new Properties()).getStore("imap");
		store.connect("127.0.0.1", server.getImap().getPort(), "truong.ban@cam-hai-dong.vn",
				"truong.ban@cam-hai-dong.vn");
		try {
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_ONLY);
			assertThat(inbox.getMessages()).extracting(Message::getSubject).containsExactly(SUBJECT);
			inbox.close(false);
		}
		finally {
			store.close();
		}
	}

	@Test
	void keepsMailPendingWhileSmtpIsDownAndRetriesWithBackoff() {
		long id = queue("k1", "a@cam-hai-dong.vn");
		server.stop();
		MailOutboxDispatcher dispatcher = dispatcher(20);

		assertThat(dispatcher.dispatchDue()).isZero();

		Map<String, Object> row = row(id);
		assertThat(row.get("status")).isEqualTo("PENDING");
		assertThat(row.get("attempts")).isEqualTo(1);
		assertThat((String) row.get("last_error")).isNotBlank();
		assertThat(((Timestamp) row.get("next_attempt_at")).toInstant())
			.isEqualTo(clock.instant().plusSeconds(30));

		server = startServer(smtpPort);
		assertThat(dispatcher.dispatchDue()).as("not due before the backoff has passed").isZero();
		assertThat(server.getReceivedMessages()).isEmpty();

		clock.advance(Duration.ofSeconds(31));
		assertThat(dispatcher.dispatchDue()).isEqualTo(1);
		assertThat(server.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly(SUBJECT);
		assertThat(row(id)).containsEntry("status", "SENT").containsEntry("attempts", 2);
		assertThat(row(id).get("last_error")).isNull();
	}

	@Test
	void backoffDoublesFromThirtySecondsUpToOneHour() {
		DvkMailProperties.Dispatcher settings = properties(20).dispatcher();
		assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.backoffAfter(2)).isEqualTo(Duration.ofMinutes(1));
		assertThat(settings.backoffAfter(4)).isEqualTo(Duration.ofMinutes(4));
		assertThat(settings.backoffAfter(7)).isEqualTo(Duration.ofMinutes(32));
		assertThat(settings.backoffAfter(8)).isEqualTo(Duration.ofHours(1));
		assertThat(settings.backoffAfter(40)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void marksMailFailedAfterTheLastAttempt() {
		long id = queue("k1", "a@cam-hai-dong.vn");
		server.stop();
		MailOutboxDispatcher dispatcher = dispatcher(20);

		for (int attempt = 1; attempt < 10; attempt++) {
			dispatcher.dispatchDue();
			assertThat(row(id)).containsEntry("status", "PENDING").containsEntry("attempts", attempt);
			clock.advance(Duration.ofHours(2));
		}
		dispatcher.dispatchDue();

		assertThat(row(id)).containsEntry("status", "FAILED").containsEntry("attempts", 10);
		assertThat(meters.counter("dvk.mail.failed").count()).isEqualTo(1.0);
		clock.advance(Duration.ofDays(1));
		assertThat(dispatcher.dispatchDue()).isZero();
		assertThat(row(id)).containsEntry("attempts", 10);
	}

	@Test
	void skipsRowsAnotherNodeHasLocked() throws Exception {
		long locked = queue("locked", "a@cam-hai-dong.vn");
		long free = queue("free", "b@cam-hai-dong.vn");
		MailOutboxDispatcher dispatcher = dispatcher(20);

		try (Connection otherNode = dataSource.getConnection()) {
			otherNode.setAutoCommit(false);
			try (PreparedStatement lock = otherNode
				.prepareStatement("select id from mail_outbox where id = ? for update")) {
				lock.setLong(1, locked);
				lock.executeQuery().close();
			}

			int sent = assertTimeoutPreemptively(Duration.ofSeconds(20), dispatcher::dispatchDue,
					"the dispatcher must not wait for the locked row");

			assertThat(sent).isEqualTo(1);
			assertThat(row(free)).containsEntry("status", "SENT");
			assertThat(row(locked)).containsEntry("status", "PENDING").containsEntry("attempts", 0);
			otherNode.rollback();
		}

		assertThat(dispatcher.dispatchDue()).isEqualTo(1);
		assertThat(row(locked)).containsEntry("status", "SENT");
	}

	@Test
	void twoDispatchersRunningAtOnceSendEveryRowExactlyOnce() throws Exception {
		int rows = 30;
		for (int i = 0; i < rows; i++) {
			queue("k" + i, "user" + i + "@cam-hai-dong.vn");
		}
		List<MailOutboxDispatcher> nodes = List.of(dispatcher(3), dispatcher(3));
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (MailOutboxDispatcher node : nodes) {
				Callable<Integer> round = () -> {
					start.await();
					return node.dispatchDue();
				};
				results.add(pool.submit(round));
			}
			start.countDown();
			int sent = 0;
			for (Future<Integer> result : results) {
				sent += result.get();
			}
			assertThat(sent).isEqualTo(rows);
		}
		finally {
			pool.shutdownNow();
		}

		MimeMessage[] received = server.getReceivedMessages();
		assertThat(received).hasSize(rows);
		assertThat(Arrays.stream(received).map(m -> {
			try {
				return m.getAllRecipients()[0].toString();
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).distinct().count()).isEqualTo(rows);
		assertThat(jdbc.sql("select count(*) from mail_outbox where status = 'SENT' and attempts = 1")
			.query(Integer.class)
			.single()).isEqualTo(rows);
	}

	@Test
	void stopsHandingMailToSmtpOnceHalfTheLeaseIsGoneAndGivesTheRestBack() {
		long first = queue("k1", "a@cam-hai-dong.vn");
		long second = queue("k2", "b@cam-hai-dong.vn");
		long third = queue("k3", "c@cam-hai-dong.vn");
		// a slow SMTP server: each message takes two of the lease's five minutes
		JavaMailSenderImpl slow = new JavaMailSenderImpl() {
			@Override
			public void send(MimeMessage message) {
				super.send(message);
				clock.advance(Duration.ofMinutes(2));
			}
		};
		slow.setHost("127.0.0.1");
		slow.setPort(smtpPort);
		MailOutboxDispatcher dispatcher = new MailOutboxDispatcher(outbox, slow, properties(20), clock, meters);

		assertThat(dispatcher.dispatchDue()).isEqualTo(2);

		// after four minutes another node could claim the third row within a minute: not ours to send any more
		assertThat(server.getReceivedMessages()).hasSize(2);
		assertThat(row(first)).containsEntry("status", "SENT");
		assertThat(row(second)).containsEntry("status", "SENT");
		assertThat(row(third)).containsEntry("status", "PENDING").containsEntry("attempts", 0);
		assertThat(((Timestamp) row(third).get("next_attempt_at")).toInstant()).as("given back at once")
			.isEqualTo(clock.instant());

		assertThat(dispatcher(20).dispatchDue()).isEqualTo(1);
		assertThat(row(third)).containsEntry("status", "SENT");
		assertThat(server.getReceivedMessages()).hasSize(3);
	}

	private long queue(String key, String recipient) {
		outbox.insert(key, "registration-returned", List.of(recipient), new RenderedMail(SUBJECT, BODY),
				clock.instant());
		return jdbc.sql("select id from mail_outbox where dedup_key = ?").param(key).query(Long.class).single();
	}

	private Map<String, Object> row(long id) {
		return jdbc.sql("select * from mail_outbox where id = ?").param(id).query().singleRow();
	}

	private MailOutboxDispatcher dispatcher(int batchSize) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(smtpPort);
		sender.setDefaultEncoding("UTF-8");
		Properties javaMail = new Properties();
		javaMail.put("mail.smtp.connectiontimeout", "2000");
		javaMail.put("mail.smtp.timeout", "5000");
		sender.setJavaMailProperties(javaMail);
		return new MailOutboxDispatcher(outbox, sender, properties(batchSize), clock, meters);
	}

	private static DvkMailProperties properties(int batchSize) {
		return new DvkMailProperties("Ban Tuyên giáo và Dân vận Tỉnh ủy <dvk@localhost>", "http://localhost:8080/",
				new DvkMailProperties.Dispatcher(true, Duration.ofSeconds(2), batchSize, 10, Duration.ofSeconds(30),
						Duration.ofHours(1), Duration.ofMinutes(5)));
	}

	private static GreenMail startServer(int smtpPort) {
		GreenMail greenMail = new GreenMail(new ServerSetup[] { new ServerSetup(smtpPort, "127.0.0.1", "smtp"),
				new ServerSetup(0, "127.0.0.1", "imap") });
		greenMail.start();
		return greenMail;
	}

}
