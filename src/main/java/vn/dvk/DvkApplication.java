package vn.dvk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * DVK: plans, registrations and reviews of the "Dân vận khéo" emulation movement.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DvkApplication {

	public static void main(String[] args) {
		SpringApplication.run(DvkApplication.class, args);
	}

}
