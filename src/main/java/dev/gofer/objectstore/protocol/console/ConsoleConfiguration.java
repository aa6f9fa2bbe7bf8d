package dev.gofer.objectstore.protocol.console;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the console's files from {@code classpath:/console/} under {@code /console/},
 * every answer with {@link ConsoleHeadersFilter}'s headers. The console is outside
 * {@code /api}, so the bearer-token filter never sees it: loading the pages needs no
 * token, and every call for data needs one.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration implements WebMvcConfigurer {

	static final String LOCATION = "classpath:/console/";

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		// no-cache: browsers revalidate (Last-Modified), so a new version shows at once.
		registry.addResourceHandler("/console/**")
			.addResourceLocations(LOCATION)
			.setCacheControl(CacheControl.noCache());
	}

	@Bean
	FilterRegistrationBean<ConsoleHeadersFilter> consoleHeadersFilter() {
		FilterRegistrationBean<ConsoleHeadersFilter> registration = new FilterRegistrationBean<>(
				new ConsoleHeadersFilter());
		registration.addUrlPatterns("/console", "/console/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
		return registration;
	}

}
