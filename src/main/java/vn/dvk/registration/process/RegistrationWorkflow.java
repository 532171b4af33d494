package vn.dvk.registration.process;

import vn.dvk.plan.Plan;
import vn.dvk.registration.Registration;
import vn.dvk.security.CurrentUser;

/**
 * What the registration service needs from the workflow engine. Internal to the registration
 * module (Spring Modulith exposes only the base package); public only because Java packages
 * differ. Both calls join the caller's transaction: when they fail, nothing is saved.
 */
public interface RegistrationWorkflow {

	/**
	 * Starts ModelRegistrationProcess for a submitted registration (business key = its code), as
	 * the given user (the engine's authenticated user and groups during the call).
	 */
	void start(Registration registration, Plan plan, CurrentUser actor);

	/**
	 * Completes the open UserTask_ReviseRegistration of a returned registration, refreshing the
	 * process's {@code registrationName}; fails with 409 when no such task is open.
	 */
	void completeRevision(Registration registration, CurrentUser actor);

	/** Whether the registration's process waits at an open UserTask_FileResultReport. */
	boolean hasOpenResultReportTask(String registrationCode);

	/**
	 * Completes the open UserTask_FileResultReport as the given user (the process then marks the
	 * registration REPORTED); fails with 409 when no such task is open.
	 */
	void completeResultReport(Registration registration, CurrentUser actor);

}
