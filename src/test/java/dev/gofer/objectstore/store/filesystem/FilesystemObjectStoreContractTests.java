package dev.gofer.objectstore.store.filesystem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.gofer.objectstore.store.ObjectStore;
import dev.gofer.objectstore.store.ObjectStoreContractTests;
import dev.gofer.objectstore.support.GeneratedContent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FilesystemObjectStoreContractTests extends ObjectStoreContractTests {

	@TempDir
	Path root;

	@Override
	protected ObjectStore createStore() {
		return new FilesystemObjectStore(this.root.resolve("objects"));
	}

	@Test
	void blobsLargerThanTheBackgroundFlushIntervalArriveIntact() throws IOException {
		// 150 MiB: two flushes in the background while the content streams, then the
		// final sync.
		long size = 150L * 1024 * 1024 + 17;
		GeneratedContent content = new GeneratedContent(11, size);
		long id = newId();
		assertThat(this.store.write(id, content)).isEqualTo(size);
		MessageDigest digest = GeneratedContent.sha256Digest();
		try (InputStream in = new DigestInputStream(this.store.open(id, 0, size).orElseThrow(), digest)) {
			assertThat(in.transferTo(OutputStream.nullOutputStream())).isEqualTo(size);
		}
		assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(content.sha256());
	}

	@Test
	void fileRemovedBehindTheServicesBackIsAbsent() throws IOException {
		long id = newId();
		this.store.write(id, new ByteArrayInputStream(random(100)));
		Files.delete(((FilesystemObjectStore) this.store).path(id));
		assertThat(this.store.open(id, 0, 100)).isEmpty();
	}

	@Test
	void truncatedFileFailsTheReadInsteadOfEndingShort() throws IOException {
		long id = newId();
		this.store.write(id, new ByteArrayInputStream(random(1000)));
		Path file = ((FilesystemObjectStore) this.store).path(id);
		Files.write(file, random(10));
		try (InputStream in = this.store.open(id, 0, 1000).orElseThrow()) {
			assertThatExceptionOfType(IOException.class).isThrownBy(in::readAllBytes);
		}
	}

	@Test
	void filesAreNamedByIdInsideTheRootOnly() throws IOException {
		long id = newId();
		this.store.write(id, new ByteArrayInputStream(random(10)));
		Path file = ((FilesystemObjectStore) this.store).path(id);
		assertThat(file.normalize()).startsWith(this.root.resolve("objects"));
		assertThat(file.getFileName().toString()).matches("[0-9a-f]{16}");
		try (Stream<Path> temporary = Files.list(this.root.resolve("objects").resolve("tmp"))) {
			assertThat(temporary).as("nothing half-written stays behind").isEmpty();
		}
	}

	@Test
	void leftoversOfADeadUploadAreListedSoTheSweepCanFindThem() throws IOException {
		long id = newId();
		Files.write(this.root.resolve("objects").resolve("tmp").resolve(String.format("%016x", id) + ".123.tmp"),
				random(10));
		assertThat(listed()).contains(id);
		this.store.delete(id);
		assertThat(listed()).doesNotContain(id);
	}

}
