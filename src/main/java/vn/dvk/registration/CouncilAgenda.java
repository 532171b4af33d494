package vn.dvk.registration;

import java.util.Set;

/**
 * The registrations put before the recognition council (on any of its sessions): what a council
 * member may read besides their own unit's. Implemented by the recognition module.
 */
public interface CouncilAgenda {

	/** Codes of the registrations on a recognition session, open or decided. */
	Set<String> registrationCodes();

	/** Whether the registration is on a recognition session. */
	boolean contains(String registrationCode);

}
