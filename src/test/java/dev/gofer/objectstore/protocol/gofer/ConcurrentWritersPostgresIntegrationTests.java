package dev.gofer.objectstore.protocol.gofer;

import dev.gofer.objectstore.support.EngineCombinations.OnPostgres;

/**
 * {@link ConcurrentWritersIntegrationTests} on the PostgreSQL catalog with the database
 * engine.
 */
@OnPostgres
class ConcurrentWritersPostgresIntegrationTests extends ConcurrentWritersIntegrationTests {

}
