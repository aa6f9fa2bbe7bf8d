package dev.gofer.objectstore.protocol.console;

import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's page: {@code /console/} is its {@code index.html}, and {@code /console}
 * redirects there so that the page's relative links ({@code js/main.js},
 * {@code ../api/…}) resolve under {@code /console/}, also behind a proxy that adds a path
 * prefix.
 */
@RestController
@Hidden
class ConsoleController {

	private static final Resource INDEX = new ClassPathResource("console/index.html");

	@GetMapping("/console")
	ResponseEntity<Void> redirect() {
		// Relative, so that a proxy's path prefix is kept.
		return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, "console/").build();
	}

	@GetMapping("/console/")
	ResponseEntity<Resource> index() {
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noCache())
			.body(INDEX);
	}

}
