package dev.gofer.objectstore.auth;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import dev.gofer.objectstore.catalog.PipelineName;
import dev.gofer.objectstore.error.ForbiddenException;
import dev.gofer.objectstore.error.InvalidInputException;

/**
 * Decides whether the caller's token allows the endpoint's {@link Requires} action on the
 * resource the request names: by the path variables {@code namespace_id},
 * {@code pipeline_id}, {@code run_id} and {@code extension_id}, or as a controller that
 * {@link NamesResource} says. Runs for {@code /api/**} and {@code /cache/**} after the
 * handler is chosen and before it is called, so an unknown route is still a 404 and a
 * refused upload is refused before its body is read.
 */
class AuthorizationInterceptor implements HandlerInterceptor {

	private static final Logger logger = LoggerFactory.getLogger(AuthorizationInterceptor.class);

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		Caller caller = (Caller) request.getAttribute(Caller.ATTRIBUTE);
		if (caller == null || caller instanceof Caller.Admin) {
			// No caller: the filter is off because authentication is disabled.
			return true;
		}
		Requires rule = method.getMethodAnnotation(Requires.class);
		if (rule == null) {
			logger.error("{} has no @Requires rule; refusing it to all but the admin", method.getShortLogMessage());
			throw new ForbiddenException("Only the admin token may call this endpoint");
		}
		if (rule.adminOnly()) {
			throw new ForbiddenException("Only the admin token may call this endpoint");
		}
		if (rule.anyToken()) {
			return true;
		}
		Resource resource = rule.listing() ? new Resource.Catalog()
				: method.getBean() instanceof NamesResource named ? named.resource(request) : resource(request);
		if (!caller.allows(rule.value(), resource)) {
			throw new ForbiddenException(
					"The token does not allow '" + rule.value().value() + "' on " + describe(resource));
		}
		return true;
	}

	@SuppressWarnings("unchecked")
	private static Resource resource(HttpServletRequest request) {
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (variables == null) {
			return new Resource.Service();
		}
		String extensionId = variables.get("extension_id");
		if (extensionId != null) {
			return new Resource.Extension(extensionId);
		}
		String namespaceId = variables.get("namespace_id");
		String pipelineId = variables.get("pipeline_id");
		if (namespaceId == null) {
			return new Resource.Service();
		}
		if (pipelineId == null) {
			return new Resource.Namespace(namespaceId);
		}
		PipelineName pipeline = new PipelineName(namespaceId, pipelineId);
		String runId = variables.get("run_id");
		if (runId == null) {
			return new Resource.Pipeline(pipeline);
		}
		try {
			return new Resource.Run(pipeline, Long.parseLong(runId));
		}
		catch (NumberFormatException ex) {
			// The controller names the rule that the run id breaks; here it only must not
			// pass.
			throw new InvalidInputException("Invalid run_id: use a whole number from 1 to 9223372036854775807");
		}
	}

	private static String describe(Resource resource) {
		return switch (resource) {
			case Resource.Pipeline p -> "pipeline " + p.pipeline();
			case Resource.Namespace n -> "namespace " + n.namespaceId();
			case Resource.Catalog c -> "the catalog";
			case Resource.Run r -> "run " + r.runId() + " of pipeline " + r.pipeline();
			case Resource.Extension e -> "extension " + e.extensionId();
			case Resource.Service s -> "the service";
		};
	}

}
