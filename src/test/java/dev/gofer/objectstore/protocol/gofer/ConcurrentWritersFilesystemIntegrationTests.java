package dev.gofer.objectstore.protocol.gofer;

import dev.gofer.objectstore.support.EngineCombinations.OnFilesystem;

/**
 * {@link ConcurrentWritersIntegrationTests} on the SQLite catalog with the filesystem
 * engine.
 */
@OnFilesystem
class ConcurrentWritersFilesystemIntegrationTests extends ConcurrentWritersIntegrationTests {

}
