package dev.gofer.objectstore.auth;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the token checks in front of {@code /api/**} and the cache protocols'
 * {@code /cache/**} when {@code gofer.auth.enabled} (the default). Health, metrics and
 * the API description stay open. Read from {@link AuthProperties}, so that the default
 * lives in the record only.
 */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration implements WebMvcConfigurer {

	private final TokenService tokens;

	private final boolean enabled;

	AuthConfiguration(TokenService tokens, AuthProperties properties) {
		this.tokens = tokens;
		this.enabled = properties.enabled();
	}

	@Bean
	FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter() {
		FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(
				new BearerTokenFilter(this.tokens));
		registration.addUrlPatterns("/api/*");
		// After the request-observation filters, before anything that reads the body.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		registration.setEnabled(this.enabled);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		if (!this.enabled) {
			return;
		}
		// Authentication first, then what the token allows.
		registry.addInterceptor(new CacheCredentialsInterceptor(this.tokens)).addPathPatterns("/cache/**");
		registry.addInterceptor(new AuthorizationInterceptor()).addPathPatterns("/api/**", "/cache/**");
	}

}
