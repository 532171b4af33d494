package vn.dvk.award;

import java.util.List;

import org.springframework.stereotype.Service;

/**
 * Awards: public API of the award module (issue 3: to be implemented).
 */
@Service
public class AwardService {

	/** Awards in force of a plan, by type and recipient kind. */
	public List<AwardCount> counts(String planCode) {
		throw new UnsupportedOperationException("TODO");
	}

}
