package dev.gofer.objectstore.cache;

import org.springframework.stereotype.Component;

import dev.gofer.objectstore.catalog.ObjectService;
import dev.gofer.objectstore.web.TransferMetrics;

/** Hands each cache protocol its {@link CacheStore}. */
@Component
public class CacheStores {

	private final ObjectService objects;

	private final CacheMetrics metrics;

	private final TransferMetrics transfers;

	CacheStores(ObjectService objects, CacheMetrics metrics, TransferMetrics transfers) {
		this.objects = objects;
		this.metrics = metrics;
		this.transfers = transfers;
	}

	/**
	 * The store of one protocol; {@code protocol} tags its metrics, as in
	 * {@link CacheProtocol}.
	 */
	public CacheStore forProtocol(String protocol) {
		return new CacheStore(protocol, this.objects, this.metrics, this.transfers);
	}

}
