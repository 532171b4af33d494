package vn.dvk.plan;

/**
 * One criterion of a plan's recognition checklist.
 *
 * @param code     short ASCII code, unique in the plan (TC1, TC2 ...)
 * @param text     the criterion in Vietnamese
 * @param required a model that does not meet it cannot be recognised
 * @param weight   weight in a scored evaluation, or null when the plan does not score
 */
public record Criterion(String code, String text, boolean required, Integer weight) {
}
