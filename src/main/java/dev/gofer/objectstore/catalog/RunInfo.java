package dev.gofer.objectstore.catalog;

/**
 * A registered run.
 *
 * @param started epoch milliseconds when it was registered
 * @param objectsExpired whether its objects have expired (it then takes no more writes)
 */
public record RunInfo(long runId, long started, boolean objectsExpired) {

}
