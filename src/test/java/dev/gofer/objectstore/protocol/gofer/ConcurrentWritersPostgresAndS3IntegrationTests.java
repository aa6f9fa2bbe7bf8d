package dev.gofer.objectstore.protocol.gofer;

import dev.gofer.objectstore.support.EngineCombinations.OnPostgresAndS3;

/**
 * {@link ConcurrentWritersIntegrationTests} on the PostgreSQL catalog with the S3 engine.
 */
@OnPostgresAndS3
class ConcurrentWritersPostgresAndS3IntegrationTests extends ConcurrentWritersIntegrationTests {

}
