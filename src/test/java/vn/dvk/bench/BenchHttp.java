package vn.dvk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP to one application node as people and tools reach it: the API and /engine-rest with the
 * demo users (HTTP Basic, password {@code demo}); the actuator through the portal's sign-in.
 */
final class BenchHttp {

	static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient client;

	BenchHttp(int port) {
		this.base = "http://127.0.0.1:" + port;
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	record Response(int status, byte[] body) {

		JsonNode json() {
			try {
				return body.length == 0 ? JSON.nullNode() : JSON.readTree(body);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		String text() {
			return new String(body, StandardCharsets.UTF_8);
		}

		Response expect(int... statuses) {
			for (int s : statuses) {
				if (s == status) {
					return this;
				}
			}
			throw new IllegalStateException("HTTP " + status + ": " + text());
		}

	}

	Response get(String user, String path) {
		return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET(), Map.of());
	}

	Response post(String user, String path, Object body) {
		return post(user, path, body, Map.of());
	}

	Response post(String user, String path, Object body, Map<String, String> headers) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
				.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body == null ? Map.of() : body)))
				.header("Content-Type", "application/json");
			return send(user, request, headers);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Response put(String user, String path, Object body) {
		try {
			return send(user, HttpRequest.newBuilder(URI.create(base + path))
				.PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
				.header("Content-Type", "application/json"), Map.of());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** multipart/form-data with one file part {@code file} and text fields. */
	Response upload(String user, String path, String fileName, String contentType, byte[] content,
			Map<String, String> fields) {
		String boundary = "bench" + UUID.randomUUID().toString().replace("-", "");
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		fields.forEach((name, value) -> write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n"));
		write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
		out.writeBytes(content);
		write(out, "\r\n--" + boundary + "--\r\n");
		return send(user, HttpRequest.newBuilder(URI.create(base + path))
			.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary), Map.of());
	}

	private static void write(java.io.ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	private Response send(String user, HttpRequest.Builder request, Map<String, String> headers) {
		// long enough for the plan's evaluation timer run through /engine-rest: it asks every accepted
		// registration of the rush for its result report in one transaction
		request.timeout(Duration.ofMinutes(10)).header("Accept", "application/json");
		if (user != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		headers.forEach(request::header);
		try {
			HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A browser-like session signed in to the portal (the actuator's endpoints need it). */
	static final class Session {

		private final String base;

		private final HttpClient client;

		Session(int port, String user) {
			this.base = "http://127.0.0.1:" + port;
			this.client = HttpClient.newBuilder()
				.cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			String page = text(HttpRequest.newBuilder(URI.create(base + "/login")).GET());
			Matcher csrf = CSRF.matcher(page);
			if (!csrf.find()) {
				throw new IllegalStateException("no CSRF token on /login");
			}
			String form = "username=" + enc(user) + "&password=demo&_csrf=" + enc(csrf.group(1));
			text(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)));
		}

		JsonNode json(String path) {
			try {
				return JSON.readTree(text(HttpRequest.newBuilder(URI.create(base + path)).header("Accept",
						"application/json").GET()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private String text(HttpRequest.Builder request) {
			try {
				return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString())
					.body();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private static String enc(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

}
