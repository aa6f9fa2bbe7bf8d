package dev.gofer.objectstore.web;

import org.junit.jupiter.api.Test;

import dev.gofer.objectstore.error.RangeNotSatisfiableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ByteRangeTests {

	@Test
	void absentHeaderMeansTheWholeObject() {
		assertThat(ByteRange.parse(null, 10)).isNull();
	}

	@Test
	void closedOpenAndSuffixRanges() {
		assertThat(ByteRange.parse("bytes=0-0", 10)).isEqualTo(new ByteRange(0, 1));
		assertThat(ByteRange.parse("bytes=3-", 10)).isEqualTo(new ByteRange(3, 7));
		assertThat(ByteRange.parse("bytes=-4", 10)).isEqualTo(new ByteRange(6, 4));
		assertThat(ByteRange.parse("bytes=-40", 10)).isEqualTo(new ByteRange(0, 10));
		assertThat(ByteRange.parse("bytes=5-999999999999999999999", 10)).isEqualTo(new ByteRange(5, 5));
		assertThat(ByteRange.parse("bytes=5-99", 10)).isEqualTo(new ByteRange(5, 5));
	}

	@Test
	void headersThatAreNotOneByteRangeAreIgnored() {
		assertThat(ByteRange.parse("bytes=0-1,4-5", 10)).isNull();
		assertThat(ByteRange.parse("items=0-1", 10)).isNull();
		assertThat(ByteRange.parse("bytes=-", 10)).isNull();
		assertThat(ByteRange.parse("bytes=5-2", 10)).isNull();
		assertThat(ByteRange.parse("garbage", 10)).isNull();
	}

	@Test
	void rangesPastTheEndAreUnsatisfiable() {
		assertThatExceptionOfType(RangeNotSatisfiableException.class).isThrownBy(() -> ByteRange.parse("bytes=10-", 10))
			.satisfies(ex -> assertThat(ex.size()).isEqualTo(10));
		assertThatExceptionOfType(RangeNotSatisfiableException.class).isThrownBy(() -> ByteRange.parse("bytes=-0", 10));
		assertThatExceptionOfType(RangeNotSatisfiableException.class).isThrownBy(() -> ByteRange.parse("bytes=0-", 0));
		assertThatExceptionOfType(RangeNotSatisfiableException.class)
			.isThrownBy(() -> ByteRange.parse("bytes=99999999999999999999-", 10));
	}

}
