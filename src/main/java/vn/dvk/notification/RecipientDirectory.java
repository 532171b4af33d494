package vn.dvk.notification;

import java.util.Collection;
import java.util.Set;

/**
 * Who is in a group: the email addresses of the members of Camunda groups.
 */
interface RecipientDirectory {

	/** Email addresses (lower case, without duplicates, in a stable order) of the members of the groups. */
	Set<String> emailsOf(Collection<String> groupIds);

}
