package dev.gofer.objectstore.auth;

import dev.gofer.objectstore.catalog.PipelineName;
import dev.gofer.objectstore.catalog.Visibility;

/** What listings show a token: the namespaces and pipelines it may read. */
record TokenVisibility(Token token) implements Visibility {

	@Override
	public boolean namespace(String namespaceId) {
		return this.token.allows(Action.READ, new Resource.Namespace(namespaceId));
	}

	@Override
	public boolean pipeline(PipelineName pipeline) {
		return this.token.allows(Action.READ, new Resource.Pipeline(pipeline));
	}

	@Override
	public boolean wholeNamespaces() {
		return this.token.actions().contains(Action.READ)
				&& this.token.pipelines().stream().anyMatch(Glob::matchesEverything);
	}

}
