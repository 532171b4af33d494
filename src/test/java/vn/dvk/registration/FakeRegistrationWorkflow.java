package vn.dvk.registration;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import vn.dvk.plan.Plan;
import vn.dvk.registration.process.RegistrationWorkflow;
import vn.dvk.security.CurrentUser;

/** Records what would have been asked of the engine; can be told to fail the next start. */
class FakeRegistrationWorkflow implements RegistrationWorkflow {

	final List<String> started = new CopyOnWriteArrayList<>();

	final List<String> revisionsCompleted = new CopyOnWriteArrayList<>();

	volatile boolean failNextStart;

	/** Registrations whose (pretend) process waits at UserTask_FileResultReport. */
	final Set<String> openResultReportTasks = java.util.concurrent.ConcurrentHashMap.newKeySet();

	final List<String> resultReportsCompleted = new CopyOnWriteArrayList<>();

	@Override
	public void start(Registration registration, Plan plan, CurrentUser actor) {
		if (failNextStart) {
			failNextStart = false;
			throw new IllegalStateException("engine down");
		}
		started.add(registration.code());
	}

	@Override
	public void completeRevision(Registration registration, CurrentUser actor) {
		revisionsCompleted.add(registration.code() + ":" + registration.name());
	}

	@Override
	public boolean hasOpenResultReportTask(String registrationCode) {
		return openResultReportTasks.contains(registrationCode);
	}

	@Override
	public void completeResultReport(Registration registration, CurrentUser actor) {
		openResultReportTasks.remove(registration.code());
		resultReportsCompleted.add(registration.code() + ":" + actor.id());
	}

}
