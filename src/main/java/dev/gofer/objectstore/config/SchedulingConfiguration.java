package dev.gofer.objectstore.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on Spring's task scheduling, which the retention jobs run on; whether they run,
 * and how often, is {@code retention.RetentionSchedule}'s to decide from
 * {@code gofer.retention.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

}
