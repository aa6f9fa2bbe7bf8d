package dev.gofer.objectstore.protocol.gofer;

import dev.gofer.objectstore.support.EngineCombinations.OnPostgres;

/**
 * {@link HostileInputIntegrationTests} on the PostgreSQL catalog with the database
 * engine.
 */
@OnPostgres
class HostileInputPostgresIntegrationTests extends HostileInputIntegrationTests {

}
