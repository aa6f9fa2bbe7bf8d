package dev.gofer.objectstore.support;

import java.util.UUID;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;

/**
 * An HTTP suite that runs once per {@link Combination} it is given, each on that
 * combination's {@link CombinationServer}. A suite declares which combinations: <pre>
 * &#64;ParameterizedClass(name = "{0}")
 * &#64;EnumSource(Combination.class)
 * class ObjectsIntegrationTests extends OnEveryCombination { … }
 * </pre>
 */
@ExtendWith(CombinationServer.Connect.class)
public abstract class OnEveryCombination {

	@Parameter
	protected Combination combination;

	protected CombinationServer server;

	protected int port;

	protected ApiClient api;

	void connect(CombinationServer server) {
		this.server = server;
		this.port = server.port();
		this.api = ApiClient.onPort(this.port);
	}

	/**
	 * A name no other test uses, so tests sharing the server cannot see each other's
	 * objects.
	 */
	protected static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
