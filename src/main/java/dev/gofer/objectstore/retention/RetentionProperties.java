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
 * @param enabled Whether the scheduled jobs run at all (these, and the flush of reads'
 * last uses).
 * @param reclaimInterval How often the bytes of removed objects and abandoned uploads are
 * deleted.
 * @param reclaimDelay How long the bytes of a removed object are kept, so that downloads
 * already under way can finish.
 * @param sweepInterval How often the engine is searched for bytes the catalog does not
 * know.
 * @param enforceInterval How often every pipeline's limits and expiry are applied again,
 * which matters after the defaults changed in the configuration.
 * @param heartbeatInterval How often this instance records that it is alive.
 * @param instanceLease How long after its last heartbeat an instance counts as gone, so
 * that its unfinished uploads are reclaimed.
 * @param batchSize How many items a job handles per query (1 to 10000).
 */
@Validated
@ConfigurationProperties("gofer.retention")
public record RetentionProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration reclaimInterval,
		@DefaultValue("1m") Duration reclaimDelay, @DefaultValue("1h") Duration sweepInterval,
		@DefaultValue("15m") Duration enforceInterval, @DefaultValue("10s") Duration heartbeatInterval,
		@DefaultValue("1m") Duration instanceLease, @DefaultValue("500") @Min(1) @Max(10000) int batchSize) {

}
