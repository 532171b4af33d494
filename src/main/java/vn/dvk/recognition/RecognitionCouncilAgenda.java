package vn.dvk.recognition;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.dvk.registration.CouncilAgenda;

/** The registrations on the recognition sessions: what council members may read. */
@Component
class RecognitionCouncilAgenda implements CouncilAgenda {

	private final RecognitionRepository repository;

	RecognitionCouncilAgenda(RecognitionRepository repository) {
		this.repository = repository;
	}

	@Override
	@Transactional(readOnly = true)
	public Set<String> registrationCodes() {
		return repository.registrationCodesOnSessions();
	}

	@Override
	@Transactional(readOnly = true)
	public boolean contains(String registrationCode) {
		return repository.isOnSession(registrationCode);
	}

}
