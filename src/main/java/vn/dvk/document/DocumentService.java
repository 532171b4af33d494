package vn.dvk.document;

import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * Official documents as PDF: a Thymeleaf template {@code templates/document/<template>.html}
 * rendered to PDF/A-like output with an embedded font that has every Vietnamese glyph
 * (Liberation Serif, the metrics of Times New Roman). Public API of the document module.
 */
@Service
public class DocumentService {

	/**
	 * @param template template name, e.g. {@code recognition-decision}
	 * @param model    template variables
	 * @return the PDF bytes
	 */
	public byte[] pdf(String template, Map<String, Object> model) {
		throw new UnsupportedOperationException("TODO");
	}

}
