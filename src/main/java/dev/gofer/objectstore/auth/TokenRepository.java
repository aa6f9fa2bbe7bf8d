package dev.gofer.objectstore.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code tokens} table. */
@Repository
class TokenRepository {

	private static final String COLUMNS = """
			id, secret_sha256, namespaces, pipelines, actions, run_id, created, expires, description""";

	private final JdbcClient jdbc;

	TokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored token with the hash of its secret. */
	record Stored(Token token, String secretSha256) {

	}

	void insert(Token token, String secretSha256) {
		this.jdbc.sql("INSERT INTO tokens (" + COLUMNS + """
				) VALUES (:id, :secret, :namespaces, :pipelines, :actions, :runId, :created, :expires, :description)""")
			.param("id", token.id())
			.param("secret", secretSha256)
			.param("namespaces", join(token.namespaces().stream().map(Glob::text).toList()))
			.param("pipelines", join(token.pipelines().stream().map(Glob::text).toList()))
			.param("actions", join(token.actions().stream().sorted().map(Action::value).toList()))
			.param("runId", token.runId())
			.param("created", token.created())
			.param("expires", token.expires())
			.param("description", token.description())
			.update();
	}

	Optional<Stored> find(String id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM tokens WHERE id = :id")
			.param("id", id)
			.query(TokenRepository::map)
			.optional();
	}

	List<Token> list() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM tokens ORDER BY created, id")
			.query(TokenRepository::map)
			.list()
			.stream()
			.map(Stored::token)
			.toList();
	}

	boolean delete(String id) {
		return this.jdbc.sql("DELETE FROM tokens WHERE id = :id").param("id", id).update() == 1;
	}

	private static Stored map(ResultSet rs, int row) throws SQLException {
		long runId = rs.getLong("run_id");
		Long run = rs.wasNull() ? null : runId;
		long expires = rs.getLong("expires");
		Long expiry = rs.wasNull() ? null : expires;
		Set<Action> actions = split(rs.getString("actions")).stream().map(Action::parse).collect(Collectors.toSet());
		Token token = new Token(rs.getString("id"), globs(rs.getString("namespaces")), globs(rs.getString("pipelines")),
				actions, run, rs.getLong("created"), expiry, rs.getString("description"));
		return new Stored(token, rs.getString("secret_sha256"));
	}

	private static List<Glob> globs(String joined) {
		return split(joined).stream().map(Glob::of).toList();
	}

	private static List<String> split(@Nullable String joined) {
		return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
	}

	private static String join(List<String> values) {
		return String.join(",", values);
	}

}
