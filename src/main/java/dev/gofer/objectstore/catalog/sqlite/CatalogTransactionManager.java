package dev.gofer.objectstore.catalog.sqlite;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * The catalog's transactions: each waits for its turn at the {@link WriteGate} before it
 * begins, and, on SQLite, returns from its commit only once the commit is durable
 * ({@link GroupSync}). The wait for durability comes after the connection and the gate
 * are released, so that the next writers proceed meanwhile and join the same sync.
 */
class CatalogTransactionManager extends JdbcTransactionManager implements DisposableBean {

	private final WriteGate gate;

	private final @Nullable GroupSync groupSync;

	private final @Nullable AutoCloseable syncResources;

	/**
	 * Set between a commit and the end of its transaction, on the thread that committed.
	 */
	private final ThreadLocal<Boolean> committed = ThreadLocal.withInitial(() -> false);

	CatalogTransactionManager(DataSource dataSource, WriteGate gate, @Nullable GroupSync groupSync,
			@Nullable AutoCloseable syncResources) {
		super(dataSource);
		// A COMMIT that fails (a deferred constraint, an I/O error) can leave SQLite's
		// transaction
		// open, and the connection would go back to the pool inside it, holding the write
		// lock
		// and showing its uncommitted rows to its next user. Rolling back closes it.
		setRollbackOnCommitFailure(true);
		this.gate = gate;
		this.groupSync = groupSync;
		this.syncResources = syncResources;
	}

	@Override
	protected void doBegin(Object transaction, TransactionDefinition definition) {
		this.gate.acquire();
		try {
			super.doBegin(transaction, definition);
		}
		catch (RuntimeException ex) {
			this.gate.release();
			throw ex;
		}
	}

	@Override
	protected void doCommit(DefaultTransactionStatus status) {
		super.doCommit(status);
		this.committed.set(true);
	}

	@Override
	protected void doCleanupAfterCompletion(Object transaction) {
		try {
			super.doCleanupAfterCompletion(transaction);
		}
		finally {
			this.gate.release();
		}
		boolean durable = this.committed.get();
		this.committed.remove();
		if (durable && this.groupSync != null) {
			// Thrown from here, the failure reaches the caller of the transactional
			// method.
			this.groupSync.awaitDurable();
		}
	}

	@Override
	public void destroy() throws Exception {
		if (this.syncResources != null) {
			this.syncResources.close();
		}
	}

}
