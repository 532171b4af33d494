package vn.dvk.reporting.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

/**
 * Uploaded import files waiting for the specialist's "commit", kept server-side in the person's
 * session under a random token (the browser never re-posts the rows). At most
 * {@link #KEPT} files per session, the oldest dropped first; a file belongs to whoever uploaded it.
 */
final class PendingImports {

	static final int KEPT = 2;

	private static final String ATTRIBUTE = PendingImports.class.getName();

	private PendingImports() {
	}

	record Pending(String owner, String fileName, byte[] content) {
	}

	static String keep(HttpSession session, String owner, String fileName, byte[] content) {
		Map<String, Pending> files = files(session);
		while (files.size() >= KEPT) {
			files.remove(files.keySet().iterator().next());
		}
		String token = UUID.randomUUID().toString();
		files.put(token, new Pending(owner, fileName, content));
		session.setAttribute(ATTRIBUTE, files);
		return token;
	}

	static Optional<Pending> find(HttpSession session, String token, String owner) {
		return Optional.ofNullable(files(session).get(token)).filter(p -> p.owner().equals(owner));
	}

	static void drop(HttpSession session, String token) {
		Map<String, Pending> files = files(session);
		files.remove(token);
		session.setAttribute(ATTRIBUTE, files);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Pending> files(HttpSession session) {
		Object files = session.getAttribute(ATTRIBUTE);
		return files instanceof Map<?, ?> map ? (Map<String, Pending>) map : new LinkedHashMap<>();
	}

}
