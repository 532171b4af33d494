package vn.dvk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The deadline rush through the real HTTP API: unit heads submit {@code count} registrations
 * at once ({@code POST /api/registrations}, every n-th followed by an attachment) while the
 * reviewers of each level work through their task lists ({@code GET /engine-rest/task}, paged)
 * and approve ({@code POST /engine-rest/task/{id}/complete}). It ends when the last
 * registration is accepted by the province.
 */
final class DvkRush {

	static final String REVIEW_TASK = "UserTask_ReviewRegistration";

	/** A reviewer who finds nothing new in the list looks again after this pause (as a person refreshing). */
	static final long IDLE_MILLIS = 250;

	private final BenchSettings settings;

	private final List<AppNode> nodes;

	private final SeasonUnits units;

	DvkRush(BenchSettings settings, List<AppNode> nodes, SeasonUnits units) {
		this.settings = settings;
		this.nodes = nodes;
		this.units = units;
	}

	/**
	 * @param conflicts decisions answered 500 because the engine found the review changed meanwhile
	 *        (an attachment added while it was being decided: OptimisticLockingException) and repeated
	 */
	record Result(int accepted, double seconds, Latencies submit, Latencies attach, Latencies taskList,
			Latencies review, List<String> codes, int conflicts) {

		double perSecond() {
			return accepted / seconds;
		}

	}

	/** A PDF of about 200 KB (the attachment's type is read from its content). */
	static byte[] attachment(int index) {
		StringBuilder pdf = new StringBuilder("%PDF-1.4\n% Biên bản họp dân số " + index + "\n");
		while (pdf.length() < 200_000) {
			pdf.append("% Nội dung biên bản họp dân, ảnh hoạt động của mô hình.\n");
		}
		return pdf.append("%%EOF\n").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	static String rushName(String marker, int i) {
		return "Mô hình thử tải " + marker + "R" + i + " “Dân vận khéo trong mùa cao điểm”";
	}

	Result run(String planCode, String marker, int count) throws Exception {
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			codes.add(null);
		}
		Latencies submit = new Latencies();
		Latencies attach = new Latencies();
		Latencies taskList = new Latencies();
		Latencies review = new Latencies();
		AtomicInteger accepted = new AtomicInteger();
		AtomicInteger submitted = new AtomicInteger();
		AtomicInteger conflicts = new AtomicInteger();
		AtomicLong lastAccepted = new AtomicLong();
		Set<String> completed = ConcurrentHashMap.newKeySet();
		String rushMark = marker + "R";
		// how many registrations end at each reviewer (their last level): the province for all
		String finalReviewer = units.units().get(0).reviewers().get(units.units().get(0).reviewers().size() - 1);

		List<String> reviewers = units.reviewers();
		int reviewerThreads = Math.max(settings.reviewers(), reviewers.size());
		ExecutorService pool = Executors.newFixedThreadPool(settings.submitters() + reviewerThreads);
		long started = System.nanoTime();
		try {
			List<Future<?>> work = new ArrayList<>();
			AtomicInteger next = new AtomicInteger();
			for (int t = 0; t < settings.submitters(); t++) {
				work.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						SeasonUnits.Unit unit = units.unit(i);
						BenchHttp http = node(i).http();
						int index = i;
						BenchHttp.Response created = submit.time(() -> http.post(unit.head(), "/api/registrations",
								SeasonUnits.registrationBody(planCode, rushName(marker, index), index),
								Map.of("Idempotency-Key", marker + "-" + index)));
						created.expect(201);
						String code = created.json().path("code").asText();
						codes.set(i, code);
						submitted.incrementAndGet();
						if (settings.attachmentEvery() > 0 && i % settings.attachmentEvery() == 0) {
							attach.time(() -> http.upload(unit.head(), "/api/registrations/" + code + "/attachments",
									"bien-ban-hop-dan-" + index + ".pdf", "application/pdf", attachment(index), Map.of()))
								.expect(201);
						}
					}
					return null;
				}));
			}
			// reviewers: the lower levels get one client each, the province the rest
			List<String[]> assignments = new ArrayList<>();
			for (int t = 0; t < reviewerThreads; t++) {
				String user = t < reviewers.size() - 1 ? reviewers.get(t) : finalReviewer;
				assignments.add(new String[] { user });
			}
			for (int t = 0; t < reviewerThreads; t++) {
				String user = assignments.get(t)[0];
				int share = (int) assignments.stream().filter(a -> a[0].equals(user)).count();
				int mine = (int) assignments.subList(0, t).stream().filter(a -> a[0].equals(user)).count();
				BenchHttp http = node(t).http();
				work.add(pool.submit(() -> {
					while (accepted.get() < count) {
						JsonNode tasks = taskList.time(() -> http.get(user, "/engine-rest/task?candidateUser=" + user
								+ "&taskDefinitionKey=" + REVIEW_TASK + "&sortBy=created&sortOrder=desc&maxResults=50"))
							.expect(200)
							.json();
						int done = 0;
						for (JsonNode task : tasks) {
							String id = task.path("id").asText();
							if (!task.path("name").asText().contains(rushMark)
									|| Math.floorMod(id.hashCode(), share) != mine || !completed.add(id)) {
								continue;
							}
							decide(http, user, id, review, conflicts);
							done++;
							if (user.equals(finalReviewer)) {
								accepted.incrementAndGet();
								lastAccepted.set(System.nanoTime());
							}
						}
						if (done == 0) {
							Thread.sleep(IDLE_MILLIS);
						}
					}
					return null;
				}));
			}
			for (Future<?> f : work) {
				f.get(2, TimeUnit.HOURS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		double seconds = (lastAccepted.get() - started) / 1e9;
		return new Result(accepted.get(), seconds, submit, attach, taskList, review, List.copyOf(codes),
				conflicts.get());
	}

	/**
	 * Approves the task as a reviewer does in Tasklist; a decision that meets a concurrent change of
	 * the review (the engine's optimistic locking: HTTP 500, nothing committed) is repeated, as the
	 * reviewer would.
	 */
	static void decide(BenchHttp http, String user, String taskId, Latencies review, AtomicInteger conflicts)
			throws Exception {
		for (int attempt = 1;; attempt++) {
			BenchHttp.Response answer = review.time(() -> http.post(user, "/engine-rest/task/" + taskId + "/complete",
					Map.of("variables", Map.of("decision", Map.of("value", "APPROVE", "type", "String"), "comment",
							Map.of("value", "Đồng ý tiếp nhận.", "type", "String")))));
			if (answer.status() == 500 && attempt < 5 && (answer.text().contains("ENGINE-03005")
					|| answer.text().contains("OptimisticLocking") || answer.text().contains("updated by another"))) {
				conflicts.incrementAndGet();
				continue;
			}
			answer.expect(204);
			return;
		}
	}

	/** Registrations submitted and left waiting for their first review (the reviewers' open tasks at rest). */
	List<String> submitOpen(String planCode, String marker, int count) throws Exception {
		List<String> codes = java.util.Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(settings.submitters());
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				work.add(pool.submit(() -> {
					SeasonUnits.Unit unit = units.unit(index);
					codes.add(node(index).http()
						.post(unit.head(), "/api/registrations",
								SeasonUnits.registrationBody(planCode,
										"Mô hình chờ thẩm định " + marker + "O" + index + " “Tổ dân phố tự quản”", index),
								Map.of("Idempotency-Key", marker + "-open-" + index))
						.expect(201)
						.json()
						.path("code")
						.asText());
					return null;
				}));
			}
			for (Future<?> f : work) {
				f.get(30, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdownNow();
		}
		return codes;
	}

	private AppNode node(int index) {
		return nodes.get(index % nodes.size());
	}

}
