package dev.gofer.objectstore.protocol.gofer;

import dev.gofer.objectstore.support.EngineCombinations.OnPostgres;

/**
 * {@link LifetimesIntegrationTests} on the PostgreSQL catalog with the database engine.
 */
@OnPostgres
class LifetimesPostgresIntegrationTests extends LifetimesIntegrationTests {

}
