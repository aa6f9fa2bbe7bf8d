package dev.gofer.objectstore.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the retention jobs; {@code gofer.retention.enabled=false} turns them off (in some
 * tests).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "gofer.retention.enabled", matchIfMissing = true)
class SchedulingConfiguration {

}
