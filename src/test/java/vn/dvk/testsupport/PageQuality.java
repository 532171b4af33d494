package vn.dvk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Page;

/**
 * What every portal page must be, checked in the browser on the page as rendered: no horizontal
 * scrolling at the viewport's width (360 px on a phone), a label for every input a person fills
 * in, the keyboard's order the page's order, no stack trace or English error, and dates written
 * dd/MM/yyyy.
 */
public final class PageQuality {

	private PageQuality() {
	}

	public static void assertGood(Page page) {
		assertNoStackTrace(page);
		assertFitsTheWidth(page);
		assertEveryInputLabelled(page);
		assertNoIsoDates(page);
		assertKeyboardOrderIsTheDocumentsOrder(page);
	}

	/**
	 * Keyboard use: no element jumps the tab order (tabindex above 0), and nothing a person clicks
	 * is a bare element the keyboard cannot reach (an element with a click role but no tabindex).
	 */
	public static void assertKeyboardOrderIsTheDocumentsOrder(Page page) {
		Object bad = page.evaluate("""
				() => [...document.querySelectorAll('[tabindex]')].filter(e => e.tabIndex > 0)
				  .concat([...document.querySelectorAll('[role=button]:not(button):not(a):not([tabindex])')])
				  .map(e => e.outerHTML.slice(0, 120))""");
		assertThat((List<?>) bad).as("elements out of keyboard order on %s", page.url()).isEmpty();
	}

	/** The page is no wider than the window: nothing is cut off or needs sideways scrolling. */
	public static void assertFitsTheWidth(Page page) {
		Object overflow = page.evaluate("""
				() => {
				  const width = document.documentElement.clientWidth;
				  const wide = [];
				  for (const e of document.querySelectorAll('body *')) {
				    const r = e.getBoundingClientRect();
				    if (r.width === 0 || r.height === 0) continue;
				    if (e.closest('.table-responsive, pre, .visually-hidden, canvas')) continue;
				    if (r.right > width + 1) wide.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
				      + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
				      + ' right=' + Math.round(r.right));
				  }
				  return { width, scroll: document.documentElement.scrollWidth, wide: wide.slice(0, 5) };
				}""");
		@SuppressWarnings("unchecked")
		java.util.Map<String, Object> o = (java.util.Map<String, Object>) overflow;
		int width = ((Number) o.get("width")).intValue();
		int scroll = ((Number) o.get("scroll")).intValue();
		assertThat(scroll).as("%s is %d px wide in a %d px window; too wide: %s", page.url(), scroll, width, o.get("wide"))
			.isLessThanOrEqualTo(width + 1);
	}

	/** Every visible input, select and text area has a label a screen reader announces. */
	public static void assertEveryInputLabelled(Page page) {
		Object unlabelled = page.evaluate("""
				() => [...document.querySelectorAll('input, select, textarea')]
				  .filter(e => e.type !== 'hidden' && e.type !== 'submit' && e.type !== 'button')
				  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
				    && !e.getAttribute('aria-labelledby') && !e.getAttribute('title'))
				  .map(e => e.outerHTML.slice(0, 120))""");
		assertThat((List<?>) unlabelled).as("inputs without a label on %s", page.url()).isEmpty();
	}

	public static void assertNoStackTrace(Page page) {
		String text = page.locator("body").innerText();
		assertThat(text).as("page text of %s", page.url())
			.doesNotContain("Exception", "at vn.dvk.", "at org.springframework", "Whitelabel Error Page",
					"Internal Server Error", "Bad Request");
	}

	/** Dates are shown dd/MM/yyyy, never as 2026-03-31 (inputs of type date hold ISO values, not text). */
	public static void assertNoIsoDates(Page page) {
		String text = page.locator("body").innerText();
		assertThat(text).as("ISO dates on %s", page.url()).doesNotContainPattern("\\b20\\d\\d-\\d\\d-\\d\\d\\b");
	}

}
