package dev.gofer.objectstore.auth;

/** Who is calling, once the bearer token has been checked. */
public sealed interface Caller {

	/** The request attribute that holds the caller. */
	String ATTRIBUTE = Caller.class.getName();

	boolean allows(Action action, Resource resource);

	/**
	 * Holder of the admin token, or anyone when authentication is off: may do everything.
	 */
	record Admin() implements Caller {

		@Override
		public boolean allows(Action action, Resource resource) {
			return true;
		}

	}

	/** Holder of a token the admin created or a run token. */
	record Holder(Token token) implements Caller {

		@Override
		public boolean allows(Action action, Resource resource) {
			return this.token.allows(action, resource);
		}

	}

}
