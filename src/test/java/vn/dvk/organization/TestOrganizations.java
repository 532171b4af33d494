package vn.dvk.organization;

/**
 * The real unit tree of {@code config/org/} for tests of other modules (the service's
 * constructors are package-private).
 */
public final class TestOrganizations {

	private TestOrganizations() {
	}

	public static OrganizationService khanhHoa() {
		return new OrganizationService(new UnitTreeLoader("file:config/org/"));
	}

}
