package vn.dvk.system;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanDraft;
import vn.dvk.plan.PlanRules;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.PlanStatus;
import vn.dvk.plan.ReviewMode;
import vn.dvk.plan.SeasonDates;
import vn.dvk.plan.process.PlanIssuanceProcess;
import vn.dvk.security.Groups;
import vn.dvk.shared.process.EngineIdentity;

/**
 * Makes sure the demo has a plan open for registration, created the way people create one:
 * the drafter drafts and submits it, the approver approves it in its process (which publishes
 * it and emails the units).
 */
@Component
class DemoPlanSeeder {

	private static final Logger log = LoggerFactory.getLogger(DemoPlanSeeder.class);

	private final PlanService plans;

	private final TaskService tasks;

	private final IdentityService identity;

	private final Clock clock;

	DemoPlanSeeder(PlanService plans, TaskService tasks, IdentityService identity, Clock clock) {
		this.plans = plans;
		this.tasks = tasks;
		this.identity = identity;
		this.clock = clock;
	}

	void seed() {
		if (plans.list().stream().anyMatch(p -> p.status() == PlanStatus.REGISTRATION_OPEN)) {
			return;
		}
		ZonedDateTime now = ZonedDateTime.now(clock);
		int year = now.getYear();
		ZonedDateTime deadline = now.plusDays(30).with(LocalTime.of(17, 0));
		PlanDraft draft = new PlanDraft(null,
				"Kế hoạch triển khai phong trào thi đua “Dân vận khéo” năm " + year, year, "35-CT/TU",
				LocalDate.of(2022, 11, 2),
				"Triển khai Chỉ thị số 35-CT/TU ngày 02/11/2022 của Ban Thường vụ Tỉnh ủy về tiếp tục đẩy mạnh "
						+ "phong trào thi đua “Dân vận khéo”; các đơn vị đăng ký xây dựng mô hình, điển hình "
						+ "và gửi về Ban Tuyên giáo và Dân vận Tỉnh ủy trước thời hạn.",
				List.of(), List.of(), ReviewMode.EVERY_LEVEL, deadline.toInstant(), 7, 7, 14);
		Plan plan = EngineIdentity.callAs(identity, "drafter", List.of(Groups.PLAN_DRAFTERS), () -> {
			Plan created = plans.create(draft, "drafter");
			plans.updateRules(created.code(), seasonRules(deadline), "drafter");
			return plans.submit(created.code(), "drafter");
		});
		Task approval = tasks.createTaskQuery()
			.processInstanceBusinessKey(plan.code())
			.taskDefinitionKey(PlanIssuanceProcess.Ids.APPROVE_PLAN)
			.singleResult();
		EngineIdentity.callAs(identity, "approver", List.of(Groups.PLAN_APPROVERS), () -> {
			tasks.complete(approval.getId(), Map.of(PlanIssuanceProcess.Vars.DECISION, "APPROVE",
					PlanIssuanceProcess.Vars.COMMENT, "Đồng ý ban hành."));
			return null;
		});
		log.info("Demo plan {} seeded and approved: {}", plan.code(), plans.require(plan.code()).status());
	}

	/**
	 * The default checklist and award catalogue with the season's dates after the registration
	 * deadline: evaluation opens a week later, reports are due a month after that, then the
	 * council, the award dossiers and the year-end summary.
	 */
	private static PlanRules seasonRules(ZonedDateTime registrationDeadline) {
		ZonedDateTime opens = registrationDeadline.plusDays(7).with(LocalTime.of(8, 0));
		ZonedDateTime reportsDue = opens.plusDays(30).with(LocalTime.of(17, 0));
		ZonedDateTime council = reportsDue.plusDays(10).with(LocalTime.of(8, 30));
		ZonedDateTime dossiers = council.plusDays(14).with(LocalTime.of(17, 0));
		PlanRules defaults = PlanRules.defaults();
		return new PlanRules(defaults.criteria(), defaults.recognitionOutcomes(), defaults.recognizeMinScore(),
				defaults.typicalMinScore(), defaults.awards(), new SeasonDates(opens.toInstant(),
						reportsDue.toInstant(), council.toInstant(), dossiers.toInstant(),
						dossiers.plusDays(14).toLocalDate()));
	}

}
