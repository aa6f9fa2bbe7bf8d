package dev.gofer.objectstore.retention;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gofer.retention.*}: the scheduled jobs that reclaim storage.
 *
 * @param enabled whether the jobs run at all
 * @param reclaimInterval how often the bytes of removed objects and abandoned uploads are
 * deleted
 * @param reclaimDelay how long the bytes of a removed object are kept, so that downloads
 * already under way can finish
 * @param sweepInterval how often the engine is searched for bytes the catalog does not
 * know
 * @param enforceInterval how often every pipeline's limits and expiry are applied again,
 * which matters after the defaults changed in the configuration
 * @param heartbeatInterval how often this instance records that it is alive
 * @param instanceLease how long after its last heartbeat an instance counts as gone, so
 * that its unfinished uploads are reclaimed
 * @param batchSize how many items a job handles per query
 */
@Validated
@ConfigurationProperties("gofer.retention")
public record RetentionProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration reclaimInterval,
		@DefaultValue("1m") Duration reclaimDelay, @DefaultValue("1h") Duration sweepInterval,
		@DefaultValue("15m") Duration enforceInterval, @DefaultValue("10s") Duration heartbeatInterval,
		@DefaultValue("1m") Duration instanceLease, @DefaultValue("500") @Min(1) @Max(10000) int batchSize) {

}
