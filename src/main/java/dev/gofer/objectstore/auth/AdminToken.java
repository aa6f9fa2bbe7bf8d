package dev.gofer.objectstore.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.gofer.objectstore.config.DataDirectoryProperties;

/**
 * The bootstrap admin token: the configured one, else one generated on first start and
 * kept in {@code <data-dir>/admin-token}, readable only by its owner. Only its hash stays
 * in memory, and the logs say where the file is, never what it holds.
 */
@Component
class AdminToken {

	static final String FILE_NAME = "admin-token";

	private static final Logger logger = LoggerFactory.getLogger(AdminToken.class);

	private final byte[] sha256;

	AdminToken(AuthProperties properties, DataDirectoryProperties dataDirectory) {
		if (!properties.enabled()) {
			this.sha256 = new byte[0];
		}
		else if (properties.adminToken() != null && !properties.adminToken().isBlank()) {
			this.sha256 = Secrets.sha256(properties.adminToken().trim());
		}
		else {
			this.sha256 = Secrets.sha256(loadOrGenerate(dataDirectory.dataDir().resolve(FILE_NAME)));
		}
	}

	boolean matches(String secret) {
		return this.sha256.length > 0 && Secrets.sameHash(this.sha256, Secrets.sha256(secret));
	}

	private static String loadOrGenerate(Path file) {
		try {
			if (Files.exists(file)) {
				logger.info("Admin token: using the one in {}", file.toAbsolutePath());
				return Files.readString(file, StandardCharsets.UTF_8).trim();
			}
			Files.createDirectories(file.toAbsolutePath().getParent());
			String secret = Secrets.newSecret("admin");
			Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".admin-token", ".tmp",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(temporary, secret + "\n", StandardCharsets.UTF_8);
			try {
				// No replace: a replica sharing the directory may have written one first.
				Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (FileAlreadyExistsException ex) {
				Files.delete(temporary);
				return Files.readString(file, StandardCharsets.UTF_8).trim();
			}
			logger.info("Admin token: generated one into {} (readable only by its owner)", file.toAbsolutePath());
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the admin token file in the data directory", ex);
		}
	}

}
