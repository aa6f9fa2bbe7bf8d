package dev.gofer.objectstore.catalog;

/**
 * Which namespaces and pipelines a listing shows its caller: those the caller's token
 * reaches. Listings ask this rather than knowing about tokens.
 */
public interface Visibility {

	/** Everything: the admin token, or any caller when authentication is off. */
	Visibility EVERYTHING = new Visibility() {

		@Override
		public boolean namespace(String namespaceId) {
			return true;
		}

		@Override
		public boolean pipeline(PipelineName pipeline) {
			return true;
		}

		@Override
		public boolean wholeNamespaces() {
			return true;
		}

	};

	/** Whether some pipelines of this namespace may be visible. */
	boolean namespace(String namespaceId);

	boolean pipeline(PipelineName pipeline);

	/**
	 * True when every pipeline of a visible namespace is visible, so that a listing can
	 * count and cut in the database instead of looking at each pipeline.
	 */
	boolean wholeNamespaces();

}
