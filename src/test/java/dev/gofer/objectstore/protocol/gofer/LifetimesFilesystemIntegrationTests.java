package dev.gofer.objectstore.protocol.gofer;

import dev.gofer.objectstore.support.EngineCombinations.OnFilesystem;

/** {@link LifetimesIntegrationTests} on the SQLite catalog with the filesystem engine. */
@OnFilesystem
class LifetimesFilesystemIntegrationTests extends LifetimesIntegrationTests {

}
