package vn.dvk.shared.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import vn.dvk.shared.DvkException;

/**
 * Errors of portal pages: the Vietnamese error page with the right status (404, 403, 409 ...),
 * never a stack trace. REST controllers are answered by {@link ProblemDetailsAdvice} first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorAdvice {

	private final MessageSource messages;

	PageErrorAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(DvkException.class)
	ModelAndView dvk(DvkException ex, HttpServletResponse response) {
		response.setStatus(ex.status().value());
		ModelAndView page = new ModelAndView("error");
		page.setStatus(ex.status());
		page.addObject("status", ex.status().value());
		page.addObject("message",
				messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), Locale.forLanguageTag("vi")));
		return page;
	}

}
