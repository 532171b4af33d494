package vn.dvk.award;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Awards: public API of the award module for other modules (the year-end summary).
 */
@Service
public class AwardService {

	private final AwardNominationService nominations;

	AwardService(AwardNominationService nominations) {
		this.nominations = nominations;
	}

	/**
	 * Awards in force of a plan (AWARDED; a REVOKED award no longer counts), by type and
	 * recipient kind (COLLECTIVE / INDIVIDUAL), ordered by type then kind.
	 */
	@Transactional(readOnly = true)
	public List<AwardCount> counts(String planCode) {
		return nominations.countsInForce(planCode);
	}

}
