package dev.gofer.objectstore.auth;

import jakarta.servlet.http.HttpServletRequest;

import dev.gofer.objectstore.catalog.Visibility;

/** Who is calling, once the bearer token has been checked. */
public sealed interface Caller {

	/** The request attribute that holds the caller. */
	String ATTRIBUTE = Caller.class.getName();

	boolean allows(Action action, Resource resource);

	/** What listings show this caller: the namespaces and pipelines it may read. */
	Visibility visibility();

	/**
	 * The caller of an {@code /api} request; the admin when authentication is off, since
	 * then nobody is checked.
	 */
	static Caller of(HttpServletRequest request) {
		return request.getAttribute(ATTRIBUTE) instanceof Caller caller ? caller : new Admin();
	}

	/**
	 * Holder of the admin token, or anyone when authentication is off: may do everything.
	 */
	record Admin() implements Caller {

		@Override
		public boolean allows(Action action, Resource resource) {
			return true;
		}

		@Override
		public Visibility visibility() {
			return Visibility.EVERYTHING;
		}

	}

	/** Holder of a token the admin created or a run token. */
	record Holder(Token token) implements Caller {

		@Override
		public boolean allows(Action action, Resource resource) {
			return this.token.allows(action, resource);
		}

		@Override
		public Visibility visibility() {
			return new TokenVisibility(this.token);
		}

	}

}
