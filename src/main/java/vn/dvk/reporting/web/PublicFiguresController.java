package vn.dvk.reporting.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.dvk.reporting.MovementFigures;
import vn.dvk.reporting.MovementFigures.FieldLine;
import vn.dvk.reporting.MovementFigures.UnitLine;
import vn.dvk.reporting.MovementFigures.YearLine;
import vn.dvk.reporting.PublicFigures;

/**
 * The movement's figures for everyone, without sign-in ({@code /public/figures}): charts drawn by
 * {@code /js/public-figures.js} from a JSON block (CSP executes no inline script) and the same
 * numbers in tables beneath each chart.
 */
@Controller
class PublicFiguresController {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final PublicFigures figures;

	private final MessageSource messages;

	private final ObjectMapper json;

	PublicFiguresController(PublicFigures figures, MessageSource messages, ObjectMapper json) {
		this.figures = figures;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/public/figures")
	String figures(Model model) throws JsonProcessingException {
		MovementFigures f = figures.figures();
		model.addAttribute("f", f);
		model.addAttribute("charts", charts(f));
		model.addAttribute("topUnits", PublicFigures.TOP_UNITS);
		return "public/figures";
	}

	/**
	 * The charts' data and every label they show, as JSON safe inside a {@code <script>} element
	 * ({@code <} written as {@code \u003c}, so no name can close the element).
	 */
	String charts(MovementFigures f) throws JsonProcessingException {
		List<String> years = f.byYear().stream().map(y -> String.valueOf(y.year())).toList();
		Map<String, Object> charts = new LinkedHashMap<>();
		charts.put("years", chart("bar", years, false,
				series("registered", f.byYear().stream().map(YearLine::registered).toList()),
				series("recognized", f.byYear().stream().map(YearLine::recognized).toList())));
		charts.put("cumulative", chart("line", years, false,
				series("cumulative", f.byYear().stream().map(YearLine::cumulative).toList())));
		charts.put("fields", chart("bar", f.byField().stream().map(FieldLine::name).toList(), true,
				series("registered", f.byField().stream().map(FieldLine::registered).toList()),
				series("recognized", f.byField().stream().map(FieldLine::recognized).toList()),
				series("typical", f.byField().stream().map(FieldLine::typical).toList())));
		charts.put("units", chart("bar", f.byUnit().stream().map(this::unitName).toList(), true,
				series("recognized", f.byUnit().stream().map(UnitLine::recognized).toList()),
				series("typical", f.byUnit().stream().map(UnitLine::typical).toList())));
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("locale", "vi-VN");
		root.put("charts", charts);
		return json.writeValueAsString(root).replace("<", "\\u003c");
	}

	private String unitName(UnitLine line) {
		return line.rest() ? message("public.figures.rest", line.units()) : line.name();
	}

	@SafeVarargs
	private static Map<String, Object> chart(String type, List<String> labels, boolean horizontal,
			Map<String, Object>... series) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("type", type);
		chart.put("horizontal", horizontal);
		chart.put("labels", labels);
		chart.put("series", List.of(series));
		return chart;
	}

	private Map<String, Object> series(String key, List<?> data) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("key", key);
		series.put("label", message("public.figures.series." + key));
		series.put("data", new ArrayList<>(data));
		return series;
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, VI);
	}

}
