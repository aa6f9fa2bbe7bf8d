package dev.gofer.objectstore.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalog's side of blob lifecycles, for the retention jobs. */
@Service
public class BlobCatalog {

	private final BlobRepository blobs;

	BlobCatalog(BlobRepository blobs) {
		this.blobs = blobs;
	}

	/** Garbage blobs that have been garbage since {@code cutoff} or longer. */
	public List<Long> garbage(long cutoff, int limit) {
		return this.blobs.garbage(cutoff, limit);
	}

	/**
	 * Forgets a garbage blob once its bytes are deleted; false if someone else did first.
	 * Not synced: if a power cut brings the row back, the next reclaim deletes the bytes
	 * again.
	 */
	public boolean forget(long blobId) {
		return this.blobs.deleteGarbage(blobId);
	}

	/**
	 * Turns pending blobs of instances without a heartbeat since {@code staleBefore} into
	 * garbage; returns how many.
	 */
	@Transactional
	public int abandonPending(long staleBefore) {
		return this.blobs.abandonPending(staleBefore);
	}

	/** Which of these ids the catalog knows; the engine's other ids are orphans. */
	public Set<Long> known(Collection<Long> blobIds) {
		return this.blobs.known(blobIds);
	}

}
