package dev.gofer.objectstore.catalog;

import java.util.List;

/**
 * The outcome of a write.
 *
 * @param object the object now visible under the key
 * @param replaced whether it replaced an earlier value
 * @param evicted keys of pipeline objects removed to keep the pipeline within its limits
 */
public record CommitResult(ObjectEntry object, boolean replaced, List<String> evicted) {

}
