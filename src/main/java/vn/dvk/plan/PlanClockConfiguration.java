package vn.dvk.plan;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The system clock, unless the application already has one (tests put a fixed clock in its
 * place). Candidate for the system module once another module needs a clock too.
 */
@Configuration(proxyBeanMethods = false)
class PlanClockConfiguration {

	@Bean
	@ConditionalOnMissingBean(Clock.class)
	Clock clock() {
		return Clock.systemUTC();
	}

}
