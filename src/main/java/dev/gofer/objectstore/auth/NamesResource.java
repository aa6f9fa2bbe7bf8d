package dev.gofer.objectstore.auth;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A controller whose requests name what they act on somewhere other than the path
 * variables {@code namespace_id} and {@code pipeline_id} (a query parameter, a header),
 * as Turborepo names its team. The authorization rules ask the controller instead of
 * reading the path; they do so before the handler runs, with the body unread.
 */
public interface NamesResource {

	/**
	 * The resource {@code request} acts on.
	 * @throws dev.gofer.objectstore.error.InvalidInputException when the request names
	 * none validly
	 */
	Resource resource(HttpServletRequest request);

}
