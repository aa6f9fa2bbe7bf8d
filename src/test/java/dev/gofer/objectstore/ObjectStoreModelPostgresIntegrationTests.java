package dev.gofer.objectstore;

import dev.gofer.objectstore.support.EngineCombinations.OnPostgres;

/**
 * {@link ObjectStoreModelIntegrationTests} on the PostgreSQL catalog, whose transactions
 * differ most.
 */
@OnPostgres
class ObjectStoreModelPostgresIntegrationTests extends ObjectStoreModelIntegrationTests {

}
