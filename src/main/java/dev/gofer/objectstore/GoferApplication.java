package dev.gofer.objectstore;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point: with no arguments, or with {@code --name=value} property arguments, starts the
 * object store server.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GoferApplication {

	public static void main(String[] args) {
		SpringApplication.run(GoferApplication.class, args);
	}

}
