package vn.dvk.award;

/**
 * How many awards of one type went to collectives or to individuals in a plan (the summary's rows).
 *
 * @param awardType     award type code of the plan's catalogue
 * @param awardName     its Vietnamese name
 * @param recipientKind COLLECTIVE or INDIVIDUAL
 * @param count         awards in force (AWARDED, not REVOKED)
 */
public record AwardCount(String awardType, String awardName, String recipientKind, long count) {
}
