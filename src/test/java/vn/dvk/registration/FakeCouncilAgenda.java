package vn.dvk.registration;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The council's agenda as a set a test fills. */
class FakeCouncilAgenda implements CouncilAgenda {

	final Set<String> codes = ConcurrentHashMap.newKeySet();

	@Override
	public Set<String> registrationCodes() {
		return Set.copyOf(codes);
	}

	@Override
	public boolean contains(String registrationCode) {
		return codes.contains(registrationCode);
	}

}
