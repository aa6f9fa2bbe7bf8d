package dev.gofer.objectstore.protocol.gofer;

import dev.gofer.objectstore.support.EngineCombinations.OnFilesystem;

/**
 * {@link HostileInputIntegrationTests} on the SQLite catalog with the filesystem engine.
 */
@OnFilesystem
class HostileInputFilesystemIntegrationTests extends HostileInputIntegrationTests {

}
