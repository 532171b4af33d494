package vn.dvk.shared;

/**
 * Markdown shown in a Camunda Form is a String process variable, and the engine stores a String
 * in at most 4000 characters. A longer text is cut at a line boundary and ends with a pointer to
 * the full page, so a long list never fails a process step.
 */
public final class FormText {

	/** The engine's limit for a String variable (ACT_RU_VARIABLE.TEXT_ is varchar(4000)). */
	public static final int VARIABLE_MAX = 4000;

	private FormText() {
	}

	/**
	 * @param markdown the text, possibly too long
	 * @param fullText where the whole text can be read (a portal or API link), as a Markdown link
	 * @return the text itself when it fits, otherwise its first lines and the pointer
	 */
	public static String fit(String markdown, String fullText) {
		if (markdown == null || markdown.length() <= VARIABLE_MAX) {
			return markdown;
		}
		String more = "\n\n_… Danh sách còn tiếp, xem đầy đủ tại " + fullText + "._";
		int room = VARIABLE_MAX - more.length();
		int cut = markdown.lastIndexOf('\n', room);
		return markdown.substring(0, cut > 0 ? cut : room) + more;
	}

}
