package vn.dvk.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

import org.springframework.stereotype.Component;

/**
 * How every page writes dates: {@code dd/MM/yyyy}, and {@code dd/MM/yyyy HH:mm} for moments, in
 * Vietnam's time zone. Templates call it as {@code ${@dates.date(x)}} and
 * {@code ${@dates.dateTime(x)}}; a null gives an empty string.
 */
@Component("dates")
public class PortalDates {

	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZONE);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZONE);

	/** {@code 31/03/2026} from an {@link Instant}, a {@link LocalDate} or any date-time. */
	public String date(TemporalAccessor value) {
		return value == null ? "" : DATE.format(value);
	}

	/** {@code 31/03/2026 17:00} from an {@link Instant} or a zoned date-time. */
	public String dateTime(TemporalAccessor value) {
		return value == null ? "" : DATE_TIME.format(value);
	}

	/** The value of an {@code <input type="date">}: ISO {@code yyyy-MM-dd} in Vietnam's zone. */
	public String inputDate(Instant value) {
		return value == null ? "" : LocalDate.ofInstant(value, ZONE).toString();
	}

}
