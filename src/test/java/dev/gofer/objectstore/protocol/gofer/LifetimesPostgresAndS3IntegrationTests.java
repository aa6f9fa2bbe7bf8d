package dev.gofer.objectstore.protocol.gofer;

import dev.gofer.objectstore.support.EngineCombinations.OnPostgresAndS3;

/** {@link LifetimesIntegrationTests} on the PostgreSQL catalog with the S3 engine. */
@OnPostgresAndS3
class LifetimesPostgresAndS3IntegrationTests extends LifetimesIntegrationTests {

}
