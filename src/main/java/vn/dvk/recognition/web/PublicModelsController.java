package vn.dvk.recognition.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dvk.recognition.RecognizedModel;
import vn.dvk.recognition.RecognizedModelRegister;
import vn.dvk.recognition.RegisterPage;
import vn.dvk.shared.DvkException;

/**
 * The public register of recognised models, without sign-in: {@code /public/models} (search,
 * filters as a GET form, pages; htmx asks for the results alone) and one model's page.
 */
@Controller
class PublicModelsController {

	static final int PAGE_SIZE = 20;

	private final RecognizedModelRegister register;

	private final PublicModelViews views;

	PublicModelsController(RecognizedModelRegister register, PublicModelViews views) {
		this.register = register;
		this.views = views;
	}

	@GetMapping("/public/models")
	String models(@RequestParam(required = false) String q, @RequestParam(required = false) String field,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String year,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String page,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
			Model model, HttpServletResponse response) {
		PublicModelFilters filters = PublicModelFilters.of(q, field, unit, year, outcome, sort);
		int pageNumber = PublicModelFilters.pageNumber(page);
		RegisterPage found = register.search(filters.query(pageNumber, PAGE_SIZE));
		if (found.items().isEmpty() && found.total() > 0) {
			// a page past the end (an old bookmark): the last page
			found = register.search(filters.query(found.totalPages() - 1, PAGE_SIZE));
		}
		model.addAttribute("filters", filters);
		model.addAttribute("found", found);
		model.addAttribute("rows", views.rows(found.items()));
		model.addAttribute("pages", Pagination.of(filters, found));
		response.addHeader(HttpHeaders.VARY, "HX-Request");
		boolean resultsOnly = "true".equals(htmx) && historyRestore == null;
		model.addAttribute("htmx", resultsOnly);
		if (resultsOnly) {
			return "public/models :: results";
		}
		model.addAttribute("options", views.options());
		return "public/models";
	}

	@GetMapping("/public/models/{key}")
	String model(@PathVariable String key, Model model) {
		RecognizedModel entry = find(key)
			.orElseThrow(() -> DvkException.notFound("public.model.notFound", key));
		model.addAttribute("m", views.detail(entry));
		return "public/model";
	}

	/** By id (digits) or by the registration's code (DK-2026-000123). */
	private Optional<RecognizedModel> find(String key) {
		String k = key == null ? "" : key.strip();
		if (k.matches("\\d{1,18}")) {
			return register.find(Long.parseLong(k));
		}
		return k.isEmpty() || k.length() > 40 ? Optional.empty() : register.ofRegistration(k);
	}

	/**
	 * The pagination: a few pages around the one shown; the first and the last when they are not
	 * among them; the previous and the next (null at an end).
	 */
	record Pagination(PageLink first, List<PageLink> links, PageLink last, String previous, String next) {

		/** Pages shown on each side of the current one. */
		static final int WINDOW = 2;

		static Pagination of(PublicModelFilters filters, RegisterPage found) {
			int last = found.totalPages() - 1;
			int from = Math.max(0, found.page() - WINDOW);
			int to = Math.min(last, found.page() + WINDOW);
			List<PageLink> links = new ArrayList<>();
			for (int p = from; p <= to; p++) {
				links.add(new PageLink(p + 1, filters.href(p), p == found.page()));
			}
			return new Pagination(from > 0 ? new PageLink(1, filters.href(0), false) : null, links,
					to < last ? new PageLink(last + 1, filters.href(last), false) : null,
					found.page() > 0 ? filters.href(found.page() - 1) : null,
					found.page() < last ? filters.href(found.page() + 1) : null);
		}

		public boolean needed() {
			return links.size() > 1;
		}

	}

	/** A page of the pagination: its number as people count (from 1), its address, whether it is shown. */
	record PageLink(int label, String href, boolean current) {
	}

}
