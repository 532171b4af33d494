package vn.dvk.notification;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Settings of the notification module. Time comes from the application's {@code Clock} bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DvkMailProperties.class)
class NotificationConfiguration {

}
