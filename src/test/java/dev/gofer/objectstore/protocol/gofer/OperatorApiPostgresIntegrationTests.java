package dev.gofer.objectstore.protocol.gofer;

import dev.gofer.objectstore.support.EngineCombinations.OnPostgres;

/**
 * {@link OperatorApiIntegrationTests} on the PostgreSQL catalog, whose collation must not
 * change the order of listings nor the keys a prefix reaches.
 */
@OnPostgres
class OperatorApiPostgresIntegrationTests extends OperatorApiIntegrationTests {

}
