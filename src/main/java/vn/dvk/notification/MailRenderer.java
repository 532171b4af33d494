package vn.dvk.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ILazyContextVariable;
import org.thymeleaf.context.LazyContextVariable;

/**
 * Renders {@code templates/mail/<template>.html} and the subject {@code mail.<template>.subject}
 * (messages/notification.properties, placeholders such as {@code {planCode}} name model
 * entries).
 * <p>
 * Before rendering, dates in the model ({@link Date}, {@link Instant}, {@link LocalDate},
 * {@link LocalDateTime}, {@link ZonedDateTime}, {@link OffsetDateTime}) become text in
 * Asia/Ho_Chi_Minh: {@code dd/MM/yyyy HH:mm} when the key names a deadline (contains
 * "deadline" or "due", or ends with "At"), {@code dd/MM/yyyy} otherwise. Links are added where
 * the ids are present and no link is given: {@code planUrl}, {@code registrationUrl},
 * {@code taskUrl} (from {@code taskId}), and always {@code tasklistUrl} and {@code baseUrl}.
 */
@Component
class MailRenderer {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

	private final ITemplateEngine templateEngine;

	private final MessageSource messages;

	private final DvkMailProperties properties;

	MailRenderer(ITemplateEngine templateEngine, MessageSource messages, DvkMailProperties properties) {
		this.templateEngine = templateEngine;
		this.messages = messages;
		this.properties = properties;
	}

	RenderedMail render(String template, Map<String, ?> model) {
		Map<String, Object> values = prepare(model);
		String subject = subject(template, values);
		Context context = new Context(VIETNAMESE, values);
		context.setVariable("subject", subject);
		String html = templateEngine.process("mail/" + template, context);
		return new RenderedMail(subject, html);
	}

	private String subject(String template, Map<String, Object> values) {
		String pattern = messages.getMessage("mail." + template + ".subject", null, VIETNAMESE);
		Matcher matcher = PLACEHOLDER.matcher(pattern);
		StringBuilder subject = new StringBuilder();
		while (matcher.find()) {
			Object value = values.get(matcher.group(1));
			if (value instanceof ILazyContextVariable<?> lazy) {
				value = lazy.getValue();
			}
			matcher.appendReplacement(subject, Matcher.quoteReplacement(value == null ? "" : value.toString()));
		}
		matcher.appendTail(subject);
		// a missing optional value must not leave "()" or a dangling ":" behind
		return subject.toString().replaceAll("\\(\\s*\\)", "").replaceAll("\\s+", " ").replaceAll("[\\s:]+$", "").trim();
	}

	private Map<String, Object> prepare(Map<String, ?> model) {
		Map<String, Object> values = new LinkedHashMap<>();
		model.forEach((key, value) -> values.put(key, format(key, value)));
		String base = properties.baseUrl();
		values.put("baseUrl", base);
		values.put("tasklistUrl", base + "/camunda/app/tasklist/default/");
		linkIfAbsent(values, "planUrl", "planCode", base + "/plans/");
		linkIfAbsent(values, "registrationUrl", "registrationCode", base + "/registrations/");
		Object taskId = values.get("taskId");
		if (values.get("taskUrl") == null && taskId instanceof ILazyContextVariable<?> lazy) {
			// a task id looked up only if the template reads it: so is its link
			values.put("taskUrl", new LazyContextVariable<String>() {

				@Override
				protected String loadValue() {
					Object id = lazy.getValue();
					return id == null ? null : taskUrl(base, id.toString());
				}

			});
		}
		else if (values.get("taskUrl") == null && taskId != null) {
			values.put("taskUrl", taskUrl(base, taskId.toString()));
		}
		return values;
	}

	static String taskUrl(String baseUrl, String taskId) {
		return baseUrl + "/camunda/app/tasklist/default/#/?task=" + UriUtils.encodeQueryParam(taskId, "UTF-8");
	}

	private static void linkIfAbsent(Map<String, Object> values, String link, String idKey, String prefix) {
		Object id = values.get(idKey);
		if (values.get(link) == null && id != null && !id.toString().isBlank()) {
			values.put(link, prefix + UriUtils.encodePathSegment(id.toString(), "UTF-8"));
		}
	}

	static Object format(String key, Object value) {
		if (value instanceof LocalDate date) {
			return DATE.format(date);
		}
		ZonedDateTime time = null;
		if (value instanceof Date date) {
			time = date.toInstant().atZone(ZONE);
		}
		else if (value instanceof Instant instant) {
			time = instant.atZone(ZONE);
		}
		else if (value instanceof ZonedDateTime zoned) {
			time = zoned.withZoneSameInstant(ZONE);
		}
		else if (value instanceof OffsetDateTime offset) {
			time = offset.atZoneSameInstant(ZONE);
		}
		else if (value instanceof LocalDateTime local) {
			time = local.atZone(ZONE);
		}
		if (time == null) {
			return value;
		}
		return (isDeadline(key) ? DATE_TIME : DATE).format(time);
	}

	private static boolean isDeadline(String key) {
		String lower = key.toLowerCase(Locale.ROOT);
		return lower.contains("deadline") || lower.contains("due") || key.endsWith("At");
	}

}
