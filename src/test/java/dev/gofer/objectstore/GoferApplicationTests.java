package dev.gofer.objectstore;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which arguments start the server and which run the client. */
class GoferApplicationTests {

	@Test
	void noArgumentsOrPropertiesStartTheServer() {
		assertThat(GoferApplication.serverArguments(new String[0])).isEmpty();
		assertThat(GoferApplication.serverArguments(new String[] { "--server.port=9000", "--a=" }))
			.containsExactly("--server.port=9000", "--a=");
	}

	@Test
	void serviceStartStartsTheServerWithTheRestAsProperties() {
		assertThat(GoferApplication.serverArguments(new String[] { "service", "start" })).isEmpty();
		assertThat(GoferApplication.serverArguments(new String[] { "service", "start", "--gofer.data-dir=/d" }))
			.containsExactly("--gofer.data-dir=/d");
	}

	@Test
	void anythingElseIsAClientCommand() {
		assertThat(GoferApplication.serverArguments(new String[] { "pipeline", "object", "list", "p" })).isNull();
		assertThat(GoferApplication.serverArguments(new String[] { "--help" })).isNull();
		assertThat(GoferApplication.serverArguments(new String[] { "--=x" })).isNull();
		assertThat(GoferApplication.serverArguments(new String[] { "service", "start", "--help" })).isNull();
		assertThat(GoferApplication.serverArguments(new String[] { "service", "start", "9000" })).isNull();
		assertThat(GoferApplication.serverArguments(new String[] { "service" })).isNull();
	}

}
