package vn.dvk.recognition;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * The register of recognised models: every model recognised by a council decision and every
 * model imported from before the system. Public API (issue 3: to be implemented).
 */
@Service
public class RecognizedModelRegister {

	/** Adds a model recognised by a decision of the system (source SYSTEM). */
	public RecognizedModel add(RecognizedModel model) {
		throw new UnsupportedOperationException("TODO");
	}

	/** Adds imported models, all or none (source IMPORT). */
	public List<RecognizedModel> importAll(List<RecognizedModel> models) {
		throw new UnsupportedOperationException("TODO");
	}

	/** The entry of a registration recognised in the system, if any. */
	public Optional<RecognizedModel> ofRegistration(String registrationCode) {
		throw new UnsupportedOperationException("TODO");
	}

	/** Every entry recognised in or before the given year (for cumulative figures). */
	public List<RecognizedModel> upToYear(int year) {
		throw new UnsupportedOperationException("TODO");
	}

}
