package vn.dvk.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The steps of a season around the rush, through the API as the board's staff take them: a plan
 * issued and approved; afterwards registration closed, the evaluation opened (the plan's timers,
 * run through /engine-rest), result reports, one council session over the accepted models
 * (recognition module) and awards (award module).
 */
final class SeasonSteps {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	static final List<String> COUNCIL = List.of("council1", "council2", "council3");

	private final BenchHttp http;

	SeasonSteps(BenchHttp http) {
		this.http = http;
	}

	/** A plan open for registration, reviewed at every level, its season dates set; returns its code. */
	String openPlan(String title) {
		Instant now = Instant.now();
		Map<String, Object> draft = new LinkedHashMap<>();
		draft.put("title", title);
		draft.put("year", now.atZone(VIETNAM).getYear());
		draft.put("registrationDeadline", now.plus(2, ChronoUnit.DAYS).toString());
		String code = http.post("drafter", "/api/plans", draft).expect(201).json().path("code").asText();
		ObjectNode rules = (ObjectNode) http.get("drafter", "/api/plans/" + code + "/rules").expect(200).json();
		ObjectNode season = rules.putObject("season");
		season.put("evaluationOpensAt", now.plus(3, ChronoUnit.DAYS).toString());
		season.put("resultReportDeadline", now.plus(10, ChronoUnit.DAYS).toString());
		season.put("councilSessionAt", now.plus(12, ChronoUnit.DAYS).toString());
		season.put("awardDossierDeadline", now.plus(15, ChronoUnit.DAYS).toString());
		season.put("summaryDate", LocalDate.now(VIETNAM).plusDays(30).toString());
		rules.remove(List.of("planCode", "defaults", "scored"));
		http.put("drafter", "/api/plans/" + code + "/rules", rules).expect(200);
		http.post("drafter", "/api/plans/" + code + "/submit", null).expect(200, 202, 204);
		String task = onlyTask("approver", code, "UserTask_ApprovePlan");
		http.post("approver", "/engine-rest/task/" + task + "/complete", Map.of("variables",
				Map.of("decision", Map.of("value", "APPROVE", "type", "String")))).expect(204);
		String status = http.get("drafter", "/api/plans/" + code).expect(200).json().path("status").asText();
		if (!"REGISTRATION_OPEN".equals(status)) {
			throw new IllegalStateException("plan " + code + " is " + status);
		}
		return code;
	}

	record End(double seconds, int models, Latencies reports, Latencies assessments, double decisionSeconds,
			int awards) {
	}

	/**
	 * After the rush: registration closes, the evaluation opens (every accepted registration of the
	 * plan is asked for its result report), {@code models} units report, one council session
	 * assesses them (every member every model, recusals answered 409), the chair confirms, the
	 * decision is issued (PDF, asynchronous job), two models are awarded the board's certificate.
	 */
	End finish(String planCode, List<String> accepted, SeasonUnits units, int models) throws Exception {
		long started = System.nanoTime();
		fireTimer(planCode, "TimerEvent_RegistrationDeadline");
		fireTimer(planCode, "TimerEvent_EvaluationOpens");
		List<String> criteria = http.get("drafter", "/api/plans/" + planCode + "/rules")
			.expect(200)
			.json()
			.path("criteria")
			.findValuesAsText("code");
		Latencies reports = new Latencies();
		List<String> chosen = accepted.subList(0, Math.min(models, accepted.size()));
		for (String code : chosen) {
			String head = "head-" + http.get("drafter", "/api/registrations/" + code).expect(200).json()
				.path("unitCode").asText();
			List<Map<String, Object>> self = new ArrayList<>();
			for (String criterion : criteria) {
				self.add(Map.of("criterionCode", criterion, "met", true, "evidence", "Biên bản, ảnh, số liệu của đơn vị."));
			}
			reports.time(() -> http.post(head, "/api/registrations/" + code + "/result-report",
					Map.of("results", "Đạt và vượt các mục tiêu đề ra.", "outputs", "Quy chế, sổ theo dõi, báo cáo.",
							"selfEvaluation", self, "attachmentIds", List.of()))).expect(201);
		}
		JsonNode session = http.post("drafter", "/api/plans/" + planCode + "/recognition-sessions",
				Map.of("registrationCodes", chosen)).expect(201).json();
		String key = session.path("key").asText();
		Latencies assessments = new Latencies();
		for (String member : COUNCIL) {
			for (String code : chosen) {
				List<Map<String, Object>> marks = new ArrayList<>();
				criteria.forEach(c -> marks.add(Map.of("code", c, "met", true)));
				assessments.time(() -> http.post(member, "/api/recognition-sessions/" + key + "/assessments",
						Map.of("registrationCode", code, "criteria", marks, "comment", "Đạt các tiêu chí."))).expect(201, 409);
			}
		}
		Map<String, String> outcomes = new LinkedHashMap<>();
		chosen.forEach(code -> outcomes.put(code, "RECOGNIZE"));
		long decided = System.nanoTime();
		String confirm = onlyTask("approver", key, "UserTask_ConfirmOutcomes");
		http.post("approver", "/engine-rest/task/" + confirm + "/complete", Map.of("variables",
				Map.of("outcomes", Map.of("value", BenchHttp.JSON.writeValueAsString(outcomes), "type", "Json"))))
			.expect(204);
		long deadline = System.nanoTime() + 300_000_000_000L;
		while (!"DECIDED".equals(http.get("drafter", "/api/recognition-sessions/" + key).expect(200).json()
			.path("status").asText())) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("session " + key + " not decided in 5 minutes");
			}
			Thread.sleep(200);
		}
		double decisionSeconds = (System.nanoTime() - decided) / 1e9;
		int awards = 0;
		for (String code : chosen.subList(0, Math.min(2, chosen.size()))) {
			String nomination = http.post("drafter", "/api/awards/nominations", Map.of("planCode", planCode, "awardType",
					"GIAY_KHEN_BAN", "recipientKind", "COLLECTIVE", "registrationCode", code, "achievement",
					"Có thành tích xuất sắc trong xây dựng mô hình.")).expect(201).json().path("code").asText();
			String task = onlyTask("awardapprover", nomination, "UserTask_ApproveAward");
			http.post("awardapprover", "/engine-rest/task/" + task + "/complete", Map.of("variables",
					Map.of("decision", Map.of("value", "APPROVE", "type", "String"), "comment",
							Map.of("value", "Đồng ý khen thưởng.", "type", "String")))).expect(204);
			String status = http.get("drafter", "/api/awards/nominations/" + nomination).expect(200).json()
				.path("status").asText();
			if (!"AWARDED".equals(status)) {
				throw new IllegalStateException("nomination " + nomination + " is " + status);
			}
			awards++;
		}
		return new End((System.nanoTime() - started) / 1e9, chosen.size(), reports, assessments, decisionSeconds,
				awards);
	}

	String onlyTask(String user, String businessKey, String definitionKey) {
		JsonNode tasks = http.get(user, "/engine-rest/task?processInstanceBusinessKey=" + businessKey
				+ "&taskDefinitionKey=" + definitionKey + "&candidateUser=" + user + "&maxResults=10").expect(200).json();
		if (tasks.size() != 1) {
			throw new IllegalStateException(definitionKey + " of " + businessKey + " for " + user + ": " + tasks);
		}
		return tasks.get(0).path("id").asText();
	}

	/** Runs the plan's waiting timer now (as an operator would from Cockpit or /engine-rest). */
	void fireTimer(String planCode, String activityId) {
		JsonNode instances = http.get("admin", "/engine-rest/process-instance?processDefinitionKey=PlanIssuanceProcess"
				+ "&businessKey=" + planCode + "&maxResults=10").expect(200).json();
		String instance = instances.get(0).path("id").asText();
		JsonNode jobs = http.get("admin", "/engine-rest/job?processInstanceId=" + instance + "&activityId=" + activityId
				+ "&maxResults=10").expect(200).json();
		if (jobs.size() != 1) {
			throw new IllegalStateException("timer " + activityId + " of " + planCode + ": " + jobs);
		}
		http.post("admin", "/engine-rest/job/" + jobs.get(0).path("id").asText() + "/execute", null).expect(204);
	}

}
