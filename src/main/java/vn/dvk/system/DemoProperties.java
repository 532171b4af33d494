package vn.dvk.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data of the default profile.
 *
 * @param enabled  seed the demo users, groups, Tasklist filters and an open plan at start-up
 * @param password password of every demo user
 */
@ConfigurationProperties("dvk.demo")
record DemoProperties(@DefaultValue("true") boolean enabled, @DefaultValue("demo") String password) {
}
