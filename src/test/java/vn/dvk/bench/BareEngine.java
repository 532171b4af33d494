package vn.dvk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
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
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * The same BPMN, DMN and forms ({@code bpmn/}) on a bare Camunda engine: a standalone
 * {@code ProcessEngineConfiguration} on its own database of the same PostgreSQL server, the same
 * history level, id generator, JSON variables, FEEL engine and connection pool size as DVK, but no Spring
 * application, no HTTP, no authorization checks, and the delegates and listeners replaced by
 * beans of the same names that do nothing but set the variables the models route on.
 */
final class BareEngine implements AutoCloseable {

	static final String REVIEW_TASK = DvkRush.REVIEW_TASK;

	private final HikariDataSource pool;

	private final ProcessEngine engine;

	private final SeasonUnits units;

	private BareEngine(HikariDataSource pool, ProcessEngine engine, SeasonUnits units) {
		this.pool = pool;
		this.engine = engine;
		this.units = units;
	}

	static BareEngine start(String jdbcUrl, Path bpmn, SeasonUnits units) throws IOException {
		BareEngine bare = build(jdbcUrl, "true", units);
		DeploymentBuilder deployment = bare.engine.getRepositoryService()
			.createDeployment()
			.name("SpringAutoDeployment")
			.enableDuplicateFiltering(true);
		try (Stream<Path> files = Files.walk(bpmn)) {
			for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(bpmn|dmn|form)$")).toList()) {
				try (InputStream in = Files.newInputStream(file)) {
					deployment.addString(bpmn.relativize(file).toString(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
				}
			}
		}
		deployment.deploy();
		return bare;
	}

	/**
	 * A bare engine on DVK's own database, for its queries only (nothing deployed, nothing
	 * written): the reviewer's task list on exactly the data DVK answers from.
	 */
	static BareEngine readOnly(String jdbcUrl, SeasonUnits units) {
		return build(jdbcUrl, "false", units);
	}

	private static BareEngine build(String jdbcUrl, String schemaUpdate, SeasonUnits units) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(jdbcUrl);
		config.setUsername("postgres");
		config.setMaximumPoolSize(10);
		config.setPoolName("bare-engine");
		HikariDataSource pool = new HikariDataSource(config);
		StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
		cfg.setDataSource(pool);
		cfg.setDatabaseSchemaUpdate(schemaUpdate);
		cfg.setHistory("full");
		cfg.setJobExecutorActivate(false);
		cfg.setIdGenerator(new StrongUuidGenerator());
		cfg.setDefaultSerializationFormat("application/json");
		cfg.setJavaSerializationFormatEnabled(false);
		cfg.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
		// DVK's engine parses each FEEL expression of its decision tables once (CachingFeelEngine):
		// the bare engine gets the same, so that the ratio measures DVK's application, not a setting
		org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration dmn =
				(org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration) org.camunda.bpm.dmn.engine.DmnEngineConfiguration
					.createDefaultDmnEngineConfiguration();
		dmn.setFeelEngineFactory(new vn.dvk.shared.process.CachingFeelEngine.Factory(List.of()));
		cfg.setDmnEngineConfiguration(dmn);
		cfg.setBeans(beans(units));
		cfg.setProcessEngineName("bare-bench-" + schemaUpdate);
		return new BareEngine(pool, cfg.buildProcessEngine(), units);
	}

	/** Every bean name the models call, doing nothing; the few the flow depends on set its variables. */
	private static Map<Object, Object> beans(SeasonUnits units) {
		Map<String, List<String>> routes = new HashMap<>();
		units.units().forEach(u -> routes.put(u.code(), u.reviewUnits()));
		Map<Object, Object> beans = new HashMap<>();
		for (String name : List.of("announceRecognitionOutcomeDelegate", "assessModelsTaskListener",
				"confirmRecognitionOutcomesListener", "decisionContractListener", "issueAwardCertificatesDelegate",
				"issueRecognitionDecisionDelegate", "markOverdueResultReportsDelegate", "notifyCandidateGroupsListener",
				"openEvaluationDelegate", "prepareAwardDossierDelegate", "proposeRecognitionOutcomesDelegate",
				"publishPlanDelegate", "recordAwardDecisionDelegate", "recordRecognitionDelegate", "recordRecusalsDelegate",
				"recordReviewDecisionListener", "remindUnregisteredUnitsDelegate", "resultReportFiledListener",
				"scheduleSeasonDelegate", "sendNotificationDelegate", "updateNominationStatusDelegate",
				"updatePlanStatusDelegate", "updateRegistrationStatusDelegate")) {
			beans.put(name, new NoOp());
		}
		beans.put("resolveReviewUnitsDelegate", (JavaDelegate) execution -> execution.setVariable("reviewUnitCodes",
				new ArrayList<>(routes.get((String) execution.getVariable("unitCode")))));
		beans.put("prepareReviewDelegate", (JavaDelegate) execution -> {
			Instant now = Instant.now();
			execution.setVariable("reviewDueDate", Date.from(now.plus(Duration.ofDays(10))));
			execution.setVariable("escalationDate", Date.from(now.plus(Duration.ofDays(20))));
		});
		beans.put("checkEvaluationOpenedDelegate",
				(JavaDelegate) execution -> execution.setVariable("evaluationOpened", false));
		return beans;
	}

	static final class NoOp implements JavaDelegate, TaskListener, ExecutionListener {

		@Override
		public void execute(DelegateExecution execution) {
		}

		@Override
		public void notify(DelegateTask task) {
		}

		@Override
		public void notify(DelegateExecution execution) {
		}

	}

	/** Variables DVK gives ModelRegistrationProcess when a registration is submitted. */
	private Map<String, Object> startVariables(String code, String name, SeasonUnits.Unit unit) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("registrationCode", code);
		variables.put("registrationName", name);
		variables.put("planCode", "KH-BARE");
		variables.put("unitCode", unit.code());
		variables.put("unitName", unit.name());
		variables.put("unitLevel", unit.level());
		variables.put("parentLevel", unit.parentLevel());
		variables.put("reviewMode", "EVERY_LEVEL");
		variables.put("reviewDays", 10);
		variables.put("escalationDays", 20);
		return variables;
	}

	/**
	 * The rush of {@link DvkRush} on the bare engine with the same number of clients: starts
	 * ({@code submit}), task lists of each reviewing group (first page of 50, newest first) and
	 * completions with the contract's variables, until every registration is accepted.
	 */
	DvkRush.Result rush(String marker, int count, int submitters, int reviewerThreads) throws Exception {
		Latencies submit = new Latencies();
		Latencies taskList = new Latencies();
		Latencies review = new Latencies();
		AtomicInteger accepted = new AtomicInteger();
		AtomicLong lastAccepted = new AtomicLong();
		Set<String> completed = ConcurrentHashMap.newKeySet();
		String rushMark = marker + "R";
		List<String> groups = units.reviewers().stream().map(r -> r.replace("reviewer-", "reviewers-")).toList();
		String finalGroup = groups.get(groups.size() - 1);
		int threads = Math.max(reviewerThreads, groups.size());
		ExecutorService pool = Executors.newFixedThreadPool(submitters + threads);
		long started = System.nanoTime();
		try {
			List<Future<?>> work = new ArrayList<>();
			AtomicInteger next = new AtomicInteger();
			for (int t = 0; t < submitters; t++) {
				work.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						SeasonUnits.Unit unit = units.unit(i);
						String code = "BARE-" + marker + "-" + i;
						Map<String, Object> variables = startVariables(code, DvkRush.rushName(marker, i), unit);
						submit.time(() -> engine.getRuntimeService()
							.startProcessInstanceByKey("ModelRegistrationProcess", code, variables));
					}
					return null;
				}));
			}
			List<String> assignments = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				assignments.add(t < groups.size() - 1 ? groups.get(t) : finalGroup);
			}
			for (int t = 0; t < threads; t++) {
				String group = assignments.get(t);
				int share = (int) assignments.stream().filter(group::equals).count();
				int mine = (int) assignments.subList(0, t).stream().filter(group::equals).count();
				work.add(pool.submit(() -> {
					while (accepted.get() < count) {
						List<Task> tasks = taskList.time(() -> taskPage(group));
						int done = 0;
						for (Task task : tasks) {
							if (!task.getName().contains(rushMark) || Math.floorMod(task.getId().hashCode(), share) != mine
									|| !completed.add(task.getId())) {
								continue;
							}
							review.time(() -> {
								engine.getTaskService().complete(task.getId(),
										Map.of("decision", "APPROVE", "comment", "Đồng ý tiếp nhận."));
								return null;
							});
							done++;
							if (group.equals(finalGroup)) {
								accepted.incrementAndGet();
								lastAccepted.set(System.nanoTime());
							}
						}
						if (done == 0) {
							Thread.sleep(DvkRush.IDLE_MILLIS);
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
		return new DvkRush.Result(accepted.get(), (lastAccepted.get() - started) / 1e9, submit, new Latencies(), taskList,
				review, List.of(), 0);
	}

	/** Starts registrations that stay waiting for their first review (open tasks at rest, as in DVK). */
	void submitOpen(String marker, int count) {
		for (int i = 0; i < count; i++) {
			SeasonUnits.Unit unit = units.unit(i);
			String code = "BARE-" + marker + "-open-" + i;
			engine.getRuntimeService().startProcessInstanceByKey("ModelRegistrationProcess", code,
					startVariables(code, "Mô hình chờ thẩm định " + marker + "O" + i, unit));
		}
	}

	/** The reviewer's task list as DVK's /engine-rest call asks for it: one page, newest first. */
	List<Task> taskPage(String group) {
		return engine.getTaskService()
			.createTaskQuery()
			.taskCandidateGroup(group)
			.taskDefinitionKey(REVIEW_TASK)
			.orderByTaskCreateTime()
			.desc()
			.listPage(0, 50);
	}

	@Override
	public void close() {
		engine.close();
		pool.close();
	}

}
