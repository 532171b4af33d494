package vn.dvk.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Column values of the modules' JDBC repositories: timestamptz as Instant, jsonb as objects.
 */
public final class JdbcValues {

	private static final ObjectMapper JSON = new ObjectMapper();

	private JdbcValues() {
	}

	/** A timestamptz column as an Instant (null stays null). */
	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/** An Instant as a value for a timestamptz parameter (null stays null). */
	public static OffsetDateTime timestamp(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	/** A value as JSON text for a jsonb parameter. */
	public static String json(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write JSON of " + value, ex);
		}
	}

	/** A jsonb column's text as the given type. */
	public static <T> T fromJson(String json, TypeReference<T> type) {
		try {
			return JSON.readValue(json, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot read JSON: " + json, ex);
		}
	}

}
