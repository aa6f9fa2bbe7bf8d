package dev.gofer.objectstore.store.s3;

import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.gofer.objectstore.error.UnavailableException;
import dev.gofer.objectstore.store.ConditionalOnEngine;
import dev.gofer.objectstore.store.Engine;
import dev.gofer.objectstore.store.ObjectStore;
import dev.gofer.objectstore.store.ObjectStoreHealthIndicator;
import dev.gofer.objectstore.store.ObjectStoreProperties;

/** The S3 engine: bytes in a bucket of any S3-compatible store, checked at start-up. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEngine(Engine.S3)
class S3StoreConfiguration {

	@Bean(destroyMethod = "close")
	S3Client goferS3Client(ObjectStoreProperties properties) {
		ObjectStoreProperties.S3 s3 = properties.s3();
		S3ClientBuilder builder = S3Client.builder()
			.region(Region.of(s3.region()))
			.forcePathStyle(s3.pathStyle())
			.credentialsProvider(credentials(s3))
			// S3-compatible stores (MinIO, Ceph, s3proxy) vary in their support of the
			// newer
			// default integrity checksums; the engine keeps its own SHA-256 of every
			// object.
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.httpClientBuilder(ApacheHttpClient.builder()
				.maxConnections(64)
				.connectionTimeout(Duration.ofSeconds(5))
				.socketTimeout(Duration.ofSeconds(60)));
		if (s3.endpoint() != null) {
			builder.endpointOverride(s3.endpoint());
		}
		return builder.build();
	}

	@Bean
	S3ObjectStore s3ObjectStore(S3Client client, ObjectStoreProperties properties) {
		ObjectStoreProperties.S3 s3 = properties.s3();
		String bucket = s3.bucket();
		if (bucket == null) {
			// ObjectStoreProperties' validation refuses this before any bean is created.
			throw new IllegalStateException("gofer.object-store.s3.bucket is required");
		}
		S3ObjectStore store = new S3ObjectStore(client, bucket, s3.prefix(), (int) s3.partSize().toBytes());
		try {
			store.checkReachable();
		}
		catch (UnavailableException ex) {
			throw new IllegalStateException("The S3 bucket '" + s3.bucket() + "' is not reachable"
					+ (s3.endpoint() != null ? " at " + s3.endpoint() : "") + ": "
					+ (ex.getCause() != null ? ex.getCause().getMessage() : ex.getMessage()), ex);
		}
		return store;
	}

	@Bean
	ObjectStoreHealthIndicator objectStoreHealthIndicator(ObjectStore store) {
		return new ObjectStoreHealthIndicator(store);
	}

	private static AwsCredentialsProvider credentials(ObjectStoreProperties.S3 s3) {
		if (s3.accessKey() != null && s3.secretKey() != null) {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
		}
		return DefaultCredentialsProvider.builder().build();
	}

}
