package dev.gofer.objectstore.catalog;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An entry is a value: two reads of the same object are equal, whatever arrays hold the
 * bytes.
 */
class ObjectEntryTests {

	private static final String SHA256 = "a".repeat(64);

	private static ObjectEntry inline(String content) {
		return ObjectEntry.inline("key", content.getBytes(StandardCharsets.UTF_8), SHA256, "text/plain").createdAt(7);
	}

	@Test
	void inlineEntriesWithTheSameBytesInDifferentArraysAreEqual() {
		assertThat(inline("value")).isEqualTo(inline("value")).hasSameHashCodeAs(inline("value"));
	}

	@Test
	void inlineEntriesWithDifferentBytesDiffer() {
		assertThat(inline("value")).isNotEqualTo(inline("other"));
	}

	@Test
	void entriesDifferByEveryOtherField() {
		ObjectEntry entry = inline("value");
		assertThat(entry).isNotEqualTo(entry.createdAt(8))
			.isNotEqualTo(ObjectEntry.inEngine("key", 5, SHA256, "text/plain", 1).createdAt(7));
	}

	@Test
	void toStringGivesTheContentsLengthNotTheBytes() {
		assertThat(inline("secret-value")).hasToString("ObjectEntry[key=key, created=7, size=12, sha256=" + SHA256
				+ ", contentType=text/plain, blobId=null, content=12 bytes]");
	}

}
