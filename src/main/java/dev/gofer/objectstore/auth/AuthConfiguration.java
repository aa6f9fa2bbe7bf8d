package dev.gofer.objectstore.auth;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the token checks in front of {@code /api/**} and the cache protocols'
 * {@code /cache/**} when {@code gofer.auth.enabled} (the default). Health, metrics and
 * the API description stay open.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "gofer.auth.enabled", matchIfMissing = true)
class AuthConfiguration implements WebMvcConfigurer {

	private final TokenService tokens;

	AuthConfiguration(TokenService tokens) {
		this.tokens = tokens;
	}

	@Bean
	FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(JsonMapper json) {
		FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(
				new BearerTokenFilter(this.tokens, json));
		registration.addUrlPatterns("/api/*");
		// After the request-observation filters, before anything that reads the body.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// Authentication first, then what the token allows.
		registry.addInterceptor(new CacheCredentialsInterceptor(this.tokens)).addPathPatterns("/cache/**");
		registry.addInterceptor(new AuthorizationInterceptor()).addPathPatterns("/api/**", "/cache/**");
	}

}
