package vn.dvk.award;

/**
 * What a specialist proposes: an award type of the plan's catalogue for a collective (a
 * recognised model: {@code registrationCode}) or an individual ({@code person}).
 */
public record NominationRequest(String planCode, String awardType, String recipientKind, String registrationCode,
		Person person, String achievement) {

	/** An individual nominee. */
	public record Person(String fullName, String position, String unitCode) {
	}

}
