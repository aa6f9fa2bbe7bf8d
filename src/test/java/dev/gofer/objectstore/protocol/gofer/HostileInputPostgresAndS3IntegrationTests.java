package dev.gofer.objectstore.protocol.gofer;

import dev.gofer.objectstore.support.EngineCombinations.OnPostgresAndS3;

/** {@link HostileInputIntegrationTests} on the PostgreSQL catalog with the S3 engine. */
@OnPostgresAndS3
class HostileInputPostgresAndS3IntegrationTests extends HostileInputIntegrationTests {

}
