package dev.gofer.objectstore.store;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Fails start-up unless exactly one {@link ObjectStore} exists, naming the configured
 * engine and the valid values, instead of letting a missing bean surface as an injection
 * error.
 */
@Component
class ObjectStoreValidator implements SmartInitializingSingleton {

	private final ObjectProvider<ObjectStore> stores;

	private final ObjectStoreProperties properties;

	ObjectStoreValidator(ObjectProvider<ObjectStore> stores, ObjectStoreProperties properties) {
		this.stores = stores;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<ObjectStore> found = this.stores.orderedStream().toList();
		if (found.size() != 1) {
			throw new IllegalStateException("Expected exactly one object store for gofer.object-store.engine="
					+ this.properties.engine().value() + " but found " + found.size() + "; valid values are "
					+ Engine.validValues());
		}
	}

}
