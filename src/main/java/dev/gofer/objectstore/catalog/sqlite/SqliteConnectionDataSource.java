package dev.gofer.objectstore.catalog.sqlite;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConnection;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The SQLite connections under the pool, made fit for it in two ways.
 * <p>
 * They keep their prepared statements for reuse. SQLite compiles a statement anew for
 * every {@code prepareStatement}, and neither its driver nor the pool caches them: the
 * compilations took about a seventh of the CPU of small reads and writes. The pool sits
 * on top of this data source, so statements survive the connection's trips back to the
 * pool. A statement leaves the cache while it is in use and returns to it when closed, so
 * two uses of the same SQL never share one; one that failed is closed for real rather
 * than reused.
 * <p>
 * They stay in autocommit mode when a transaction cannot begin. The driver turns
 * autocommit off before it runs {@code BEGIN IMMEDIATE} and leaves it off when that fails
 * (the database is locked past the busy timeout; xerial/sqlite-jdbc#683). The pool would
 * then hand out a connection that claims to be in a transaction while SQLite is not: the
 * next transaction on it would skip its {@code BEGIN}, commit statement by statement and
 * fail at its {@code COMMIT}.
 */
final class SqliteConnectionDataSource extends DelegatingDataSource {

	private final int statementsPerConnection;

	SqliteConnectionDataSource(DataSource target, int statementsPerConnection) {
		super(target);
		this.statementsPerConnection = statementsPerConnection;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return cache(obtainTargetDataSource().getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return cache(obtainTargetDataSource().getConnection(username, password));
	}

	private Connection cache(Connection connection) {
		return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
				new CachingConnection(connection, this.statementsPerConnection));
	}

	private static @Nullable Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	private static final class CachingConnection implements InvocationHandler {

		private final Connection connection;

		/** Idle statements by SQL, least recently returned first. */
		private final Map<String, PreparedStatement> idle = new LinkedHashMap<>(16, 0.75f, true);

		private final int capacity;

		CachingConnection(Connection connection, int capacity) {
			this.connection = connection;
			this.capacity = capacity;
		}

		@Override
		public synchronized @Nullable Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			if (method.getName().equals("prepareStatement") && args.length == 1) {
				String sql = (String) args[0];
				PreparedStatement statement = this.idle.remove(sql);
				if (statement == null) {
					statement = this.connection.prepareStatement(sql);
				}
				return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { PreparedStatement.class },
						new CachedStatement(this, sql, statement));
			}
			if (method.getName().equals("close") && args == null) {
				closeIdle();
			}
			if (method.getName().equals("setAutoCommit") && Boolean.FALSE.equals(args[0])) {
				try {
					return SqliteConnectionDataSource.invoke(this.connection, method, args);
				}
				catch (SQLException ex) {
					// BEGIN failed, so no transaction is open: say so again.
					this.connection.unwrap(SQLiteConnection.class).getConnectionConfig().setAutoCommit(true);
					throw ex;
				}
			}
			return SqliteConnectionDataSource.invoke(this.connection, method, args);
		}

		synchronized void giveBack(String sql, PreparedStatement statement) throws SQLException {
			if (this.connection.isClosed() || this.idle.containsKey(sql)) {
				statement.close();
				return;
			}
			statement.clearParameters();
			this.idle.put(sql, statement);
			if (this.idle.size() > this.capacity) {
				var eldest = this.idle.entrySet().iterator();
				PreparedStatement evicted = eldest.next().getValue();
				eldest.remove();
				evicted.close();
			}
		}

		private void closeIdle() {
			List<PreparedStatement> statements = new ArrayList<>(this.idle.values());
			this.idle.clear();
			for (PreparedStatement statement : statements) {
				try {
					statement.close();
				}
				catch (SQLException ex) {
					// The connection closes next, which frees what is left.
				}
			}
		}

	}

	private static final class CachedStatement implements InvocationHandler {

		private final CachingConnection owner;

		private final String sql;

		private final PreparedStatement statement;

		private boolean closed;

		private boolean failed;

		CachedStatement(CachingConnection owner, String sql, PreparedStatement statement) {
			this.owner = owner;
			this.sql = sql;
			this.statement = statement;
		}

		@Override
		public @Nullable Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			switch (method.getName()) {
				case "close" -> {
					if (!this.closed) {
						this.closed = true;
						if (this.failed) {
							this.statement.close();
						}
						else {
							this.owner.giveBack(this.sql, this.statement);
						}
					}
					return null;
				}
				case "isClosed" -> {
					return this.closed || this.statement.isClosed();
				}
				default -> {
					if (this.closed) {
						throw new SQLException("The statement is closed");
					}
					try {
						return SqliteConnectionDataSource.invoke(this.statement, method, args);
					}
					catch (SQLException | RuntimeException ex) {
						this.failed = true;
						throw ex;
					}
				}
			}
		}

	}

}
