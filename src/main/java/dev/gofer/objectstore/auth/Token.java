package dev.gofer.objectstore.auth;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A token's grant, without its secret.
 *
 * @param namespaces globs of the namespaces it reaches
 * @param pipelines globs of the pipelines it reaches, in those namespaces
 * @param runId for a run token, the one run whose objects it may write; null otherwise
 * @param created epoch milliseconds
 * @param expires epoch milliseconds, or null for never
 */
public record Token(String id, List<Glob> namespaces, List<Glob> pipelines, Set<Action> actions, @Nullable Long runId,
		long created, @Nullable Long expires, String description) {

	boolean expiredAt(long now) {
		return this.expires != null && now >= this.expires;
	}

	/**
	 * Whether this token may do {@code action} on {@code resource}. A run token may read
	 * its pipeline and write only its own run; extension objects need a token whose globs
	 * reach every namespace and pipeline; token management is for the admin token alone.
	 */
	boolean allows(Action action, Resource resource) {
		if (!this.actions.contains(action)) {
			return false;
		}
		return switch (resource) {
			case Resource.Pipeline p -> reaches(p.pipeline().namespaceId(), p.pipeline().pipelineId())
					&& (this.runId == null || action == Action.READ);
			case Resource.Namespace n -> this.namespaces.stream().anyMatch(glob -> glob.matches(n.namespaceId()))
					&& (this.runId == null || action == Action.READ);
			case Resource.Catalog c -> this.runId == null || action == Action.READ;
			case Resource.Run r -> reaches(r.pipeline().namespaceId(), r.pipeline().pipelineId())
					&& (this.runId == null || this.runId == r.runId());
			case Resource.Extension e ->
				this.runId == null && this.namespaces.stream().anyMatch(Glob::matchesEverything)
						&& this.pipelines.stream().anyMatch(Glob::matchesEverything);
			case Resource.Service s -> false;
		};
	}

	private boolean reaches(String namespaceId, String pipelineId) {
		return this.namespaces.stream().anyMatch(glob -> glob.matches(namespaceId))
				&& this.pipelines.stream().anyMatch(glob -> glob.matches(pipelineId));
	}

}
