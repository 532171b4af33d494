package vn.dvk.notification;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Settings of the notification module and the {@link Clock} it reads time from (declared here
 * only when no other module declares one).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DvkMailProperties.class)
class NotificationConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

}
