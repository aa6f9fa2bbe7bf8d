package dev.gofer.objectstore.cli;

import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UnitsTests {

	@Test
	void sizesAreWrittenInBinaryUnits() {
		assertThat(Units.size(0)).isEqualTo("0 B");
		assertThat(Units.size(1023)).isEqualTo("1023 B");
		assertThat(Units.size(1024)).isEqualTo("1.0 KiB");
		assertThat(Units.size(1536)).isEqualTo("1.5 KiB");
		assertThat(Units.size(700 * 1024)).isEqualTo("700 KiB");
		assertThat(Units.size(5L << 30)).isEqualTo("5.0 GiB");
		assertThat(Units.size(Long.MAX_VALUE)).isEqualTo("8.0 EiB");
	}

	@Test
	void sizesAreReadAsTheServerReadsThem() {
		assertThat(Units.parseSize("512")).isEqualTo(512);
		assertThat(Units.parseSize("10B")).isEqualTo(10);
		assertThat(Units.parseSize("1KB")).isEqualTo(1024);
		assertThat(Units.parseSize("10MB")).isEqualTo(10L << 20);
		assertThat(Units.parseSize("10mib")).isEqualTo(10L << 20);
		assertThat(Units.parseSize("1.5G")).isEqualTo(3L << 29);
		assertThat(Units.parseSize("2TB")).isEqualTo(2L << 40);
		for (String invalid : new String[] { "", "MB", "-1", "ten", "1PB", "1e30" }) {
			assertThatExceptionOfType(CliException.class).as(invalid)
				.isThrownBy(() -> Units.parseSize(invalid))
				.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(ExitCode.USAGE));
		}
	}

	@Test
	void timesAreLocalAndAgesRounded() {
		long created = Instant.parse("2025-03-01T10:15:30Z").toEpochMilli();
		assertThat(Units.localTime(created, ZoneOffset.ofHours(2))).isEqualTo("2025-03-01 12:15:30");
		Instant now = Instant.ofEpochMilli(created);
		assertThat(Units.age(created, now)).isEqualTo("0s");
		assertThat(Units.age(created, now.plusSeconds(59))).isEqualTo("59s");
		assertThat(Units.age(created, now.plusSeconds(3599))).isEqualTo("59m");
		assertThat(Units.age(created, now.plusSeconds(7200))).isEqualTo("2h");
		assertThat(Units.age(created, now.plusSeconds(86400 * 3))).isEqualTo("3d");
		assertThat(Units.age(created, now.minusSeconds(5))).isEqualTo("0s");
		assertThat(Units.duration(185)).isEqualTo("3m05s");
		assertThat(Units.duration(7260)).isEqualTo("2h01m");
	}

}
