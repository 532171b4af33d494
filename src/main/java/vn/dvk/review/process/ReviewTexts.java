package vn.dvk.review.process;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Vietnamese texts of {@code messages/review.properties} for what the processes write. */
final class ReviewTexts {

	private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("messages.review", Locale.ROOT,
			ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

	private ReviewTexts() {
	}

	static String get(String key, Object... args) {
		return new MessageFormat(MESSAGES.getString(key), Locale.forLanguageTag("vi")).format(args);
	}

	static String getOrDefault(String key, String fallback) {
		try {
			return MESSAGES.getString(key);
		}
		catch (MissingResourceException ex) {
			return fallback;
		}
	}

}
