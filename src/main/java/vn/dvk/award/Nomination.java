package vn.dvk.award;

import java.time.Instant;

import vn.dvk.plan.RecipientKind;

/**
 * One award nomination: a collective (a recognised model, {@code registrationCode}) or an
 * individual ({@code personName}, {@code personPosition}) of a unit, for one award type of the
 * plan's catalogue.
 *
 * @param recipientName the model's name for a collective, the person's full name for an individual
 * @param unitCode      the recipient's unit
 * @param decision      the awarding authority's decision, once recorded
 * @param revocation    set when an award was revoked
 */
public record Nomination(String code, String planCode, String awardType, String awardName, String awardAuthority,
		boolean external, RecipientKind recipientKind, String registrationCode, String personName,
		String personPosition, String recipientName, String unitCode, String achievement, NominationStatus status,
		String nominatedBy, Instant nominatedAt, AuthorityDecision decision, Revocation revocation) {

	public boolean collective() {
		return recipientKind == RecipientKind.COLLECTIVE;
	}

}
